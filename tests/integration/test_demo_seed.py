"""The demo tenant ``make run`` seeds: read back over REST as its admin, its manager and Camille."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.tables import metadata
from app.bootstrap import core_ports
from app.domain.targeting import language_matches
from app.services.seed_demo import (
    ADMIN_EMAIL,
    ADMIN_SUBJECT,
    DEMO_AMBASSADOR,
    MANAGER_EMAIL,
    MANAGER_SUBJECT,
    PEOPLE,
    DemoPerson,
    SeedDemo,
)
from tests.integration.conftest import Mint, bearer

LIFECYCLE = {"draft", "submitted", "in_review", "approved", "published", "expired", "rejected", "archived"}


@pytest.fixture
async def demo(engine: AsyncEngine) -> UUID:
    seeded = await SeedDemo(*core_ports(engine))()
    assert seeded.created
    return seeded.tenant_id


@pytest.fixture
def manager(mint: Mint, demo: UUID) -> dict[str, str]:
    return bearer(mint(demo, "manager", email=MANAGER_EMAIL, subject=MANAGER_SUBJECT))


@pytest.fixture
def admin(mint: Mint, demo: UUID) -> dict[str, str]:
    return bearer(mint(demo, "admin", email=ADMIN_EMAIL, subject=ADMIN_SUBJECT))


def ambassador(mint: Mint, demo: UUID, person: DemoPerson) -> dict[str, str]:
    """The token ``make run`` prints for the demo ambassador, for anyone of the roster."""
    return bearer(mint(demo, "ambassador", email=person.email, subject=person.subject))


async def every_content(client: httpx.AsyncClient, headers: dict[str, str], **filters: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/contents", params={"limit": 100, **filters}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def table_rows(engine: AsyncEngine) -> dict[str, list[Any]]:
    async with engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in (await connection.execute(sa.select(table))).all()]
            for table in metadata.sorted_tables
        }


def reaches(content: dict[str, Any], person: DemoPerson) -> bool:
    targeting = content["targeting"]
    return (
        (not targeting["departments"] or person.department in targeting["departments"])
        and (not targeting["locations"] or person.location in targeting["locations"])
        and (not targeting["languages"] or any(language_matches(r, person.language) for r in targeting["languages"]))
    )


async def test_seeding_twice_changes_nothing(engine: AsyncEngine, demo: UUID) -> None:
    before = await table_rows(engine)
    again = await SeedDemo(*core_ports(engine))()
    assert (again.tenant_id, again.created) == (demo, False)
    assert await table_rows(engine) == before


async def test_the_demo_ambassador_has_accepted_the_current_charter_and_others_have_not(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    charter = await client.get("/v1/charter", headers=admin)
    assert charter.status_code == 200, charter.text
    assert charter.json()["number"] == 2
    camille = (await client.get("/v1/me", headers=ambassador(mint, demo, DEMO_AMBASSADOR))).json()
    hugo = (await client.get("/v1/me", headers=ambassador(mint, demo, PEOPLE["hugo"]))).json()
    assert (camille["charter_status"], camille["ambassador"]["charter_version"]) == ("accepted", 2)
    assert (hugo["charter_status"], hugo["ambassador"]["charter_version"]) == ("needs_acceptance", 1)
    behind = await client.get("/v1/ambassadors", params={"charter_status": "needs_acceptance"}, headers=admin)
    employees = {item["employee_id"] for item in behind.json()["items"]}
    assert hugo["employee"]["id"] in employees
    assert camille["employee"]["id"] not in employees


async def test_contents_go_through_the_whole_lifecycle_in_french_and_english(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    contents = await every_content(client, manager)
    assert len(contents) >= 12
    assert {content["status"] for content in contents} == LIFECYCLE
    rejected = [content for content in contents if content["status"] == "rejected"]
    history = await client.get(f"/v1/contents/{rejected[0]['id']}/history", headers=manager)
    assert history.json()[-1]["reason"]
    proposals = [content for content in contents if content["proposed"]]
    assert [content["status"] for content in proposals] == ["submitted"]
    assert len(await every_content(client, manager, status="published")) >= 5
    french, english = (
        await every_content(client, manager, language="fr"),
        await every_content(client, manager, language="en"),
    )
    assert french
    assert english
    assert {content["id"] for content in english} - {content["id"] for content in french}


async def test_three_campaigns_and_exactly_one_active_challenge(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    response = await client.get("/v1/campaigns", headers=manager)
    campaigns = response.json()["items"]
    assert len(campaigns) == 3
    assert sorted(campaign["status"] for campaign in campaigns) == ["active", "ended", "scheduled"]
    challenges = [campaign for campaign in campaigns if campaign["is_challenge"]]
    assert [challenge["status"] for challenge in challenges] == ["active"]
    challenge_contents = await every_content(client, manager, campaign_id=challenges[0]["id"])
    assert "published" in {content["status"] for content in challenge_contents}


async def test_the_demo_ambassador_feed_holds_what_is_live_for_her_with_linkedin_and_x_captions(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, manager: dict[str, str]
) -> None:
    camille = DEMO_AMBASSADOR
    headers = ambassador(mint, demo, camille)
    response = await client.get("/v1/me/feed", params={"limit": 100}, headers=headers)
    assert response.status_code == 200, response.text
    feed = response.json()["items"]
    published = await every_content(client, manager, status="published")
    assert {item["id"] for item in feed} == {content["id"] for content in published if reaches(content, camille)}
    assert (feed[0]["pinned"], feed[1]["important"]) == (True, True)
    shareable = [item for item in feed if item["shareable"]]
    assert len(shareable) >= 3
    for item in shareable:
        assert item["language"] == "fr"
        assert set(item["captions"]) == {"linkedin", "x"}
        for network, caption in item["captions"].items():
            body = {"network": network, "text": caption, "content_id": item["id"]}
            report = await client.post("/v1/compliance/check", json=body, headers=headers)
            assert report.json() == {"ok": True, "violations": []}, (item["title"], network)
    challenge = next(item for item in feed if item["campaigns"])
    assert challenge["campaigns"][0]["is_challenge"]
