"""Recall over GraphQL on PostgreSQL: the same use cases as REST, refusals as typed errors."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.helpers import nothing_written
from tests.integration.recall_helpers import REASON, Posted, posted_twice
from tests.integration.rewards_helpers import rewards_worker
from tests.integration.share_helpers import sharing_programme
from tests.integration.test_graphql import Json, data_of, node_id
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]

RECALL = """
mutation ($id: ID!, $reason: String!) {
  recallContent(id: $id, reason: $reason) {
    __typename
    ... on Content { status recalledAt recalledBy recallReason allowedActions }
    ... on ContentAlreadyRecalledError { code firstRecalledAt: recalledAt }
    ... on Error { code message }
  }
}"""
MINE = """
query ($status: TakeDownStatus) {
  myTakedowns(status: $status) { edges { node { id status postUrl reason network shareId contentId } } }
}"""
CONFIRM = """
mutation ($id: UUID!) {
  confirmTakedown(takedownId: $id) { __typename ... on TakeDown { id status confirmedAt } ... on Error { code } }
}"""
PROGRESS = """
query ($id: ID!) {
  contentTakedowns(contentId: $id) {
    progress { pending confirmed total }
    takedowns { edges { node { status shareId } } }
  }
}"""


@pytest.fixture
async def posted(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Posted:
    return await posted_twice(client, mint, await sharing_programme(client, mint, tenant_a, admin_a))


async def recalled(client: httpx.AsyncClient, posted: Posted, headers: dict[str, str]) -> Json:
    data = await data_of(client, RECALL, headers, id=node_id("Content", posted.content_id), reason=REASON)
    result: Json = data["recallContent"]
    return result


async def test_recall_confirm_and_follow_over_graphql(
    client: httpx.AsyncClient, posted: Posted, rewards_worker: DeliverEvents
) -> None:
    setup = posted.sharing.setup

    content = await recalled(client, posted, setup.manager)
    await drain(rewards_worker)
    [edge] = (await data_of(client, MINE, posted.sharing.member))["myTakedowns"]["edges"]
    confirmed = await data_of(client, CONFIRM, posted.sharing.member, id=edge["node"]["id"])
    progress = await data_of(client, PROGRESS, setup.moderator, id=node_id("Content", posted.content_id))

    assert (content["__typename"], content["status"], content["recallReason"]) == ("Content", "RECALLED", REASON)
    assert content["allowedActions"] == []
    assert content["recalledBy"] is not None
    node = edge["node"]
    assert (node["status"], node["postUrl"], node["network"]) == (
        "PENDING",
        "https://www.linkedin.com/feed/update/1",
        "LINKEDIN",
    )
    assert node["shareId"] == node_id("Share", posted.ada_share)
    assert confirmed["confirmTakedown"]["status"] == "CONFIRMED"
    followed = progress["contentTakedowns"]
    assert followed["progress"] == {"pending": 1, "confirmed": 1, "total": 2}
    assert len(followed["takedowns"]["edges"]) == 2
    pending = await data_of(client, MINE, posted.sharing.member, status="PENDING")
    assert pending["myTakedowns"]["edges"] == []


async def test_recall_refusals_are_typed_errors_and_write_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted, rewards_worker: DeliverEvents
) -> None:
    setup = posted.sharing.setup
    await recalled(client, posted, setup.manager)
    await drain(rewards_worker)
    [edge] = (await data_of(client, MINE, posted.sharing.member))["myTakedowns"]["edges"]

    async with nothing_written(engine):
        again = await recalled(client, posted, setup.admin)
        by_moderator = await recalled(client, posted, setup.moderator)
        others = await data_of(client, CONFIRM, posted.grace, id=edge["node"]["id"])

    assert (again["__typename"], again["code"]) == ("ContentAlreadyRecalledError", "content-already-recalled")
    assert again["firstRecalledAt"] is not None
    assert by_moderator["__typename"] == "ForbiddenError"
    assert others["confirmTakedown"] == {"__typename": "NotFoundError", "code": "not-found"}
