"""The demo's recognition, through the worker: the demo's shares earn their ambassadors' badges once
the worker has gone through the demo's events, and the running challenge has its board."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.campaign_story import TALENT_CHALLENGE
from app.demo.run import seed_demo
from app.demo.seed import DEMO_AMBASSADOR, MANAGER_EMAIL, MANAGER_SUBJECT, PEOPLE
from app.settings import Settings
from tests.integration.conftest import Mint, bearer
from tests.integration.recognition_helpers import worker_rounds


@pytest.fixture
async def demo(engine: AsyncEngine, settings: Settings) -> UUID:
    seeded = await seed_demo(engine, settings.public_base_url)
    return seeded.tenant_id


async def test_the_demos_sharers_earn_badges_through_the_worker_and_the_challenge_has_its_board(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, mint: Mint, demo: UUID
) -> None:
    person = DEMO_AMBASSADOR
    camille = bearer(mint(demo, "ambassador", email=person.email, subject=person.subject))
    sharer = PEOPLE["lea"]
    lea = bearer(mint(demo, "ambassador", email=sharer.email, subject=sharer.subject))
    manager = bearer(mint(demo, "manager", email=MANAGER_EMAIL, subject=MANAGER_SUBJECT))
    before = (await client.get("/v1/me/badges", headers=lea)).json()["items"]

    async with worker_rounds(engine, database_url) as run:
        await run()
    badges = [item["badge"]["key"] for item in (await client.get("/v1/me/badges", headers=lea)).json()["items"]]
    campaigns = (await client.get("/v1/campaigns", params={"limit": 100}, headers=manager)).json()["items"]
    challenge = next(c for c in campaigns if c["slug"] == TALENT_CHALLENGE)
    board = await client.get(
        "/v1/leaderboards",
        params={"scope": "campaign", "period": "campaign", "campaign_id": challenge["id"]},
        headers=camille,
    )
    progress = await client.get(f"/v1/campaigns/{challenge['id']}/progress", headers=manager)

    assert before == []
    assert "first-share" in badges
    assert board.status_code == 200, board.text
    assert board.json()["me"] is not None
    assert board.json()["starts_at"] == challenge["starts_at"]
    assert progress.json()["is_challenge"] is True
    assert progress.json()["shares"]["reached"] > 0


async def test_the_demos_running_challenge_board_names_a_member_before_anyone_shares(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, mint: Mint, demo: UUID
) -> None:
    camille = bearer(mint(demo, "ambassador", email=DEMO_AMBASSADOR.email, subject=DEMO_AMBASSADOR.subject))
    manager = bearer(mint(demo, "manager", email=MANAGER_EMAIL, subject=MANAGER_SUBJECT))
    async with worker_rounds(engine, database_url) as run:
        await run()
    campaigns = (await client.get("/v1/campaigns", params={"limit": 100}, headers=manager)).json()["items"]
    challenge = next(c for c in campaigns if c["slug"] == TALENT_CHALLENGE)
    params = {"scope": "campaign", "period": "campaign", "campaign_id": challenge["id"]}

    seen_by_camille = (await client.get("/v1/leaderboards", params=params, headers=camille)).json()
    seen_by_manager = (await client.get("/v1/leaderboards", params=params, headers=manager)).json()

    assert [row["given_name"] for row in seen_by_camille["items"]] == ["Amelia"]
    assert seen_by_camille["items"][0]["points"] > 0
    assert seen_by_manager["items"] == seen_by_camille["items"]
    assert "Léa" not in {row["given_name"] for row in seen_by_manager["items"]}
