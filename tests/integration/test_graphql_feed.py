"""The feed over GraphQL: the same items, order and cursors as REST, in as few statements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.feed_helpers import (
    Programme,
    ambassador,
    feed,
    insert_live_contents,
    launched_campaign,
    locales,
    programme,
    publish,
)
from tests.integration.helpers import create_employee
from tests.integration.test_graphql import Json, data_of, gql, node_id

FEED = """
query ($first: Int!, $after: String) {
  feed(first: $first, after: $after) {
    edges {
      cursor
      node {
        contentId language title body format topics objective linkUrl shareable pinned important publishedAt expiresAt
        alreadyShared media { url kind altText } captions { network text }
        campaigns { campaignId name slug isChallenge }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}"""


@pytest.fixture
async def setup(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Programme:
    return await programme(client, mint, tenant_a, admin_a)


def rest_view_of(node: Json) -> Json:
    """A GraphQL feed item in the shape and spelling of REST's (ids as GraphQL gives them)."""
    return {
        "id": node["contentId"],
        "language": node["language"],
        "title": node["title"],
        "body": node["body"],
        "format": node["format"].lower(),
        "topics": node["topics"],
        "objective": node["objective"].lower() if node["objective"] else None,
        "link_url": node["linkUrl"],
        "media": [{"url": m["url"], "kind": m["kind"].lower(), "alt_text": m["altText"]} for m in node["media"]],
        "shareable": node["shareable"],
        "pinned": node["pinned"],
        "important": node["important"],
        "published_at": node["publishedAt"],
        "expires_at": node["expiresAt"],
        "captions": {caption["network"].lower(): caption["text"] for caption in node["captions"]},
        "campaigns": [
            {"id": c["campaignId"], "name": c["name"], "slug": c["slug"], "is_challenge": c["isChallenge"]}
            for c in node["campaigns"]
        ],
        "already_shared": node["alreadyShared"],
    }


def with_global_ids(item: Json) -> Json:
    """A REST feed item with the ids GraphQL gives its content and campaigns."""
    campaigns = [campaign | {"id": node_id("Campaign", campaign["id"])} for campaign in item["campaigns"]]
    return item | {"id": node_id("Content", item["id"]), "campaigns": campaigns}


def same_instants(item: Json) -> Json:
    """Timestamps compared as instants: REST and GraphQL spell UTC differently."""
    return item | {
        name: datetime.fromisoformat(item[name]) if item[name] else None for name in ("published_at", "expires_at")
    }


async def test_graphql_feed_agrees_with_rest_and_pages_with_the_same_cursors(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", networks=("linkedin",), languages=("en",))
    first = await publish(
        client, setup, title="first", locales=locales("fr", "en"), topics=["hiring"], objective="recruiting"
    )
    await publish(
        client,
        setup,
        title="second",
        important=True,
        media=[{"url": "https://cdn.acme.example/a.png", "kind": "image"}],
    )
    await publish(client, setup, title="third", pinned=True)
    await launched_campaign(client, setup, "spring", first, is_challenge=True)

    graphql_items: list[Json] = []
    cursor = None
    while True:
        page = (await data_of(client, FEED, reader, first=2, after=cursor))["feed"]
        graphql_items += [rest_view_of(edge["node"]) for edge in page["edges"]]
        assert page["edges"][-1]["cursor"] == page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursor = page["pageInfo"]["endCursor"]
        rest_next = (await feed(client, reader, limit=2, cursor=cursor))["items"]
        assert [node_id("Content", item["id"]) for item in rest_next] == [
            edge["node"]["contentId"]
            for edge in (await data_of(client, FEED, reader, first=2, after=cursor))["feed"]["edges"]
        ]

    rest_items = (await feed(client, reader))["items"]
    assert [same_instants(item) for item in graphql_items] == [
        same_instants(with_global_ids(item)) for item in rest_items
    ]
    assert [item["title"] for item in rest_items] == ["third", "second", "en title"]


async def test_a_graphql_feed_page_takes_at_most_two_statements(
    client: httpx.AsyncClient,
    mint: Mint,
    setup: Programme,
    engine: AsyncEngine,
    count_statements: Callable[[], Any],
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", networks=("x",))
    await insert_live_contents(engine, setup.tenant_id, 60, await launched_campaign(client, setup, "always-on"))

    with count_statements() as counter:
        page = (await data_of(client, FEED, reader, first=50))["feed"]

    assert len(page["edges"]) == 50
    assert counter.count <= 2, counter.statements


async def test_the_graphql_feed_refuses_who_rest_refuses(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    bystander = await create_employee(client, setup.admin)
    headers = bearer(mint(setup.tenant_id, "ambassador", email=bystander["email"], subject="idp|bystander"))
    reader = await ambassador(client, mint, setup, "idp|ada")

    refused = await gql(client, FEED, headers, first=5)
    invalid = await gql(client, FEED, reader, first=101)
    bad_cursor = await gql(client, FEED, reader, first=5, after="nope")

    assert refused["errors"][0]["extensions"]["code"] == "not-an-ambassador"
    assert invalid["errors"][0]["extensions"]["code"] == "validation-failed"
    assert [e["path"] for e in bad_cursor["errors"][0]["extensions"]["fieldErrors"]] == [["after"]]
