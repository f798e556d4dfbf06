"""The demo tenant's rewards catalogue, read back over REST: a symbolic gift and a lunch with the
leadership, two associations, Léa's lunch awaiting approval, her gift and Amelia's kudos."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.catalogue_story import ASSOCIATIONS, REWARDS
from app.demo.run import seed_demo
from app.demo.seed import MANAGER_EMAIL, MANAGER_SUBJECT, PEOPLE, DemoPerson
from app.settings import Settings
from tests.integration.conftest import Mint, bearer


@pytest.fixture
async def demo(engine: AsyncEngine, settings: Settings) -> UUID:
    seeded = await seed_demo(engine, settings.public_base_url)
    assert seeded.created
    return seeded.tenant_id


@pytest.fixture
def manager(mint: Mint, demo: UUID) -> dict[str, str]:
    return bearer(mint(demo, "manager", email=MANAGER_EMAIL, subject=MANAGER_SUBJECT))


def member(mint: Mint, demo: UUID, person: DemoPerson) -> dict[str, str]:
    return bearer(mint(demo, "ambassador", email=person.email, subject=person.subject))


async def test_the_catalogue_offers_a_gift_and_a_lunch_and_lists_two_associations(
    client: httpx.AsyncClient, mint: Mint, demo: UUID
) -> None:
    camille = member(mint, demo, PEOPLE["camille"])
    rewards = (await client.get("/v1/rewards", headers=camille)).json()["items"]
    associations = (await client.get("/v1/associations", headers=camille)).json()["items"]

    assert [(r["name"], r["kind"]) for r in rewards] == [(r.name, r.kind.value) for r in REWARDS]
    assert {"gift", "experience"} == {r["kind"] for r in rewards}
    assert [a["name"] for a in associations] == [a.name for a in ASSOCIATIONS]


async def test_leas_lunch_awaits_the_managers_approval_and_her_gift_counts_for_the_restos(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, manager: dict[str, str]
) -> None:
    queue = (await client.get("/v1/redemptions", params={"status": "requested"}, headers=manager)).json()["items"]
    lea = member(mint, demo, PEOPLE["lea"])
    mine = (await client.get("/v1/me/redemptions", headers=lea)).json()["items"]
    totals = (await client.get("/v1/donations/totals", headers=lea)).json()["items"]

    assert [r["id"] for r in queue] == [r["id"] for r in mine]
    assert [(r["points"], r["status"]) for r in mine] == [(500, "requested")]
    assert [(t["points"], t["donors"]) for t in totals] == [(50, 1)]
    approved = await client.post(f"/v1/redemptions/{queue[0]['id']}/approve", headers=manager)
    assert approved.json()["status"] == "approved"


async def test_amelia_has_kudos_on_her_profile(client: httpx.AsyncClient, mint: Mint, demo: UUID) -> None:
    kudos = (await client.get("/v1/me/kudos", headers=member(mint, demo, PEOPLE["amelia"]))).json()["items"]
    assert [k["sent_by"] for k in kudos] == [MANAGER_SUBJECT]
