"""Contents and campaigns over GraphQL: the same use cases as REST, typed failures, batched relations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, create_campaign, create_content, staff
from tests.integration.helpers import nothing_written
from tests.integration.test_graphql import Json, data_of, node_id

CONTENT_FIELDS = """
  id uuid version status allowedActions language title body format objective topics linkUrl shareable pinned important
  publishAt expiresAt publishedAt proposed createdBy lastEditedBy approvedAt approvedBy createdAt updatedAt
  captions { network text } locales { language title body captions { network text } }
  media { url kind altText } targeting { departments locations languages }
"""

CREATE = (
    """
mutation ($input: ContentInput!) {
  createContent(input: $input) {
    __typename
    ... on Content { """
    + CONTENT_FIELDS
    + """ }
    ... on ValidationError { code fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
)

TRANSITION = """
mutation ($id: ID!, $version: Int) {
  %s(id: $id, expectedVersion: $version) {
    __typename
    ... on Content { status version allowedActions }
    ... on InvalidTransitionError { currentStatus allowed }
    ... on Error { code message }
  }
}"""

APPROVE = """
mutation ($id: ID!, $override: Boolean! = false) {
  approveContent(id: $id, overrideCadence: $override) {
    __typename
    ... on Content { status }
    ... on CadenceExceededError { conflictingContents weeklyContentBudget windowStartsAt windowEndsAt }
    ... on InvalidTransitionError { currentStatus allowed }
    ... on Error { code message }
  }
}"""

ONE = """
query ($id: ID!) {
  content(id: $id) {
    status
    history { action fromStatus toStatus actor reason overrideCadence }
    campaigns { slug status }
  }
}"""


@pytest.fixture
async def manager(client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID) -> dict[str, str]:
    await configure(client, admin_a)
    return staff(mint, tenant_a, "manager")


@pytest.fixture
def moderator(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return staff(mint, tenant_a, "moderator")


async def test_a_content_is_written_reviewed_and_put_in_a_campaign(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str]
) -> None:
    created = (
        await data_of(
            client,
            CREATE,
            manager,
            input={
                "title": "Nous recrutons",
                "body": "Rejoignez-nous.",
                "format": "JOB_OFFER",
                "captions": [{"network": "LINKEDIN", "text": "On recrute ! #employee"}],
                "locales": [{"language": "en", "title": "Hiring", "body": "Join us."}],
                "linkUrl": "https://acme.example/jobs",
                "targeting": {"departments": ["Sales"]},
            },
        )
    )["createContent"]
    assert (created["__typename"], created["status"], created["allowedActions"]) == (
        "Content",
        "DRAFT",
        ["SUBMIT", "ARCHIVE"],
    )
    assert [locale["language"] for locale in created["locales"]] == ["fr", "en"]

    submitted = (await data_of(client, TRANSITION % "submitContent", manager, id=created["id"], version=1))[
        "submitContent"
    ]
    assert (submitted["status"], submitted["version"]) == ("IN_REVIEW", 2)
    approved = (await data_of(client, APPROVE, moderator, id=created["id"]))["approveContent"]
    assert approved == {"__typename": "Content", "status": "PUBLISHED"}

    campaign = await create_campaign(client, manager, "printemps")
    added = await data_of(
        client,
        "mutation ($c: ID!, $k: ID!) { addContentToCampaign(campaignId: $c, contentId: $k) "
        "{ __typename ... on CampaignMembership { changed } } }",
        manager,
        c=node_id("Campaign", campaign["id"]),
        k=created["id"],
    )
    assert added["addContentToCampaign"] == {"__typename": "CampaignMembership", "changed": True}

    read = (await data_of(client, ONE, manager, id=created["id"]))["content"]
    assert [(h["action"], h["toStatus"]) for h in read["history"]] == [
        ("CREATE", "DRAFT"),
        ("SUBMIT", "IN_REVIEW"),
        ("APPROVE", "APPROVED"),
    ]
    assert read["campaigns"] == [{"slug": "printemps", "status": "DRAFT"}]


def rest_view(node: Json) -> Json:
    """A GraphQL content in the shape and spelling of REST's."""
    lower = str.lower
    return {
        "id": node["uuid"],
        "status": lower(node["status"]),
        "allowed_actions": [lower(a) for a in node["allowedActions"]],
        "language": node["language"],
        "title": node["title"],
        "body": node["body"],
        "captions": {lower(c["network"]): c["text"] for c in node["captions"]},
        "locales": [
            {
                **{k: v for k, v in locale.items() if k != "captions"},
                "captions": {lower(c["network"]): c["text"] for c in locale["captions"]},
            }
            for locale in node["locales"]
        ],
        "format": lower(node["format"]),
        "objective": node["objective"] and lower(node["objective"]),
        "topics": node["topics"],
        "link_url": node["linkUrl"],
        "media": [{"url": m["url"], "kind": lower(m["kind"]), "alt_text": m["altText"]} for m in node["media"]],
        "shareable": node["shareable"],
        "pinned": node["pinned"],
        "important": node["important"],
        "targeting": node["targeting"],
        "proposed": node["proposed"],
        "created_by": node["createdBy"],
        "last_edited_by": node["lastEditedBy"],
        "approved_by": node["approvedBy"],
    }


async def test_graphql_and_rest_agree_on_a_content(client: httpx.AsyncClient, manager: dict[str, str]) -> None:
    content = await create_content(
        client,
        manager,
        objective="recruiting",
        topics=["emploi"],
        captions={"x": "On recrute https://acme.example/jobs"},
        media=[{"url": "https://cdn.example/equipe.png", "kind": "image", "alt_text": "L'équipe"}],
        link_url="https://acme.example/jobs",
    )
    node = (
        await data_of(
            client,
            f"query ($id: ID!) {{ content(id: $id) {{ {CONTENT_FIELDS} }} }}",
            manager,
            id=node_id("Content", content["id"]),
        )
    )["content"]
    assert rest_view(node) == {key: content[key] for key in rest_view(node)}
    assert node["id"] == node_id("Content", content["id"])


async def test_expected_failures_are_typed_and_write_nothing(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    moderator: dict[str, str],
    admin_a: dict[str, str],
    engine: AsyncEngine,
) -> None:
    await configure(client, admin_a, weekly_content_budget=1)
    published = await approved_content(client, manager, moderator)
    draft = await create_content(client, manager)
    in_review = await create_content(client, manager)
    await client.post(f"/v1/contents/{in_review['id']}/submit", headers=manager)
    draft_id, in_review_id = node_id("Content", draft["id"]), node_id("Content", in_review["id"])

    async with nothing_written(engine):
        invalid = await data_of(
            client, CREATE, manager, input={"title": "T", "body": "B", "linkUrl": "javascript:alert(1)"}
        )
        wrong_state = await data_of(client, APPROVE, moderator, id=draft_id)
        too_many = await data_of(client, APPROVE, moderator, id=in_review_id)
        not_admin = await data_of(client, APPROVE, manager, id=in_review_id, override=True)
        stale = await data_of(client, TRANSITION % "archiveContent", manager, id=draft_id, version=7)
        missing = await data_of(
            client,
            TRANSITION % "archiveContent",
            manager,
            id=node_id("Content", "01960000-0000-7000-8000-0000000000ff"),
        )
    assert invalid["createContent"]["__typename"] == "ValidationError"
    assert [e["path"] for e in invalid["createContent"]["fieldErrors"]] == [["linkUrl"]]
    assert wrong_state["approveContent"] == {
        "__typename": "InvalidTransitionError",
        "currentStatus": "DRAFT",
        "allowed": ["SUBMIT", "ARCHIVE"],
        "code": "invalid-transition",
        "message": wrong_state["approveContent"]["message"],
    }
    cadence = too_many["approveContent"]
    assert (cadence["__typename"], cadence["weeklyContentBudget"], cadence["conflictingContents"]) == (
        "CadenceExceededError",
        1,
        [node_id("Content", published["id"])],
    )
    assert (not_admin["approveContent"]["__typename"], not_admin["approveContent"]["code"]) == (
        "ForbiddenError",
        "forbidden",
    )
    assert stale["archiveContent"]["__typename"] == "PreconditionFailedError"
    assert missing["archiveContent"]["__typename"] == "NotFoundError"
    await create_campaign(client, manager, "same")
    async with nothing_written(engine):
        duplicate = await data_of(
            client,
            'mutation { createCampaign(input: {name: "B", slug: "same"}) '
            "{ __typename ... on DuplicateValueError { field } } }",
            manager,
        )
    assert duplicate["createCampaign"] == {"__typename": "DuplicateValueError", "field": "slug"}


async def test_four_eyes_refusal_is_a_forbidden_error_coded_self_approval(
    client: httpx.AsyncClient, manager: dict[str, str], admin_a: dict[str, str]
) -> None:
    await configure(client, admin_a, four_eyes_review=True)
    content = await create_content(client, manager)
    await client.post(f"/v1/contents/{content['id']}/submit", headers=manager)
    own = (await data_of(client, APPROVE, manager, id=node_id("Content", content["id"])))["approveContent"]
    assert (own["__typename"], own["code"]) == ("ForbiddenError", "self-approval")


async def test_another_tenants_content_and_campaign_read_as_null(
    client: httpx.AsyncClient, manager: dict[str, str], admin_b: dict[str, str]
) -> None:
    content = await create_content(client, manager)
    campaign = await create_campaign(client, manager, "printemps")
    query = "query ($a: ID!, $b: ID!) { content(id: $a) { id } campaign(id: $b) { id } }"
    content_id, campaign_id = node_id("Content", content["id"]), node_id("Campaign", campaign["id"])
    assert await data_of(client, query, admin_b, a=content_id, b=campaign_id) == {
        "content": None,
        "campaign": None,
    }
    assert await data_of(client, query, manager, a=content_id, b=campaign_id) == {
        "content": {"id": content_id},
        "campaign": {"id": campaign_id},
    }
    assert (await data_of(client, "{ contents { edges { node { id } } } }", admin_b))["contents"]["edges"] == []


CAMPAIGN_CONTENTS = "{ campaigns(first: 100) { edges { node { contents { edges { node { id } } } } } } }"


async def test_reading_the_contents_of_1_or_50_campaigns_costs_the_same_statements(
    client: httpx.AsyncClient, manager: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    async def add_campaigns(start: int, count: int) -> None:
        for number in range(start, start + count):
            campaign = await create_campaign(client, manager, f"campaign-{number}")
            content = await create_content(client, manager)
            put = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
            assert put.status_code == 204

    async def statements_to_read(expected: int) -> int:
        with count_statements() as counter:
            edges = (await data_of(client, CAMPAIGN_CONTENTS, manager))["campaigns"]["edges"]
        assert len(edges) == expected
        assert all(len(edge["node"]["contents"]["edges"]) == 1 for edge in edges)
        return int(counter.count)

    await add_campaigns(0, 1)
    with_one = await statements_to_read(1)
    await add_campaigns(1, 49)
    with_fifty = await statements_to_read(50)

    assert with_one == with_fifty
    assert with_fifty == 2, "one read for the page of campaigns, one for all their contents"


async def test_campaign_contents_page_with_their_own_cursors(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    campaign = await create_campaign(client, manager, "printemps")
    ids = []
    for _ in range(3):
        content = await create_content(client, manager)
        await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
        ids.append(node_id("Content", content["id"]))
    query = """query ($id: ID!, $after: String) { campaign(id: $id) {
        contents(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }"""
    campaign_id = node_id("Campaign", campaign["id"])
    first = (await data_of(client, query, manager, id=campaign_id))["campaign"]["contents"]
    second = (await data_of(client, query, manager, id=campaign_id, after=first["pageInfo"]["endCursor"]))["campaign"][
        "contents"
    ]
    assert [edge["node"]["id"] for edge in first["edges"] + second["edges"]] == ids
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)
