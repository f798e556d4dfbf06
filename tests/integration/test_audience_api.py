"""Audiences over REST and GraphQL: an ambassador changes an account's audience, reads its history, and
sees it as the potential reach of the shares they confirm."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
)
from tests.integration.share_helpers import create_share, published, sharing_programme
from tests.integration.test_graphql import data_of, node_id


async def member_with_account(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], name: str, audience: int
) -> tuple[dict[str, str], dict[str, Any]]:
    employee = await create_employee(client, admin, given_name=name)
    member = await join_as_ambassador(client, mint, tenant_id, employee, f"idp|{name.lower()}")
    body = {"network": "linkedin", "handle": name.lower(), "audience_size": audience}
    account = await client.post("/v1/me/social-accounts", json=body, headers=member)
    assert account.status_code == 201, account.text
    created: dict[str, Any] = account.json()
    return member, created


async def test_each_audience_given_is_kept_and_read_newest_first(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada, account = await member_with_account(client, mint, tenant_a, admin_a, "Ada", 800)
    path = f"/v1/me/social-accounts/{account['id']}"
    for size in (950, 1100):
        changed = await client.patch(path, json={"audience_size": size}, headers=ada)
        assert changed.status_code == 200, changed.text
    assert changed.json() == account | {"audience_size": 1100}
    assert (await client.get("/v1/me/social-accounts", headers=ada)).json()[0]["audience_size"] == 1100

    first = (await client.get(f"{path}/audience", params={"limit": 2}, headers=ada)).json()
    assert [item["audience_size"] for item in first["items"]] == [1100, 950]
    rest = (await client.get(f"{path}/audience", params={"cursor": first["next_cursor"]}, headers=ada)).json()
    assert ([item["audience_size"] for item in rest["items"]], rest["next_cursor"]) == ([800], None)
    assert rest["items"][0]["observed_at"] == account["created_at"]


async def test_nobody_else_changes_or_reads_an_account_s_audience(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    _, account = await member_with_account(client, mint, tenant_a, admin_a, "Ada", 800)
    grace, _ = await member_with_account(client, mint, tenant_a, admin_a, "Grace", 10)
    path = f"/v1/me/social-accounts/{account['id']}"

    async with nothing_written(engine):
        assert_problem(await client.patch(path, json={"audience_size": 1}, headers=grace), 404, "not-found")
        assert_problem(await client.get(f"{path}/audience", headers=grace), 404, "not-found")
        assert_problem(await client.patch(path, json={"audience_size": 1}, headers=admin_a), 403, "employee-not-linked")


async def test_a_bad_audience_or_cursor_is_refused_naming_it(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada, account = await member_with_account(client, mint, tenant_a, admin_a, "Ada", 800)
    path = f"/v1/me/social-accounts/{account['id']}"

    for body in ({"audience_size": -1}, {"audience_size": 1_000_000_001}, {"audience_size": "many"}, {}):
        response = await client.patch(path, json=body, headers=ada)
        assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "audience_size"]]
    cursor = await client.get(f"{path}/audience", params={"cursor": "not-a-cursor"}, headers=ada)
    assert error_locations(assert_problem(cursor, 422, "validation-failed")) == [["query", "cursor"]]


UPDATE = """
mutation ($id: ID!, $size: Int!) {
  updateSocialAccount(id: $id, audienceSize: $size) {
    __typename
    ... on SocialAccount { uuid audienceSize }
    ... on ValidationError { fieldErrors { path } }
    ... on NotFoundError { resource }
  }
}"""
HISTORY = """
query ($id: ID!, $after: String) {
  socialAccountAudience(id: $id, first: 1, after: $after) {
    edges { cursor node { audienceSize observedAt } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def test_graphql_changes_and_pages_the_same_audience_history(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada, account = await member_with_account(client, mint, tenant_a, admin_a, "Ada", 800)
    grace, _ = await member_with_account(client, mint, tenant_a, admin_a, "Grace", 10)
    account_id = node_id("SocialAccount", account["id"])

    changed = (await data_of(client, UPDATE, ada, id=account_id, size=900))["updateSocialAccount"]
    assert changed == {"__typename": "SocialAccount", "uuid": account["id"], "audienceSize": 900}
    refused = (await data_of(client, UPDATE, ada, id=account_id, size=-5))["updateSocialAccount"]
    assert refused == {"__typename": "ValidationError", "fieldErrors": [{"path": ["audienceSize"]}]}
    theirs = (await data_of(client, UPDATE, grace, id=account_id, size=1))["updateSocialAccount"]
    assert theirs == {"__typename": "NotFoundError", "resource": "social account"}

    first = (await data_of(client, HISTORY, ada, id=account_id))["socialAccountAudience"]
    assert [edge["node"]["audienceSize"] for edge in first["edges"]] == [900]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = (await data_of(client, HISTORY, ada, id=account_id, after=first["pageInfo"]["endCursor"]))[
        "socialAccountAudience"
    ]
    assert ([edge["node"]["audienceSize"] for edge in rest["edges"]], rest["pageInfo"]["hasNextPage"]) == ([800], False)
    assert (await data_of(client, HISTORY, grace, id=account_id)) == {"socialAccountAudience": None}


SHARE = """
query ($id: ID!) { node(id: $id) { ... on Share { status potentialReach } } }
"""


async def test_a_share_shows_its_potential_reach_once_posted_in_both_apis(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    accounts = (await client.get("/v1/me/social-accounts", headers=sharing.member)).json()
    linkedin = next(account for account in accounts if account["network"] == "linkedin")
    patched = await client.patch(
        f"/v1/me/social-accounts/{linkedin['id']}", json={"audience_size": 640}, headers=sharing.member
    )
    assert patched.status_code == 200, patched.text
    share = (await create_share(client, sharing.member, await published(client, sharing))).json()
    assert share["potential_reach"] is None

    posted = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)

    assert posted.json()["potential_reach"] == 640
    assert (await client.get(f"/v1/shares/{share['id']}", headers=admin_a)).json()["potential_reach"] == 640
    node = await data_of(client, SHARE, admin_a, id=node_id("Share", share["id"]))
    assert node == {"node": {"status": "POSTED", "potentialReach": 640}}
