"""Top lists and an ambassador's impact over REST and GraphQL on PostgreSQL: staff see every member,
an ambassador only those shown on boards; an ambassador's own figures beside the month before, their
rank as the board gives it, the badges they earned and how their audience grew."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import assert_problem
from tests.integration.metrics_helpers import around_today, read, roll_up, shared_and_clicked, titled_content
from tests.integration.recognition_helpers import award, member_id, show_on_boards
from tests.integration.share_helpers import Sharing, member_who_accepted, sharing_programme
from tests.integration.test_graphql import data_of


class Team:
    def __init__(self, sharing: Sharing, bob: dict[str, str]) -> None:
        self.sharing, self.bob = sharing, bob

    @property
    def admin(self) -> dict[str, str]:
        return self.sharing.setup.admin

    @property
    def ada(self) -> dict[str, str]:
        return self.sharing.member


@pytest.fixture
async def team(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> Team:
    """Ada keeps off the boards and brings 4 visitors to the Lyon offer; Bob, shown on boards, brings 1
    to it and 2 to the team video."""
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob", given_name="Bob", department="Support")
    await show_on_boards(client, bob)
    lyon = await titled_content(client, sharing, "Offre Lyon")
    video = await titled_content(client, sharing, "Vidéo équipe", format="video")
    await shared_and_clicked(client, sharing.member, lyon, visitors=4)
    await shared_and_clicked(client, bob, lyon, visitors=1, network="x")
    await shared_and_clicked(client, bob, video, visitors=2)
    await roll_up(engine, database_url)
    return Team(sharing, bob)


def entries(body: dict[str, Any], name: str) -> list[tuple[int, str, int]]:
    return [(item["rank"], item[name], item["values"]["clicks"]) for item in body["items"]]


async def test_staff_see_every_ambassador_and_an_ambassador_only_those_shown_on_boards(
    client: httpx.AsyncClient, team: Team
) -> None:
    days = around_today()

    staff = await read(client, "/v1/metrics/top-ambassadors", team.admin, **days)
    ada = await read(client, "/v1/metrics/top-ambassadors", team.ada, **days)
    query = "query ($from: Date) { topAmbassadors(from: $from) { rankedBy items { rank name values { kpi value } } } }"
    graphql = (await data_of(client, query, team.ada, **{"from": days["from"]}))["topAmbassadors"]

    assert entries(staff, "name") == [(1, "Ada Lovelace", 4), (2, "Bob Lovelace", 3)]
    assert entries(ada, "name") == [(1, "Bob Lovelace", 3)]
    assert staff["items"][1]["values"] == {
        "clicks": 3,
        "posted_shares": 2,
        "potential_reach": 0,
        "engagement": 0,
        "conversions": 0.0,
    }
    assert graphql["rankedBy"] == "CLICKS"
    assert [(item["rank"], item["name"]) for item in graphql["items"]] == [(1, "Bob Lovelace")]
    assert graphql["items"][0]["values"][0] == {"kpi": "CLICKS", "value": 3.0}


async def test_an_ambassador_counts_only_the_shares_of_members_shown_on_boards_in_the_top_contents(
    client: httpx.AsyncClient, team: Team
) -> None:
    days = around_today()

    staff = await read(client, "/v1/metrics/top-contents", team.admin, **days)
    ada = await read(client, "/v1/metrics/top-contents", team.ada, **days)
    by_shares = await read(client, "/v1/metrics/top-contents", team.ada, **days, kpi="posted_shares", limit=1)

    assert entries(staff, "title") == [(1, "Offre Lyon", 5), (2, "Vidéo équipe", 2)]
    # Ada's own 4 visitors to the Lyon offer stay hers: her view counts Bob's shares alone.
    assert entries(ada, "title") == [(1, "Vidéo équipe", 2), (2, "Offre Lyon", 1)]
    assert [(item["rank"], item["values"]["posted_shares"]) for item in by_shares["items"]] == [(1, 1)]
    assert by_shares["ranked_by"] == "posted_shares"


async def test_a_top_list_refuses_what_it_cannot_rank_by_and_more_than_fifty(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID
) -> None:
    cost = await client.get("/v1/metrics/top-contents", params={"kpi": "cost"}, headers=admin_a)
    many = await client.get("/v1/metrics/top-ambassadors", params={"limit": 51}, headers=admin_a)

    [error] = assert_problem(cost, 422, "validation-failed")["errors"]
    assert error["message"].startswith("Not offered here: cost. Use one of: active_ambassadors, posted_shares")
    assert assert_problem(many, 422, "validation-failed")["errors"][0]["loc"] == ["query", "limit"]


async def observe_audience(engine: AsyncEngine, account_id: str, sizes: dict[datetime, int]) -> None:
    """The account's audience history is ``sizes`` (the one observation its connection made is replaced)."""
    forget = sa.text("DELETE FROM audience_observations WHERE social_account_id = :account_id")
    statement = sa.text(
        "INSERT INTO audience_observations (tenant_id, social_account_id, observed_at, audience_size) "
        "SELECT tenant_id, id, :observed_at, :size FROM social_accounts WHERE id = :account_id"
    )
    async with engine.begin() as connection:
        await connection.execute(forget, {"account_id": UUID(account_id)})
        for observed_at, size in sizes.items():
            await connection.execute(
                statement, {"account_id": UUID(account_id), "observed_at": observed_at, "size": size}
            )


