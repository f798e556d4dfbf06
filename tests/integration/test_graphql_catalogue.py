"""The catalogue over GraphQL: the same use cases as REST, its refusals as typed errors of each
mutation's union, rewards, redemptions and associations read back by their ids, kudos and totals."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.catalogue_helpers import balance, credit
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, join_as_ambassador, nothing_written
from tests.integration.test_graphql import Json, data_of

CREATE_REWARD = """
mutation ($input: RewardInput!) {
  createReward(input: $input) {
    __typename
    ... on Reward { id uuid name cost stock requiresApproval availableNow kind }
    ... on ValidationError { fieldErrors { path message } }
  }
}"""
REDEEM = """
mutation ($id: ID!) {
  redeemReward(rewardId: $id) {
    __typename
    ... on Redemption { id status points allowedActions rewardId }
    ... on InsufficientPointsError { balance cost }
    ... on RedemptionLimitReachedError { perPersonLimit }
    ... on Error { code message }
  }
}"""
DECIDE = """
mutation ($id: ID!, $reason: String!) {
  approve: approveRedemption(redemptionId: $id) { __typename ... on Error { code } }
  reject: rejectRedemption(redemptionId: $id, reason: $reason) { __typename ... on Error { code } }
}"""
FULFIL = """
mutation ($id: ID!) {
  fulfilRedemption(redemptionId: $id) {
    __typename ... on Redemption { status } ... on Error { code }
  }
}"""
CANCEL = """
mutation ($id: ID!) {
  cancelRedemption(redemptionId: $id) { __typename ... on Redemption { status refundEntryId } ... on Error { code } }
}"""
ASSOCIATION = """
mutation ($name: String!) { createAssociation(input: {name: $name}) { __typename ... on Association { id name } } }"""
DONATE = """
mutation ($id: ID!, $points: Int!) {
  donatePoints(associationId: $id, points: $points) {
    __typename ... on Donation { points associationId } ... on InsufficientPointsError { balance cost }
  }
}"""
KUDOS = """
mutation ($id: ID!, $message: String!) {
  sendKudos(ambassadorId: $id, message: $message) { __typename ... on Kudos { message sentBy } ... on Error { code } }
}"""
NODE = "query ($id: ID!) { node(id: $id) { __typename id } }"


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


@pytest.fixture
async def ada(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> tuple[dict[str, str], str]:
    employee = await create_employee(client, admin_a, given_name="Ada")
    headers = await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    me = await data_of(client, "{ me { ambassador { id uuid } } }", headers)
    await credit(engine, tenant_a, me["me"]["ambassador"]["uuid"], 300)
    return headers, me["me"]["ambassador"]["id"]


async def reward(client: httpx.AsyncClient, headers: dict[str, str], **fields: object) -> Json:
    sent = {"name": "Lunch with the leadership", "kind": "EXPERIENCE", "cost": 200} | fields
    created: Json = (await data_of(client, CREATE_REWARD, headers, input=sent))["createReward"]
    assert created["__typename"] == "Reward", created
    return created


async def test_a_redemption_is_requested_approved_and_fulfilled_with_typed_refusals(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: tuple[dict[str, str], str],
    tenant_a: UUID,
) -> None:
    member, _ = ada
    lunch = await reward(client, manager, stock=1, requiresApproval=True, perPersonLimit=1)

    redeemed = (await data_of(client, REDEEM, member, id=lunch["id"]))["redeemReward"]
    assert (redeemed["__typename"], redeemed["status"], redeemed["points"]) == ("Redemption", "REQUESTED", 200)
    assert redeemed["allowedActions"] == ["APPROVE", "REJECT", "CANCEL"]
    assert redeemed["rewardId"] == lunch["id"]
    early = (await data_of(client, FULFIL, manager, id=redeemed["id"]))["fulfilRedemption"]
    assert (early["__typename"], early["code"]) == ("RedemptionNotApprovedError", "redemption-not-approved")
    own = await data_of(client, DECIDE, member, id=redeemed["id"], reason="no")
    assert own["approve"] == {"__typename": "ForbiddenError", "code": "forbidden"}

    async with nothing_written(engine):
        again = (await data_of(client, REDEEM, member, id=lunch["id"]))["redeemReward"]
    assert (again["__typename"], again["perPersonLimit"]) == ("RedemptionLimitReachedError", 1)

    approved = await data_of(
        client,
        "mutation ($id: ID!) { approveRedemption(redemptionId: $id) { __typename } }",
        manager,
        id=redeemed["id"],
    )
    assert approved["approveRedemption"]["__typename"] == "Redemption"
    fulfilled = (await data_of(client, FULFIL, manager, id=redeemed["id"]))["fulfilRedemption"]
    assert fulfilled == {"__typename": "Redemption", "status": "FULFILLED"}
    found = (await data_of(client, NODE, member, id=redeemed["id"]))["node"]
    assert found == {"__typename": "Redemption", "id": redeemed["id"]}
    assert (
        await balance(
            engine,
            tenant_a,
            (await data_of(client, "{ me { ambassador { uuid } } }", member))["me"]["ambassador"]["uuid"],
        )
        == 100
    )


async def test_a_balance_too_low_and_no_stock_are_typed_errors_that_spend_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, manager: dict[str, str], ada: tuple[dict[str, str], str]
) -> None:
    member, _ = ada
    dear = await reward(client, manager, cost=301)
    gone = await reward(client, manager, name="Sold out", cost=10, stock=0)

    async with nothing_written(engine):
        short = (await data_of(client, REDEEM, member, id=dear["id"]))["redeemReward"]
        empty = (await data_of(client, REDEEM, member, id=gone["id"]))["redeemReward"]

    assert (short["__typename"], short["balance"], short["cost"]) == ("InsufficientPointsError", 300, 301)
    assert (empty["__typename"], empty["code"]) == ("OutOfStockError", "out-of-stock")


async def test_a_cancellation_refunds_and_staff_see_the_queue(
    client: httpx.AsyncClient, manager: dict[str, str], ada: tuple[dict[str, str], str]
) -> None:
    member, _ = ada
    lunch = await reward(client, manager, requiresApproval=True)
    redeemed = (await data_of(client, REDEEM, member, id=lunch["id"]))["redeemReward"]
    queue = await data_of(client, "{ redemptions(status: REQUESTED) { edges { node { id } } } }", manager)
    assert [edge["node"]["id"] for edge in queue["redemptions"]["edges"]] == [redeemed["id"]]

    cancelled = (await data_of(client, CANCEL, member, id=redeemed["id"]))["cancelRedemption"]

    assert (cancelled["status"], cancelled["refundEntryId"] is not None) == ("CANCELLED", True)
    mine = await data_of(client, "{ myRedemptions { edges { node { status } } } }", member)
    assert [edge["node"]["status"] for edge in mine["myRedemptions"]["edges"]] == ["CANCELLED"]


async def test_donations_totals_and_kudos_over_graphql(
    client: httpx.AsyncClient, manager: dict[str, str], ada: tuple[dict[str, str], str], admin_b: dict[str, str]
) -> None:
    member, ambassador_id = ada
    restos = (await data_of(client, ASSOCIATION, manager, name="Restos du Cœur"))["createAssociation"]

    given = (await data_of(client, DONATE, member, id=restos["id"], points=120))["donatePoints"]
    short = (await data_of(client, DONATE, member, id=restos["id"], points=500))["donatePoints"]
    sent = (await data_of(client, KUDOS, manager, id=ambassador_id, message="Thank you!"))["sendKudos"]

    assert given == {"__typename": "Donation", "points": 120, "associationId": restos["id"]}
    assert (short["__typename"], short["balance"], short["cost"]) == ("InsufficientPointsError", 180, 500)
    assert sent == {"__typename": "Kudos", "message": "Thank you!", "sentBy": "programme-manager"}
    totals = await data_of(client, "{ donationTotals { associationId points donations donors } }", member)
    assert totals["donationTotals"] == [{"associationId": restos["id"], "points": 120, "donations": 1, "donors": 1}]
    mine = await data_of(client, "{ myKudos { edges { node { message } } } }", member)
    assert [edge["node"]["message"] for edge in mine["myKudos"]["edges"]] == ["Thank you!"]
    assert (await data_of(client, NODE, admin_b, id=restos["id"]))["node"] is None
    assert (await data_of(client, "{ donationTotals { points } }", admin_b))["donationTotals"] == []
