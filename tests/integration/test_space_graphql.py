"""The community space over GraphQL on PostgreSQL: the same feed, posts, comments, reactions, answers and
moderation as REST, with refusals as typed errors that change nothing."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, join_as_ambassador, nothing_written
from tests.integration.test_graphql import data_of

PUBLISH = """
mutation ($input: PublishSpacePostInput!) {
  publishSpacePost(input: $input) {
    __typename
    ... on SpacePostPayload { post { uuid kind title authorName flaggedTerms version } }
    ... on ValidationError { code fieldErrors { path message } }
  }
}
"""
COMMENT = """
mutation ($post: UUID!, $body: String!) {
  commentOnSpacePost(postUuid: $post, body: $body) {
    __typename
    ... on SpaceCommentPayload { comment { uuid authorName } }
  }
}
"""
REACT = """
mutation ($post: UUID!, $present: Boolean!) {
  reactToSpacePost(postUuid: $post, reaction: CELEBRATE, present: $present) {
    __typename
    ... on SpacePostPayload { post { reactions { reaction count mine } } }
  }
}
"""
ACCEPT = """
mutation ($post: UUID!, $comment: UUID!) {
  acceptSpaceAnswer(postUuid: $post, commentUuid: $comment) {
    __typename
    ... on SpacePostPayload { post { acceptedCommentUuid commentCount } }
    ... on NotTheAuthorError { code }
    ... on NotAQuestionError { code }
  }
}
"""
MODERATE = """
mutation ($post: UUID!, $comment: UUID!, $hidden: Boolean!) {
  moderateSpaceComment(postUuid: $post, uuid: $comment, hidden: $hidden, reason: "Advertising") {
    __typename
    ... on SpaceCommentPayload { comment { moderation { reason } } }
    ... on AlreadyModeratedError { code hidden }
    ... on ForbiddenError { code }
  }
}
"""
FEED = """
query ($kind: SpacePostKind, $unanswered: Boolean!) {
  spacePosts(kind: $kind, unanswered: $unanswered, first: 10) {
    edges { node { uuid kind commentCount } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
ONE_POST = """
query ($post: UUID!) { spacePost(uuid: $post) { body } }
"""
COMMENTS = """
query ($post: UUID!) {
  spaceComments(postUuid: $post) { edges { node { uuid body moderation { reason } } } }
}
"""


async def member(client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: dict[str, str], name: str) -> Any:
    employee = await create_employee(client, admin, given_name=name, family_name="Clarke")
    return await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")


async def test_a_question_is_asked_answered_celebrated_and_moderated_in_graphql(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    moderator = bearer(mint(tenant_a, "moderator", subject="moderator|1"))
    question = {"kind": "QUESTION", "title": "Networks?", "body": "Where do your posts do best?"}
    published = (await data_of(client, PUBLISH, ada, input=question))["publishSpacePost"]
    post = published["post"]
    assert (published["__typename"], post["kind"], post["authorName"]) == ("SpacePostPayload", "QUESTION", "Ada Clarke")

    answer = (await data_of(client, COMMENT, bob, post=post["uuid"], body="LinkedIn"))["commentOnSpacePost"]
    comment_id = answer["comment"]["uuid"]
    for _ in range(2):
        reacted = (await data_of(client, REACT, bob, post=post["uuid"], present=True))["reactToSpacePost"]
    assert reacted["post"]["reactions"] == [{"reaction": "CELEBRATE", "count": 1, "mine": True}]

    async with nothing_written(engine):
        refused = (await data_of(client, ACCEPT, bob, post=post["uuid"], comment=comment_id))["acceptSpaceAnswer"]
    assert refused == {"__typename": "NotTheAuthorError", "code": "not-the-author"}
    accepted = (await data_of(client, ACCEPT, ada, post=post["uuid"], comment=comment_id))["acceptSpaceAnswer"]
    assert accepted["post"] == {"acceptedCommentUuid": comment_id, "commentCount": 1}
    open_questions = await data_of(client, FEED, bob, kind="QUESTION", unanswered=True)
    assert open_questions["spacePosts"]["edges"] == []

    forbidden = await data_of(client, MODERATE, ada, post=post["uuid"], comment=comment_id, hidden=True)
    assert forbidden["moderateSpaceComment"]["__typename"] == "ForbiddenError"
    hidden = await data_of(client, MODERATE, moderator, post=post["uuid"], comment=comment_id, hidden=True)
    assert hidden["moderateSpaceComment"]["comment"]["moderation"] == {"reason": "Advertising"}
    async with nothing_written(engine):
        twice = await data_of(client, MODERATE, moderator, post=post["uuid"], comment=comment_id, hidden=True)
    assert twice["moderateSpaceComment"] == {
        "__typename": "AlreadyModeratedError",
        "code": "already-moderated",
        "hidden": True,
    }
    assert (await data_of(client, COMMENTS, bob, post=post["uuid"]))["spaceComments"]["edges"] == []
    seen = (await data_of(client, COMMENTS, moderator, post=post["uuid"]))["spaceComments"]["edges"]
    assert [edge["node"]["moderation"] for edge in seen] == [{"reason": "Advertising"}]


async def test_a_banned_term_is_a_validation_error_that_writes_nothing_in_graphql(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    rules = {"banned_terms": ["secret"], "sensitive_terms": ["salary"]}
    assert (await client.patch("/v1/settings", json=rules, headers=admin_a)).status_code == 200
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    async with nothing_written(engine):
        refused = await data_of(client, PUBLISH, ada, input={"kind": "DISCUSSION", "body": "Our secret plan"})
    result = refused["publishSpacePost"]
    assert (result["__typename"], result["code"]) == ("ValidationError", "post-not-compliant")
    assert [error["path"] for error in result["fieldErrors"]] == [["body"]]
    flagged = await data_of(client, PUBLISH, ada, input={"kind": "DISCUSSION", "body": "About the salary review"})
    assert flagged["publishSpacePost"]["post"]["flaggedTerms"] == ["salary"]


async def test_graphql_reads_only_the_callers_organisation(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    published = await data_of(client, PUBLISH, ada, input={"kind": "SUCCESS", "body": "We won the deal"})
    post = published["publishSpacePost"]["post"]["uuid"]
    ours = await data_of(client, FEED, admin_a, kind=None, unanswered=False)
    theirs = await data_of(client, FEED, admin_b, kind=None, unanswered=False)
    assert [edge["node"]["kind"] for edge in ours["spacePosts"]["edges"]] == ["SUCCESS"]
    assert theirs["spacePosts"]["edges"] == []
    # Another organisation's post reads as no post at all, as an unknown id does.
    assert await data_of(client, ONE_POST, admin_a, post=post) == {"spacePost": {"body": "We won the deal"}}
    assert await data_of(client, ONE_POST, admin_b, post=post) == {"spacePost": None}
    assert await data_of(client, COMMENTS, admin_b, post=post) == {"spaceComments": None}