async def test_an_ambassadors_impact_sets_this_month_beside_the_last_over_rest_and_graphql(
    client: httpx.AsyncClient, team: Team, engine: AsyncEngine, database_url: str
) -> None:
    ada_id = await member_id(client, team.ada)
    await award(engine, team.sharing.tenant_id, ada_id, 40)
    await roll_up(engine, database_url)
    first = await read(client, "/v1/me/impact", team.ada)
    starts = datetime.fromisoformat(first["current_period"]["starts_at"])
    before = datetime.fromisoformat(first["previous_period"]["starts_at"])
    [badge, *_] = (await read(client, "/v1/me/badges", team.ada))["items"]
    async with engine.begin() as connection:  # earned last month after all
        await connection.execute(
            sa.text("UPDATE earned_badges SET earned_at = :at WHERE ambassador_id = :ada AND badge_key = :key"),
            {"at": before + timedelta(days=3), "ada": ada_id, "key": badge["badge"]["key"]},
        )
    accounts = (await client.get("/v1/me/social-accounts", headers=team.ada)).json()
    linkedin = next(account["id"] for account in accounts if account["network"] == "linkedin")
    await observe_audience(
        engine, linkedin, {before - timedelta(days=9): 100, before + timedelta(hours=5): 150, starts: 180}
    )

    impact = await read(client, "/v1/me/impact", team.ada, period="month")
    board = await read(client, "/v1/leaderboards", team.ada, period="month")
    held = (await read(client, "/v1/me/badges", team.ada))["items"]
    query = """
    { me { impact(period: MONTH) {
        period clicks { current previous } pointsAwarded { current previous } rank { current previous }
        badgesEarned { current previous } audienceGrowth { current previous } leads { current previous } } } }"""
    graphql = (await data_of(client, query, team.ada))["me"]["impact"]

    assert impact["period"] == "month"
    assert impact["clicks"] == {"current": 4, "previous": 0}
    assert impact["unique_visitors"] == {"current": 4, "previous": 0}
    assert impact["leads"] == {"current": 0.0, "previous": 0.0}
    assert impact["points_awarded"]["current"] == board["me"]["points"] >= 40
    assert impact["rank"] == {"current": board["me"]["rank"], "previous": 1}
    assert impact["badges_earned"] == {"current": len(held) - 1, "previous": 1}
    assert impact["audience_growth"] == {"current": 30, "previous": 50}
    assert graphql == {
        "period": "MONTH",
        "clicks": impact["clicks"],
        "pointsAwarded": impact["points_awarded"],
        "rank": impact["rank"],
        "badgesEarned": impact["badges_earned"],
        "audienceGrowth": impact["audience_growth"],
        "leads": impact["leads"],
    }


async def test_a_year_has_no_board_to_rank_on(client: httpx.AsyncClient, team: Team) -> None:
    impact = await read(client, "/v1/me/impact", team.bob, period="year")

    assert impact["rank"] == {"current": None, "previous": None}
    assert impact["clicks"]["current"] == 3
    assert impact["current_period"]["from"].endswith("-01-01")


async def test_only_members_read_their_impact(client: httpx.AsyncClient, team: Team) -> None:
    staff = await client.get("/v1/me/impact", headers=team.admin)
    bad = await client.get("/v1/me/impact", params={"period": "decade"}, headers=team.ada)

    assert_problem(staff, 403, "forbidden")
    assert "week" in assert_problem(bad, 422, "validation-failed")["errors"][0]["message"]
