"""Badges and challenges through the worker on PostgreSQL: a posted share earns the first-share
badge once however often its event is handed over; a challenge that ended fixes its winners once,
whatever the number of settling rounds, and they earn the winner badge; badges show to others only
as the member's visibility allows; nothing crosses to another organisation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, create_sessions
from app.adapters.postgres.rewards.challenge_schedule import PostgresChallengeSchedule
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.services.rewards.recognition import settle_challenges
from tests.integration.conftest import Mint
from tests.integration.content_helpers import create_campaign
from tests.integration.feed_helpers import at
from tests.integration.helpers import assert_problem
from tests.integration.recognition_helpers import award, member_id, show_on_boards, worker_rounds
from tests.integration.share_helpers import Sharing, member_who_accepted, new_share, sharing_programme
from tests.integration.worker_helpers import MovableClock, rows


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a, share_daily_limit=50)


async def outbox_types(engine: AsyncEngine, event_type: str) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        result = await connection.execute(
            sa.text("SELECT data FROM outbox WHERE type = :type ORDER BY id"), {"type": event_type}
        )
        return [row.data for row in result]


async def my_badges(client: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    response = await client.get("/v1/me/badges", headers=headers)
    assert response.status_code == 200, response.text
    return [item["badge"]["key"] for item in response.json()["items"]]


async def test_a_posted_share_earns_the_first_share_badge_once(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, sharing: Sharing
) -> None:
    assert await my_badges(client, sharing.member) == []
    share = await new_share(client, sharing)
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text

    async with worker_rounds(engine, database_url) as run:
        await run()
        await run()
    # The event handed over again (a worker that died before marking it) changes nothing.
    async with engine.begin() as connection:
        await connection.execute(sa.text("UPDATE outbox SET delivered_at = NULL WHERE type = 'share.posted'"))
    async with worker_rounds(engine, database_url) as run:
        await run()

    assert await my_badges(client, sharing.member) == ["first-share"]
    earned = await outbox_types(engine, "badge.earned")
    assert [event["badge"] for event in earned] == ["first-share"]
    counters = await rows(engine, "badge_counters", order="period_start")
    assert [row["count"] for row in counters] == [1, 1], "counted once, ever and in its week"


async def test_badges_show_to_others_as_the_members_visibility_allows(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    sharing: Sharing,
    mint: Mint,
    admin_b: dict[str, str],
) -> None:
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    async with worker_rounds(engine, database_url) as run:
        await run()
    ada = await member_id(client, sharing.member)
    colleague = await member_who_accepted(client, mint, sharing.setup, "idp|bea", given_name="Bea")
    url = f"/v1/ambassadors/{ada}/badges"

    hidden = await client.get(url, headers=colleague)
    by_staff = await client.get(url, headers=sharing.setup.admin)
    await show_on_boards(client, sharing.member)
    shown = await client.get(url, headers=colleague)
    elsewhere = await client.get(url, headers=admin_b)

    assert_problem(hidden, 404, "not-found")
    assert [item["badge"]["key"] for item in by_staff.json()["items"]] == ["first-share"]
    assert [item["badge"]["key"] for item in shown.json()["items"]] == ["first-share"]
    assert_problem(elsewhere, 404, "not-found")


async def test_a_challenge_that_ended_fixes_its_winners_once_and_they_earn_the_winner_badge(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, sharing: Sharing, mint: Mint
) -> None:
    setup = sharing.setup
    await client.patch("/v1/settings", json={"challenge_winners": 1}, headers=setup.admin | {"If-Match": "*"})
    campaign = await create_campaign(
        client, setup.manager, "spring-challenge", starts_at=at(-2), ends_at=at(1), is_challenge=True
    )
    launched = await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=setup.manager)
    assert launched.status_code == 200, launched.text
    ada = await member_id(client, sharing.member)
    bea_headers = await member_who_accepted(client, mint, setup, "idp|bea", given_name="Bea")
    bea = await member_id(client, bea_headers)
    for headers in (sharing.member, bea_headers):
        await show_on_boards(client, headers)
    campaign_id = UUID(campaign["id"])
    now = datetime.now(UTC)
    await award(engine, setup.tenant_id, ada, 40, at=now - timedelta(hours=1), campaign_id=campaign_id)
    await award(engine, setup.tenant_id, bea, 25, at=now - timedelta(hours=1), campaign_id=campaign_id)
    await award(engine, setup.tenant_id, bea, 99, at=now - timedelta(days=5), campaign_id=campaign_id)
    async with worker_rounds(engine, database_url) as run:
        await run()

    params = {"period": "campaign", "scope": "campaign", "campaign_id": campaign["id"]}
    running = (await client.get("/v1/leaderboards", params=params, headers=bea_headers)).json()
    assert [(row["given_name"], row["points"]) for row in running["items"]] == [("Ada", 40), ("Bea", 25)]
    assert running["me"]["rank"] == 2
    assert running["ends_at"] is not None

    pool = await create_pool(database_url, size=2)
    try:
        clock = MovableClock()
        ids = Uuid7Generator()
        uow = PostgresUnitOfWorkFactory(create_sessions(engine), ids)
        schedule = PostgresChallengeSchedule(pool)
        assert await settle_challenges(uow, clock, ids, schedule)() == 0, "not ended yet"
        clock.advance(timedelta(days=2))
        first = settle_challenges(uow, clock, ids, schedule)
        second = settle_challenges(uow, clock, ids, schedule)
        assert await first() + await second() == 1
    finally:
        await pool.close()

    [ended] = await outbox_types(engine, "challenge.ended")
    assert ended["campaign_id"] == campaign["id"]
    assert [(w["ambassador_id"], w["rank"], w["points"]) for w in ended["winners"]] == [(str(ada), 1, 40)]
    assert "challenge-winner" in await my_badges(client, sharing.member)
    assert "challenge-winner" not in await my_badges(client, bea_headers)


async def test_a_campaign_shows_its_progress_against_its_goals(
    client: httpx.AsyncClient, sharing: Sharing, admin_b: dict[str, str]
) -> None:
    setup = sharing.setup
    campaign = await create_campaign(
        client, setup.manager, "autumn", starts_at=at(-1), goals={"shares": 10, "conversions": {"lead": 5}}
    )

    progress = await client.get(f"/v1/campaigns/{campaign['id']}/progress", headers=setup.admin)
    elsewhere = await client.get(f"/v1/campaigns/{campaign['id']}/progress", headers=admin_b)
    by_member = await client.get(f"/v1/campaigns/{campaign['id']}/progress", headers=sharing.member)

    assert progress.status_code == 200, progress.text
    assert progress.json()["shares"] == {"target": 10, "reached": 0}
    assert progress.json()["conversions"] == {"lead": {"target": 5, "reached": 0}}
    assert progress.json()["clicks"] == {"target": None, "reached": 0}
    assert_problem(elsewhere, 404, "not-found")
    assert_problem(by_member, 403)


async def test_the_catalogue_holds_the_defaults_and_an_admin_can_disable_one(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, database_url: str
) -> None:
    setup = sharing.setup
    keys = [item["key"] for item in (await client.get("/v1/badges", headers=sharing.member)).json()["items"]]
    disabled = await client.post(
        "/v1/badges",
        json={
            "key": "first-share",
            "name": "x",
            "description": "x",
            "criterion": {"kind": "counter", "metric": "shares", "at_least": 1},
            "enabled": False,
        },
        headers=setup.admin,
    )
    refused = await client.post(
        "/v1/badges",
        json={
            "key": "recruiter",
            "name": "Recruiter",
            "description": "Hires.",
            "criterion": {"kind": "streak", "metric": "hires"},
        },
        headers=setup.admin,
    )
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    async with worker_rounds(engine, database_url) as run:
        await run()

    assert keys[:4] == ["challenge-winner", "co-author", "first-hire", "first-lead"]
    assert len(keys) == 10
    assert disabled.status_code == 200, disabled.text
    assert disabled.json()["enabled"] is False
    assert disabled.json()["name"] == "First share", "a default is not redefined"
    assert_problem(refused, 422, "validation-failed")
    assert await my_badges(client, sharing.member) == []


async def test_a_members_badges_through_graphql_follow_the_same_visibility(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, sharing: Sharing, mint: Mint
) -> None:
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    async with worker_rounds(engine, database_url) as run:
        await run()
    colleague = await member_who_accepted(client, mint, sharing.setup, "idp|bea", given_name="Bea")
    me = (await client.post("/graphql", json={"query": "{ me { ambassador { id } } }"}, headers=sharing.member)).json()
    ada = me["data"]["me"]["ambassador"]["id"]
    query = {
        "query": "query ($id: ID!) { ambassadorBadges(ambassadorId: $id) { badge { key } earnedAt } }",
        "variables": {"id": ada},
    }

    hidden = (await client.post("/graphql", json=query, headers=colleague)).json()
    await show_on_boards(client, sharing.member)
    shown = (await client.post("/graphql", json=query, headers=colleague)).json()
    mine = (
        await client.post("/graphql", json={"query": "{ myBadges { badge { key name } } }"}, headers=sharing.member)
    ).json()

    assert hidden["data"]["ambassadorBadges"] is None
    assert [item["badge"]["key"] for item in shown["data"]["ambassadorBadges"]] == ["first-share"]
    assert mine["data"]["myBadges"] == [{"badge": {"key": "first-share", "name": "First share"}}]


SAVE_BADGE = """
mutation ($input: SaveBadgeInput!) {
  saveBadge(input: $input) {
    __typename
    ... on Badge { key name enabled builtin }
    ... on ValidationError { fieldErrors { path } }
  }
}
"""


async def test_an_admin_adds_a_badge_over_graphql_as_over_rest_and_an_ambassador_cannot(
    client: httpx.AsyncClient, sharing: Sharing
) -> None:
    recruiter = {
        "key": "recruiter",
        "name": "Recruiter",
        "description": "Three hires credited to shares.",
        "criterion": {"metric": "HIRES", "atLeast": 3},
    }
    incomplete = recruiter | {"key": "streaker", "criterion": {"metric": "SHARES", "atLeast": None}}
    misnamed = recruiter | {"key": "Top Recruiter"}

    async def save(badge: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        answer = await client.post(
            "/graphql", json={"query": SAVE_BADGE, "variables": {"input": badge}}, headers=headers
        )
        result: dict[str, Any] = answer.json()["data"]["saveBadge"]
        return result

    added = await save(recruiter, sharing.setup.admin)
    by_member = await save(recruiter | {"key": "mine"}, sharing.member)
    refused = await save(incomplete, sharing.setup.admin)
    badly_keyed = await save(misnamed, sharing.setup.admin)
    keys = [item["key"] for item in (await client.get("/v1/badges", headers=sharing.member)).json()["items"]]

    assert added == {"__typename": "Badge", "key": "recruiter", "name": "Recruiter", "enabled": True, "builtin": False}
    assert by_member["__typename"] == "ForbiddenError"
    assert refused == {"__typename": "ValidationError", "fieldErrors": [{"path": ["criterion"]}]}
    assert badly_keyed == {"__typename": "ValidationError", "fieldErrors": [{"path": ["key"]}]}
    assert "recruiter" in keys
    assert "mine" not in keys
    assert "streaker" not in keys
