"""Reward rules and withheld points over GraphQL: the same use cases as REST, typed refusals, Relay pages,
and another organisation's rules and entries out of reach."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.helpers import nothing_written
from tests.integration.rewards_helpers import rewards_worker
from tests.integration.share_helpers import sharing_programme
from tests.integration.test_graphql import data_of, gql, node_id
from tests.integration.test_points_reviews import burst
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]

RULES = """
query {
  rewardRules {
    inForce { version effectiveFrom createdBy rules { key kind points metric threshold dailyCap } }
    scheduled { version }
  }
}"""
REPLACE = """
mutation ($input: ReplaceRewardRulesInput!) {
  replaceRewardRules(input: $input) {
    __typename
    ... on RewardRules {
      inForce { version rules { key points networkWeights { network weight } } velocityGuard { minClicks } }
      scheduled { version effectiveFrom }
    }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
WITHHELD = """
query ($first: Int!, $after: String) {
  withheldPoints(first: $first, after: $after) {
    edges { node { id ambassadorId points status rule } }
    pageInfo { hasNextPage endCursor }
  }
}"""
REVIEW = """
mutation ($input: ReviewPointsInput!) {
  reviewPoints(input: $input) { __typename ... on PointsReviewed { entry { status } } ... on Error { code } }
}"""
GUARD = {"windowMinutes": 10, "minClicks": 20, "maxVisitors": 3}


async def test_admins_replace_the_reward_rules_and_everyone_in_the_programme_reads_them(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    default = await data_of(client, RULES, sharing.member)
    later = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    rules = [
        {"kind": "SHARE_POSTED", "points": 12, "networkWeights": [{"network": "LINKEDIN", "weight": 1.5}]},
        {"kind": "ENGAGEMENT_MILESTONE", "points": 8, "metric": "RESHARES", "threshold": 5},
    ]

    replaced = await data_of(client, REPLACE, admin_a, input={"rules": rules, "velocityGuard": GUARD})
    scheduled = await data_of(
        client, REPLACE, admin_a, input={"rules": rules[:1], "velocityGuard": GUARD, "effectiveFrom": later}
    )
    async with nothing_written(engine):
        bad_rules = [
            {"kind": "SHARE_POSTED", "points": -1},
            {
                "kind": "COUNTED_CLICK",
                "points": 2,
                "networkWeights": [{"network": "X", "weight": 10.5}, {"network": "X", "weight": 1}],
            },
        ]
        invalid = await data_of(
            client,
            REPLACE,
            admin_a,
            input={"rules": bad_rules, "velocityGuard": GUARD, "effectiveFrom": "2020-01-01T00:00:00Z"},
        )
        by_member = await data_of(client, REPLACE, sharing.member, input={"rules": rules, "velocityGuard": GUARD})
    read_by_rest = (await client.get("/v1/reward-rules", headers=sharing.member)).json()
    other = await data_of(client, RULES, admin_b)

    in_force = default["rewardRules"]["inForce"]
    assert (in_force["version"], in_force["createdBy"], default["rewardRules"]["scheduled"]) == (0, None, None)
    milestone = next(rule for rule in in_force["rules"] if rule["key"] == "engagement_milestone.reactions.50")
    assert (milestone["kind"], milestone["metric"], milestone["threshold"], milestone["points"]) == (
        "ENGAGEMENT_MILESTONE",
        "REACTIONS",
        50,
        10,
    )
    result = replaced["replaceRewardRules"]
    assert result["__typename"] == "RewardRules"
    assert result["inForce"]["version"] == 1
    assert result["inForce"]["rules"] == [
        {"key": "share_posted", "points": 12, "networkWeights": [{"network": "LINKEDIN", "weight": 1.5}]},
        {"key": "engagement_milestone.reshares.5", "points": 8, "networkWeights": []},
    ]
    assert scheduled["replaceRewardRules"]["inForce"]["version"] == 1
    assert scheduled["replaceRewardRules"]["scheduled"]["version"] == 2
    refusal = invalid["replaceRewardRules"]
    assert (refusal["__typename"], refusal["code"]) == ("ValidationError", "validation-failed")
    assert [error["path"] for error in refusal["fieldErrors"]] == [["rules", "1", "networkWeights", "1", "network"]], (
        "a network named twice is refused before the rules are judged"
    )
    assert by_member["replaceRewardRules"]["__typename"] == "ForbiddenError"
    assert (read_by_rest["in_force"]["version"], read_by_rest["scheduled"]["version"]) == (1, 2)
    assert other["rewardRules"]["inForce"]["version"] == 0, "another organisation keeps its own rules"


async def test_invalid_rules_are_listed_each_with_where_they_are(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str]
) -> None:
    bad_rules = [
        {"kind": "SHARE_POSTED", "points": -1},
        {"kind": "COUNTED_CLICK", "points": 2, "networkWeights": [{"network": "X", "weight": 10.5}]},
        {"kind": "ENGAGEMENT_MILESTONE", "points": 5},
    ]
    async with nothing_written(engine):
        invalid = await data_of(
            client,
            REPLACE,
            admin_a,
            input={
                "rules": bad_rules,
                "velocityGuard": GUARD | {"maxVisitors": 30},
                "effectiveFrom": "2020-01-01T00:00:00Z",
            },
        )

    refusal = invalid["replaceRewardRules"]
    assert refusal["__typename"] == "ValidationError"
    assert [error["path"] for error in refusal["fieldErrors"]] == [
        ["rules", "0", "points"],
        ["rules", "1", "networkWeights", "x"],
        ["rules", "2", "metric"],
        ["velocityGuard", "maxVisitors"],
        ["effectiveFrom"],
    ]


async def test_staff_page_through_withheld_points_and_decide_on_them(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    moderator = staff(mint, tenant_a, "moderator")
    await burst(client, sharing, admin_a)
    await drain(rewards_worker)
    ambassador = node_id("Ambassador", (await client.get("/v1/me", headers=sharing.member)).json()["ambassador"]["id"])

    first = (await data_of(client, WITHHELD, moderator, first=1))["withheldPoints"]
    second = (await data_of(client, WITHHELD, moderator, first=1, after=first["pageInfo"]["endCursor"]))[
        "withheldPoints"
    ]
    by_rest = (await client.get("/v1/points/withheld", headers=moderator)).json()["items"]
    by_member = await gql(client, WITHHELD, sharing.member, first=10)
    other = await data_of(client, WITHHELD, admin_b, first=10)

    nodes = [edge["node"] for edge in first["edges"] + second["edges"]]
    assert [node["id"] for node in nodes] == [item["id"] for item in by_rest]
    assert {(node["ambassadorId"], node["points"], node["status"], node["rule"]) for node in nodes} == {
        (ambassador, 2, "WITHHELD", "counted_click")
    }
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)
    assert by_member["errors"][0]["extensions"]["code"] == "forbidden"
    assert other["withheldPoints"]["edges"] == []

    released = await data_of(client, REVIEW, moderator, input={"entryId": nodes[0]["id"], "decision": "RELEASE"})
    again = await data_of(client, REVIEW, admin_a, input={"entryId": nodes[0]["id"], "decision": "REVERSE"})
    left = (await data_of(client, WITHHELD, moderator, first=10))["withheldPoints"]["edges"]

    assert released["reviewPoints"] == {"__typename": "PointsReviewed", "entry": {"status": "RELEASED"}}
    assert again["reviewPoints"] == {"__typename": "InvalidTransitionError", "code": "invalid-transition"}
    assert [edge["node"]["id"] for edge in left] == [nodes[1]["id"]]
