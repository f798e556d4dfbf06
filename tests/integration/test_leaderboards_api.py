"""Leaderboards through REST and GraphQL on PostgreSQL: points written by the ledger, rolled up by a
worker round, ranked with ties sharing a rank, hidden members on no one else's board but always
seeing their own rank, one statement per page, nothing of another organisation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.feed_helpers import Programme, ambassador, programme
from tests.integration.helpers import assert_problem
from tests.integration.recognition_helpers import award, member_id, show_on_boards, worker_rounds


class Team:
    def __init__(self, setup: Programme, headers: dict[str, dict[str, str]], ids: dict[str, UUID]) -> None:
        self.setup, self.headers, self.ids = setup, headers, ids


@pytest.fixture
async def team(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Team:
    """Ada, Bob and Dee appear on boards; Cy chose not to. Ada and Cy work in Sales."""
    setup = await programme(client, mint, tenant_a, admin_a)
    headers: dict[str, dict[str, str]] = {}
    ids: dict[str, UUID] = {}
    for name, department, visible in (
        ("Ada", "Sales", True),
        ("Bob", "R&D", True),
        ("Cy", "Sales", False),
        ("Dee", "R&D", True),
    ):
        headers[name] = await ambassador(
            client, mint, setup, f"idp|{name.lower()}", given_name=name, department=department
        )
        await show_on_boards(client, headers[name], visible)
        ids[name] = await member_id(client, headers[name])
    return Team(setup, headers, ids)


async def scores(engine: AsyncEngine, database_url: str, team: Team, **points: int) -> None:
    for name, value in points.items():
        await award(engine, team.setup.tenant_id, team.ids[name], value)
    async with worker_rounds(engine, database_url) as run:
        await run()


def names(board: dict[str, Any]) -> list[tuple[int, str, int]]:
    return [(row["rank"], row["given_name"], row["points"]) for row in board["items"]]


async def board(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get("/v1/leaderboards", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_ties_share_a_rank_and_a_hidden_member_is_on_no_one_elses_board_but_sees_their_own_rank(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team
) -> None:
    await scores(engine, database_url, team, Ada=100, Bob=100, Cy=120, Dee=50)

    seen_by_ada = await board(client, team.headers["Ada"])
    seen_by_cy = await board(client, team.headers["Cy"])

    expected = [*sorted([(1, "Ada", 100), (1, "Bob", 100)], key=lambda r: team.ids[r[1]]), (3, "Dee", 50)]
    assert names(seen_by_ada) == expected
    assert names(seen_by_cy) == expected, "Cy is on no board, not even their own"
    assert seen_by_ada["me"] == {"ambassador_id": str(team.ids["Ada"]), "rank": 1, "points": 100, "visible": True}
    assert seen_by_cy["me"] == {"ambassador_id": str(team.ids["Cy"]), "rank": 1, "points": 120, "visible": False}
    staff = await board(client, team.setup.admin)
    assert names(staff) == expected
    assert staff["me"] is None
    assert seen_by_ada["period"] == "month"
    assert seen_by_ada["time_zone"] == "UTC"


async def test_pages_carry_the_ranks_on_and_a_board_is_read_in_one_statement(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team, count_statements: Any
) -> None:
    await scores(engine, database_url, team, Ada=30, Bob=30, Dee=10)
    await board(client, team.headers["Ada"])  # a first read on a connection also reads the column types

    ranks, cursor = [], None
    for _ in range(4):
        params: dict[str, Any] = {"limit": 1, "period": "all_time"}
        if cursor:
            params["cursor"] = cursor
        with count_statements() as counted:
            page = await board(client, team.headers["Ada"], **params)
        assert counted.count == 1, counted.statements
        ranks += [(row["rank"], row["given_name"]) for row in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert [rank for rank, _ in ranks] == [1, 1, 3]
    assert ranks[-1] == (3, "Dee")


async def test_department_boards_rank_the_callers_department_and_location_boards_theirs(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team
) -> None:
    await scores(engine, database_url, team, Ada=5, Bob=50, Cy=60, Dee=40)

    sales = await board(client, team.headers["Ada"], scope="department")
    research = await board(client, team.headers["Ada"], scope="department", department="R&D")

    assert names(sales) == [(1, "Ada", 5)]
    assert sales["department"] == "Sales"
    assert sales["me"]["rank"] == 1
    assert names(research) == [(1, "Bob", 50), (2, "Dee", 40)]
    assert research["me"] is None, "Ada has no rank in a department she is not in"


async def test_points_of_last_month_count_all_time_but_not_this_month(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team
) -> None:
    now = datetime.now(UTC)
    last_month = now.replace(day=1, hour=12) - timedelta(days=3)
    await award(engine, team.setup.tenant_id, team.ids["Bob"], 70, at=last_month)
    await scores(engine, database_url, team, Ada=20)

    month = await board(client, team.headers["Ada"], period="month")
    ever = await board(client, team.headers["Ada"], period="all_time")

    assert names(month) == [(1, "Ada", 20)]
    assert names(ever) == [(1, "Bob", 70), (2, "Ada", 20)]
    assert ever["starts_at"] is None


async def test_a_campaign_board_needs_its_campaign_and_an_unknown_one_is_not_found(
    client: httpx.AsyncClient, team: Team
) -> None:
    missing = await client.get("/v1/leaderboards", params={"scope": "campaign"}, headers=team.headers["Ada"])
    unknown = await client.get(
        "/v1/leaderboards",
        params={"period": "campaign", "scope": "campaign", "campaign_id": str(team.ids["Ada"])},
        headers=team.headers["Ada"],
    )

    assert_problem(missing, 422, "validation-failed")
    assert_problem(unknown, 404, "not-found")


async def test_another_organisation_sees_none_of_the_board(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team, admin_b: dict[str, str]
) -> None:
    await scores(engine, database_url, team, Ada=10, Bob=20)

    theirs = await board(client, admin_b, period="all_time")

    assert theirs["items"] == []
    assert theirs["me"] is None


async def test_the_board_through_graphql_pages_with_the_same_ranks(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team
) -> None:
    await scores(engine, database_url, team, Ada=100, Bob=100, Cy=120, Dee=50)
    query = """query ($after: String) {
      leaderboard(period: ALL_TIME, first: 2, after: $after) {
        timeZone edges { node { rank givenName points } } pageInfo { hasNextPage endCursor } me { rank visible }
      }
    }"""

    first = await client.post("/graphql", json={"query": query}, headers=team.headers["Cy"])
    data = first.json()["data"]["leaderboard"]
    second = await client.post(
        "/graphql",
        json={"query": query, "variables": {"after": data["pageInfo"]["endCursor"]}},
        headers=team.headers["Cy"],
    )
    rest = second.json()["data"]["leaderboard"]

    assert [edge["node"]["rank"] for edge in data["edges"] + rest["edges"]] == [1, 1, 3]
    assert "Cy" not in [edge["node"]["givenName"] for edge in data["edges"] + rest["edges"]]
    assert data["me"] == {"rank": 1, "visible": False}
    assert data["pageInfo"]["hasNextPage"] is True
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_a_member_who_changes_visibility_or_leaves_moves_on_and_off_boards_at_once(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, team: Team
) -> None:
    await scores(engine, database_url, team, Ada=100, Bob=50, Cy=120)

    await show_on_boards(client, team.headers["Cy"])
    cy_shown = await board(client, team.headers["Ada"])
    await show_on_boards(client, team.headers["Ada"], visible=False)
    ada_hidden = await board(client, team.headers["Ada"])
    assert (await client.post("/v1/me/opt-out", headers=team.headers["Cy"])).status_code == 200
    cy_left = await board(client, team.headers["Bob"])

    assert names(cy_shown) == [(1, "Cy", 120), (2, "Ada", 100), (3, "Bob", 50)]
    assert cy_shown["me"]["rank"] == 2
    assert names(ada_hidden) == [(1, "Cy", 120), (2, "Bob", 50)]
    assert ada_hidden["me"] == {"ambassador_id": str(team.ids["Ada"]), "rank": 2, "points": 100, "visible": False}
    assert names(cy_left) == [(1, "Bob", 50)]
    assert cy_left["me"]["rank"] == 1
