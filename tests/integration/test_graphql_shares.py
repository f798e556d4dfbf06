"""Shares over GraphQL: the same use cases as REST, typed failures for every refusal (nothing
written), the open intent given again, confirm and cancel, figures, lists and engagement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.feed_helpers import at
from tests.integration.helpers import nothing_written
from tests.integration.share_helpers import Sharing, member_who_accepted, new_share, published, sharing_programme
from tests.integration.test_graphql import Json, data_of, gql, node_id

SHARE_FIELDS = """
  id uuid status network contentId campaignId ambassadorId language caption trackedUrl shareUrl copyText postUrl
  createdAt postedAt cancelledAt version allowedActions
  stats { clicks uniqueClicks conversions { type count credit }
          engagement { uuid observedAt impressions reactions comments reshares recordedAt source } }
"""

CREATE = (
    """
mutation ($input: CreateShareInput!) {
  createShare(input: $input) {
    __typename
    ... on CreatedShare { created share { """
    + SHARE_FIELDS
    + """ } }
    ... on CaptionNotCompliantError { violations { code blocking } fieldErrors { path message } }
    ... on CharterAcceptanceRequiredError { currentVersion }
    ... on ContentNotShareableError { contentStatus }
    ... on ShareLimitReachedError { network limit resetsAt }
    ... on NotFoundError { resource }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
)

TRANSITION = """
mutation ($id: ID!, $version: Int, $postUrl: String) {
  confirm: confirmShare(id: $id, expectedVersion: $version, postUrl: $postUrl) {
    __typename
    ... on Share { status version postUrl }
    ... on InvalidTransitionError { currentStatus allowed }
    ... on ValidationError { fieldErrors { path } }
    ... on Error { code message }
  }
}"""

CANCEL = """
mutation ($id: ID!) {
  cancelShare(id: $id) {
    __typename
    ... on Share { status version }
    ... on InvalidTransitionError { currentStatus allowed }
    ... on Error { code message }
  }
}"""

ENGAGEMENT = """
mutation ($shareId: ID!, $input: EngagementInput!) {
  recordEngagement(shareId: $shareId, input: $input) {
    __typename
    ... on RecordedEngagement { snapshot { impressions observedAt source } latest { impressions source } }
    ... on ShareNotPostedError { currentStatus }
    ... on ValidationError { fieldErrors { path } }
    ... on Error { code message }
  }
}"""

POST_URL = "https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456/"
ONE = "query ($id: ID!) { share(id: $id) { " + SHARE_FIELDS + " } }"
LIST = """
query ($network: Network, $status: ShareStatus, $contentId: ID, $after: String, $from: DateTime) {
  shares(first: 2, after: $after, network: $network, status: $status, contentId: $contentId, createdFrom: $from) {
    edges { cursor node { id network status } }
    pageInfo { hasNextPage endCursor }
  }
}"""
MINE = "query { myShares { edges { node { id trackedUrl } } } }"


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


def share_input(content_id: str, network: str = "LINKEDIN", **extra: Any) -> Json:
    """What to share: ``content_id`` is the content's REST id, as the helpers publish it."""
    return {"contentId": node_id("Content", content_id), "network": network, **extra}


def now(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def create(client: httpx.AsyncClient, headers: dict[str, str], content_id: str, **extra: Any) -> Json:
    result: Json = (await data_of(client, CREATE, headers, input=share_input(content_id, **extra)))["createShare"]
    return result


async def test_a_member_shares_and_reads_what_rest_reads(client: httpx.AsyncClient, sharing: Sharing) -> None:
    content_id = await published(client, sharing)

    created = await create(client, sharing.member, content_id, caption="Nous recrutons !")
    again = await create(client, sharing.member, content_id)

    assert created["__typename"] == "CreatedShare"
    assert created["created"] is True
    share = created["share"]
    assert (share["status"], share["network"], share["caption"]) == ("INTENT", "LINKEDIN", "Nous recrutons !")
    assert share["copyText"] == f"Nous recrutons !\n\n{share['trackedUrl']}"
    assert again["created"] is False
    assert again["share"]["id"] == share["id"]
    assert share["contentId"] == node_id("Content", content_id)
    rest = (await client.get(f"/v1/shares/{share['uuid']}", headers=sharing.member)).json()
    read = (await data_of(client, ONE, sharing.member, id=share["id"]))["share"]
    assert (read["trackedUrl"], read["shareUrl"], read["copyText"]) == (
        rest["tracked_url"],
        rest["share_url"],
        rest["copy_text"],
    )
    assert read["stats"] == {"clicks": 0, "uniqueClicks": 0, "conversions": [], "engagement": None}
    # The same actions as REST's, as values of the ShareAction enum.
    assert read["allowedActions"] == ["CONFIRM", "CANCEL"]
    assert [action.lower() for action in read["allowedActions"]] == rest["allowed_actions"]


async def test_refusals_are_typed_and_write_nothing(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    content_id = await published(client, sharing)
    scheduled = await published(client, sharing, publish_at=at(2))
    internal = await published(client, sharing, shareable=False)
    elsewhere = await published(client, sharing, targeting={"departments": ["Marketing"]})
    rules = {"banned_terms": ["secret"], "networks": ["linkedin", "x", "xing"]}
    assert (await client.patch("/v1/settings", json=rules, headers=sharing.setup.admin)).status_code == 200
    cases: list[tuple[dict[str, str], Json, str, str]] = [
        (
            sharing.member,
            share_input(content_id, caption="secret"),
            "CaptionNotCompliantError",
            "caption-not-compliant",
        ),
        (sharing.member, share_input(content_id, "FACEBOOK"), "ValidationError", "network-not-enabled"),
        (sharing.member, share_input(content_id, "XING"), "ValidationError", "network-not-connected"),
        (sharing.member, share_input(scheduled), "ContentNotShareableError", "content-not-published"),
        (sharing.member, share_input(internal), "ContentNotShareableError", "content-not-shareable"),
        (sharing.member, share_input(elsewhere), "ForbiddenError", "content-not-targeted"),
        (sharing.member, share_input(str(uuid4())), "NotFoundError", "not-found"),
        (sharing.member, share_input(content_id, caption=""), "ValidationError", "validation-failed"),
        (sharing.setup.manager, share_input(content_id), "ForbiddenError", "forbidden"),
    ]
    async with nothing_written(engine):
        for headers, data, typename, code in cases:
            result = (await data_of(client, CREATE, headers, input=data))["createShare"]
            assert (result["__typename"], result["code"]) == (typename, code), result
    assert result_of_caption(await data_of(client, CREATE, sharing.member, input=cases[0][1])) == ["BANNED_TERM"]
    scheduled_result = (await data_of(client, CREATE, sharing.member, input=share_input(scheduled)))["createShare"]
    assert scheduled_result["contentStatus"] == "APPROVED"

    charter = {"title": "Charter", "body": "Be kinder."}
    assert (await client.post("/v1/charter/versions", json=charter, headers=sharing.setup.admin)).status_code == 201
    async with nothing_written(engine):
        result = await create(client, sharing.member, content_id)
    assert (result["__typename"], result["currentVersion"]) == ("CharterAcceptanceRequiredError", 2)


def result_of_caption(data: Json) -> list[str]:
    return [violation["code"] for violation in data["createShare"]["violations"]]


async def test_the_daily_limit_is_typed(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, share_daily_limit=1)
    await new_share(client, sharing)
    content_id = await published(client, sharing)

    async with nothing_written(engine):
        result = await create(client, sharing.member, content_id)

    assert (result["__typename"], result["code"], result["network"], result["limit"]) == (
        "ShareLimitReachedError",
        "share-limit-reached",
        "LINKEDIN",
        1,
    )


async def test_confirm_cancel_and_their_failures(client: httpx.AsyncClient, sharing: Sharing, mint: Mint) -> None:
    share = {"id": node_id("Share", (await new_share(client, sharing))["id"])}
    other = {"id": node_id("Share", (await new_share(client, sharing))["id"])}

    stale = (await data_of(client, TRANSITION, sharing.member, id=share["id"], version=5))["confirm"]
    bad = (await data_of(client, TRANSITION, sharing.member, id=share["id"], postUrl="ftp://x"))["confirm"]
    elsewhere = (await data_of(client, TRANSITION, sharing.member, id=share["id"], postUrl="https://x.com/1"))[
        "confirm"
    ]
    posted = (await data_of(client, TRANSITION, sharing.member, id=share["id"], postUrl=POST_URL))["confirm"]
    not_again = (await data_of(client, CANCEL, sharing.member, id=share["id"]))["cancelShare"]
    cancelled = (await data_of(client, CANCEL, sharing.member, id=other["id"]))["cancelShare"]
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob")
    theirs = (await data_of(client, CANCEL, bob, id=share["id"]))["cancelShare"]

    assert stale["__typename"] == "PreconditionFailedError"
    assert bad["fieldErrors"] == [{"path": ["postUrl"]}]
    # A LinkedIn share's post is on LinkedIn.
    assert (elsewhere["__typename"], elsewhere["fieldErrors"]) == ("ValidationError", [{"path": ["postUrl"]}])
    assert (posted["status"], posted["version"], posted["postUrl"]) == ("POSTED", 2, POST_URL)
    assert (not_again["__typename"], not_again["currentStatus"], not_again["allowed"]) == (
        "InvalidTransitionError",
        "POSTED",
        [],
    )
    assert cancelled["status"] == "CANCELLED"
    assert theirs["__typename"] == "NotFoundError"


async def test_lists_and_a_share_of_another_member(client: httpx.AsyncClient, sharing: Sharing, mint: Mint) -> None:
    first = {"id": node_id("Share", (await new_share(client, sharing))["id"])}
    content_id = await published(client, sharing)
    second = (await create(client, sharing.member, content_id, network="X"))["share"]
    third = (await create(client, sharing.member, content_id))["share"]
    analyst = staff(mint, sharing.tenant_id, "analyst")

    page = (await data_of(client, LIST, analyst))["shares"]
    rest = (await data_of(client, LIST, analyst, after=page["pageInfo"]["endCursor"]))["shares"]
    on_x = (await data_of(client, LIST, analyst, network="X"))["shares"]
    of_content = (await data_of(client, LIST, analyst, contentId=node_id("Content", content_id)))["shares"]
    mine = (await data_of(client, MINE, sharing.member))["myShares"]
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob")

    assert [edge["node"]["id"] for edge in page["edges"]] == [first["id"], second["id"]]
    assert page["pageInfo"]["hasNextPage"] is True
    assert [edge["node"]["id"] for edge in rest["edges"]] == [third["id"]]
    assert [edge["node"]["id"] for edge in on_x["edges"]] == [second["id"]]
    assert [edge["node"]["id"] for edge in of_content["edges"]] == [second["id"], third["id"]]
    assert len(mine["edges"]) == 3
    assert (await data_of(client, ONE, bob, id=first["id"]))["share"] is None
    refused = await gql(client, LIST, sharing.member)
    assert refused["errors"][0]["extensions"]["code"] == "forbidden"
    naive = await gql(client, LIST, analyst, **{"from": "2026-01-01T00:00:00"})
    assert naive["errors"][0]["extensions"]["code"] == "validation-failed"


async def test_engagement_ordering_and_failures(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    share = {"id": node_id("Share", (await new_share(client, sharing))["id"])}
    counts = {"impressions": 10, "reactions": 1, "comments": 0, "reshares": 0}
    async with nothing_written(engine):
        early = await data_of(
            client, ENGAGEMENT, sharing.member, shareId=share["id"], input={"observedAt": now()} | counts
        )
        negative = counts | {"impressions": -1, "observedAt": now()}
    assert (early["recordEngagement"]["__typename"], early["recordEngagement"]["currentStatus"]) == (
        "ShareNotPostedError",
        "INTENT",
    )
    await data_of(client, TRANSITION, sharing.member, id=share["id"])
    integrator = staff(mint, sharing.tenant_id, "integrator")

    newer = await data_of(
        client, ENGAGEMENT, integrator, shareId=share["id"], input={"observedAt": now()} | counts | {"impressions": 80}
    )
    older = await data_of(
        client, ENGAGEMENT, sharing.member, shareId=share["id"], input={"observedAt": now(hours=-2)} | counts
    )
    async with nothing_written(engine):
        invalid = await data_of(client, ENGAGEMENT, integrator, shareId=share["id"], input=negative)
        most = 2_147_483_647
        implausible = await data_of(
            client,
            ENGAGEMENT,
            sharing.member,
            shareId=share["id"],
            input={"observedAt": now()} | counts | {"impressions": most, "reactions": most},
        )
        on_one_impression = await data_of(
            client,
            ENGAGEMENT,
            sharing.member,
            shareId=share["id"],
            input={"observedAt": now()} | counts | {"impressions": 1, "reactions": 50},
        )
        analyst = await data_of(
            client,
            ENGAGEMENT,
            staff(mint, sharing.tenant_id, "analyst"),
            shareId=share["id"],
            input={"observedAt": now()} | counts,
        )

    assert newer["recordEngagement"]["latest"] == {"impressions": 80, "source": "INTEGRATION"}
    assert older["recordEngagement"]["snapshot"]["impressions"] == 10
    assert older["recordEngagement"]["snapshot"]["source"] == "SELF_REPORTED"
    assert older["recordEngagement"]["latest"] == {"impressions": 80, "source": "INTEGRATION"}
    assert invalid["recordEngagement"]["fieldErrors"] == [{"path": ["impressions"]}]
    assert implausible["recordEngagement"]["fieldErrors"] == [{"path": ["impressions"]}]
    assert on_one_impression["recordEngagement"]["fieldErrors"] == [{"path": ["reactions"]}]
    assert analyst["recordEngagement"]["__typename"] == "ForbiddenError"
    read = (await data_of(client, ONE, sharing.member, id=share["id"]))["share"]
    assert read["stats"]["engagement"]["impressions"] == 80
