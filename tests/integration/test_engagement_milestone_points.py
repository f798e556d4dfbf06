"""Engagement milestones through the worker on PostgreSQL: each recorded snapshot leaves an event with
the share's totals in the outbox, and a milestone pays once per share when the totals first reach it,
whichever reports follow (lower, equal, higher, or the integration's replacing the ambassador's), and
however many workers judge them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.domain.events import RecordedEvent
from app.services.events.deliver_events import DeliverEvents
from app.services.rewards.handlers import RewardPoints
from tests.integration.conftest import Mint, bearer
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.share_helpers import new_share, sharing_programme
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]

REACTIONS_50 = "engagement_milestone.reactions.50"
IMPRESSIONS_5000 = "engagement_milestone.impressions.5000"


def counts(impressions: int, reactions: int) -> dict[str, Any]:
    return {
        "observed_at": datetime.now(UTC).isoformat(),
        "impressions": impressions,
        "reactions": reactions,
        "comments": 0,
        "reshares": 0,
    }


async def report(client: httpx.AsyncClient, share_id: str, headers: dict[str, str], body: dict[str, Any]) -> None:
    response = await client.post(f"/v1/shares/{share_id}/engagement", json=body, headers=headers)
    assert response.status_code == 201, response.text


def milestone_entries(statement: dict[str, Any]) -> list[tuple[str, int, str]]:
    return sorted(
        (entry["rule"], entry["points"], entry["source_event_type"])
        for entry in statement["items"]
        if entry["rule"].startswith("engagement_milestone.")
    )


async def test_a_milestone_pays_once_per_share_when_its_totals_first_reach_it(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = await new_share(client, sharing)
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    integrator = bearer(mint(tenant_a, "integrator", subject="linkedin-sync"))

    await report(client, share["id"], sharing.member, counts(900, 60))  # self-reported: reactions reach 50
    await drain(rewards_worker)
    first = await my_points(client, sharing.member)

    await report(client, share["id"], integrator, counts(800, 55))  # the integration's, superseding: not again
    await report(client, share["id"], integrator, counts(800, 40))  # lower
    await report(client, share["id"], integrator, counts(800, 40))  # equal
    await drain(rewards_worker)
    after_lower = await my_points(client, sharing.member)

    await report(client, share["id"], integrator, counts(6000, 90))  # impressions reach 5000
    await drain(rewards_worker)
    await drain(rewards_worker)  # a second pass finds everything handled
    last = await my_points(client, sharing.member)

    assert milestone_entries(first) == [(REACTIONS_50, 10, "share.engagement_recorded")]
    assert milestone_entries(after_lower) == milestone_entries(first)
    assert after_lower["balance"] == first["balance"]
    assert milestone_entries(last) == [
        (IMPRESSIONS_5000, 25, "share.engagement_recorded"),
        (REACTIONS_50, 10, "share.engagement_recorded"),
    ]
    assert last["balance"] == first["balance"] + 25
    entry = next(entry for entry in last["items"] if entry["rule"] == IMPRESSIONS_5000)
    assert (entry["share_id"], entry["kind"], entry["status"]) == (share["id"], "award", "credited")
    assert "rule engagement_milestone.impressions.5000, rule set version 0" in entry["reason"]

    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                sa.text("SELECT data FROM outbox WHERE type = 'share.engagement_recorded' ORDER BY id")
            )
        ).all()
    totals = [(row.data["source"], row.data["totals_source"], row.data["totals"]["reactions"]) for row in rows]
    assert totals == [
        ("self_reported", "self_reported", 60),
        ("integration", "integration", 55),
        ("integration", "integration", 40),
        ("integration", "integration", 40),
        ("integration", "integration", 90),
    ]


async def test_two_reports_of_one_share_judged_at_the_same_time_pay_its_milestone_once(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = await new_share(client, sharing)
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    integrator = bearer(mint(tenant_a, "integrator", subject="linkedin-sync"))
    await report(client, share["id"], sharing.member, counts(900, 60))
    await report(client, share["id"], integrator, counts(950, 70))
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                sa.text(
                    "SELECT id, type, tenant_id, occurred_at, data FROM outbox"
                    " WHERE type = 'share.engagement_recorded' ORDER BY id"
                )
            )
        ).all()
    events = [
        RecordedEvent(id=row.id, type=row.type, tenant_id=row.tenant_id, occurred_at=row.occurred_at, data=row.data)
        for row in rows
    ]
    ids = Uuid7Generator()
    rewards = RewardPoints(PostgresUnitOfWorkFactory(create_sessions(engine), ids), SystemClock(), ids)
    assert len(events) == 2

    # Two workers handed one report each at the same moment: the second waits for the first's award.
    await asyncio.gather(*(rewards(event) for event in events))

    assert milestone_entries(await my_points(client, sharing.member)) == [
        (REACTIONS_50, 10, "share.engagement_recorded")
    ]
