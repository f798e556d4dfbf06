"""The programme the scale test loads, made over HTTP through replica A with the integration tests'
steps: an organisation whose webhook endpoint wants every event, its reward rules, members who
accepted the charter and shared, published contents, rewards in short stock, a digest due now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import bearer
from tests.integration.share_helpers import Sharing, create_share, member_who_accepted, published, sharing_programme
from tests.scale.cluster import Cluster

MEMBERS = 8
CONTENTS = 4
NETWORKS = ("linkedin", "x")
REWARDS = 3
STOCK = 4
COST = 15
# No caps: every counted click, share and lead earns, so that each can be found in the ledger once.
RULES: list[dict[str, Any]] = [
    {"kind": "share_posted", "points": 10},
    {"kind": "first_share", "points": 25},
    {"kind": "counted_click", "points": 2},
    {"kind": "conversion", "points": 20, "conversion_type": "lead"},
    {"kind": "charter_accepted", "points": 10},
]
# Distinct visitors never trip it; it is not what is measured.
VELOCITY_GUARD = {"window_minutes": 1, "min_clicks": 100_000, "max_visitors": 1}


@dataclass(frozen=True, slots=True)
class Person:
    headers: dict[str, str]
    ambassador_id: str


@dataclass(slots=True)
class Organisation:
    tenant_id: UUID
    admin: dict[str, str]
    integrator: dict[str, str]
    members: list[Person]
    contents: list[str]
    rewards: list[str]
    endpoint_id: str
    sharing: Sharing
    # id -> tracked path (``/r/{code}``), the shares clicks go to; grows as the load shares.
    shares: dict[str, str]


async def confirmed_share(client: httpx.AsyncClient, member: dict[str, str], content_id: str, network: str) -> Any:
    """An intent on ``network``, then confirmed as posted: the share's JSON, or the failing response."""
    intent = await create_share(client, member, content_id, network)
    if intent.status_code not in {200, 201}:
        return intent
    confirmed = await client.post(f"/v1/shares/{intent.json()['id']}/confirm", json={}, headers=member)
    return confirmed if confirmed.status_code != 200 else intent.json()


async def seed(cluster: Cluster, slug: str = "scale") -> Organisation:
    operator = bearer(cluster.mint(None, "operator", subject="ops"))
    async with httpx.AsyncClient(base_url=cluster.a, timeout=30) as client:
        created = await client.post("/v1/tenants", json={"slug": slug, "name": "Scale"}, headers=operator)
        assert created.status_code == 201, created.text
        tenant_id = UUID(created.json()["id"])

        def mint(tenant: UUID | None, *roles: str, email: str | None = None, subject: str | None = None) -> str:
            return cluster.mint(tenant, *roles, subject=subject or f"{roles[0]}-{email or 'user'}", email=email)

        admin = bearer(mint(tenant_id, "admin", subject="admin"))
        # First, so that every event of the organisation has a delivery to it.
        endpoint = await client.post(
            "/v1/webhook-endpoints", json={"url": f"{cluster.receiver}/hooks", "event_types": ["*"]}, headers=admin
        )
        assert endpoint.status_code == 201, endpoint.text
        rules = await client.put(
            "/v1/reward-rules", json={"rules": RULES, "velocity_guard": VELOCITY_GUARD}, headers=admin
        )
        assert rules.status_code == 200, rules.text
        # The weekly digest is due as soon as the workers start: today, from midnight UTC.
        digest = {"time_zone": "UTC", "digest_weekday": datetime.now(UTC).isoweekday(), "digest_time": "00:00"}
        sharing = await sharing_programme(client, mint, tenant_id, admin, **digest)
        members = [sharing.member] + [
            await member_who_accepted(client, mint, sharing.setup, f"idp|member-{number}", department="Sales")
            for number in range(1, MEMBERS)
        ]
        contents = [await published(client, sharing, title=f"Offre {number}") for number in range(CONTENTS)]
        shares: dict[str, str] = {}
        people = []
        for member in members:
            share = await confirmed_share(client, member, contents[0], NETWORKS[0])
            assert isinstance(share, dict), share.text
            shares[share["id"]] = httpx.URL(share["tracked_url"]).path
            me = (await client.get("/v1/me", headers=member)).json()
            people.append(Person(member, me["ambassador"]["id"]))
        rewards = []
        for number in range(REWARDS):
            body = {"name": f"Déjeuner {number}", "kind": "experience", "cost": COST, "stock": STOCK}
            reward = await client.post("/v1/rewards", json=body, headers=admin)
            assert reward.status_code == 201, reward.text
            rewards.append(reward.json()["id"])
    integrator = bearer(mint(tenant_id, "integrator", subject="crm"))
    return Organisation(tenant_id, admin, integrator, people, contents, rewards, endpoint.json()["id"], sharing, shares)
