"""Points over GraphQL: the same use cases as REST, typed failures, and another organisation's member
out of reach."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import nothing_written
from tests.integration.share_helpers import sharing_programme
from tests.integration.test_graphql import data_of, node_id

ADJUST = """
mutation ($input: AdjustPointsInput!) {
  adjustPoints(input: $input) {
    __typename
    ... on PointsAdjusted { entry { points kind status rule reason actor } }
    ... on InsufficientPointsError { balance cost }
    ... on Error { code message }
  }
}"""
MINE = """
query ($first: Int!, $after: String) {
  myPoints(first: $first, after: $after) {
    balance earned
    entries { edges { node { points kind reason multiplier } } pageInfo { hasNextPage endCursor } }
  }
}"""
THEIRS = "query ($id: ID!) { ambassadorPoints(ambassadorId: $id) { balance } }"


async def test_admins_adjust_points_and_members_read_them_newest_first_with_typed_refusals(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    ambassador = node_id("Ambassador", (await client.get("/v1/me", headers=sharing.member)).json()["ambassador"]["id"])

    for points, reason in ((30, "Spoke at the fair."), (-10, "Counted twice.")):
        adjusted = await data_of(
            client, ADJUST, admin_a, input={"ambassadorId": ambassador, "points": points, "reason": reason}
        )
        assert adjusted["adjustPoints"]["__typename"] == "PointsAdjusted"
    async with nothing_written(engine):
        too_much = await data_of(
            client, ADJUST, admin_a, input={"ambassadorId": ambassador, "points": -21, "reason": "x"}
        )
        by_member = await data_of(
            client, ADJUST, sharing.member, input={"ambassadorId": ambassador, "points": 5, "reason": "Me."}
        )
    first = await data_of(client, MINE, sharing.member, first=1)
    second = await data_of(
        client, MINE, sharing.member, first=1, after=first["myPoints"]["entries"]["pageInfo"]["endCursor"]
    )
    other = await data_of(client, THEIRS, admin_b, id=ambassador)

    assert too_much["adjustPoints"] == {
        "__typename": "InsufficientPointsError",
        "balance": 20,
        "cost": 21,
        "code": "insufficient-points",
        "message": "This takes 21 points but the balance holds only 20; earn more points first, or take fewer.",
    }
    assert by_member["adjustPoints"]["__typename"] == "ForbiddenError"
    assert (first["myPoints"]["balance"], first["myPoints"]["earned"]) == (20, 20)
    assert [edge["node"]["points"] for edge in first["myPoints"]["entries"]["edges"]] == [-10]
    assert [edge["node"]["reason"] for edge in second["myPoints"]["entries"]["edges"]] == ["Spoke at the fair."]
    assert other == {"ambassadorPoints": None}
