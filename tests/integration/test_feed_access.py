"""GET /v1/me/feed: statements per page, walking the pages, who may read it, and tenancy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.feed_helpers import (
    Programme,
    ambassador,
    feed,
    insert_live_contents,
    launched_campaign,
    programme,
    publish,
    titles,
)
from tests.integration.helpers import assert_problem, create_employee, error_locations, join_as_ambassador


@pytest.fixture
async def setup(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Programme:
    return await programme(client, mint, tenant_a, admin_a)


@pytest.mark.parametrize("limit", [1, 20, 100])
async def test_a_page_takes_at_most_two_statements_whatever_its_size(
    client: httpx.AsyncClient,
    mint: Mint,
    setup: Programme,
    engine: AsyncEngine,
    count_statements: Callable[[], Any],
    limit: int,
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", networks=("linkedin", "x"), languages=("en",))
    campaign_id = await launched_campaign(client, setup, "always-on")
    await insert_live_contents(engine, setup.tenant_id, 130, campaign_id)

    with count_statements() as first:
        page = await feed(client, reader, limit=limit)
    with count_statements() as second:
        following = await feed(client, reader, limit=limit, cursor=page["next_cursor"])

    assert (len(page["items"]), len(following["items"])) == (limit, min(limit, 130 - limit))
    assert all(item["campaigns"] and item["language"] == "en" for item in page["items"] + following["items"])
    assert first.count <= 2, first.statements
    assert second.count <= 2, second.statements


async def test_walking_the_pages_neither_repeats_nor_skips(
    client: httpx.AsyncClient, mint: Mint, setup: Programme, engine: AsyncEngine
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    await insert_live_contents(engine, setup.tenant_id, 23, await launched_campaign(client, setup, "always-on"))
    await publish(client, setup, title="pinned", pinned=True)
    everything = [item["id"] for item in (await feed(client, reader, limit=100))["items"]]

    walked: list[str] = []
    cursor = None
    while True:
        page = await feed(client, reader, limit=4, **({"cursor": cursor} if cursor else {}))
        walked += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert len(everything) == 24
    assert walked == everything


@pytest.mark.parametrize("cursor", ["nope", "eyJhZnRlciI6ICIxIn0", "eyJmZWVkIjpbMiwwLCJ4IiwiMSJdfQ"])
async def test_a_cursor_that_was_not_given_is_refused_naming_it(
    client: httpx.AsyncClient, mint: Mint, setup: Programme, cursor: str
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    response = await client.get("/v1/me/feed", params={"cursor": cursor}, headers=reader)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["query", "cursor"]]


@pytest.mark.parametrize("limit", [0, 101])
async def test_a_page_holds_one_to_a_hundred_items(
    client: httpx.AsyncClient, mint: Mint, setup: Programme, limit: int
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    response = await client.get("/v1/me/feed", params={"limit": limit}, headers=reader)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["query", "limit"]]


async def test_the_feed_shows_only_the_ambassadors_organisation(
    client: httpx.AsyncClient,
    mint: Mint,
    setup: Programme,
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    other = await programme(client, mint, tenant_b, admin_b)
    stranger = await ambassador(client, mint, other, "idp|grace")
    await publish(client, setup, title="acme news")
    await publish(client, other, title="globex news")

    assert await titles(client, reader) == ["acme news"]
    assert await titles(client, stranger) == ["globex news"]
    # The same subject in a token for another organisation is nobody there.
    borrowed = bearer(mint(tenant_b, "ambassador", subject="idp|ada"))
    assert_problem(await client.get("/v1/me/feed", headers=borrowed), 403, "employee-not-linked")


async def test_a_token_is_linked_by_its_verified_email_on_first_use(
    client: httpx.AsyncClient, mint: Mint, setup: Programme, engine: AsyncEngine
) -> None:
    employee = await create_employee(client, setup.admin)
    headers = await join_as_ambassador(client, mint, setup.tenant_id, employee, "idp|ada")
    await publish(client, setup, title="news")
    async with engine.begin() as connection:  # as if the roster sync had dropped the link
        await connection.execute(sa.text("UPDATE employees SET idp_subject = NULL"))

    assert await titles(client, headers) == ["news"]
    async with engine.connect() as connection:
        linked = (await connection.execute(sa.text("SELECT idp_subject FROM employees"))).scalar_one()
    assert linked == "idp|ada"


async def test_paused_former_and_invited_members_are_refused(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    await publish(client, setup, title="news")
    paused = await ambassador(client, mint, setup, "idp|paused")
    membership = (await client.get("/v1/ambassadors", headers=setup.manager)).json()["items"][0]
    change = await client.patch(f"/v1/ambassadors/{membership['id']}", json={"status": "paused"}, headers=setup.manager)
    assert change.status_code == 200, change.text
    former = await ambassador(client, mint, setup, "idp|left")
    assert (await client.post("/v1/me/opt-out", headers=former)).status_code == 200
    invitee = await create_employee(client, setup.admin)
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": invitee["id"]}, headers=setup.admin)
    assert invited.status_code == 201, invited.text
    invited_headers = bearer(mint(setup.tenant_id, "ambassador", email=invitee["email"], subject="idp|invited"))
    bystander = await create_employee(client, setup.admin)
    bystander_headers = bearer(mint(setup.tenant_id, "ambassador", email=bystander["email"], subject="idp|bystander"))

    for headers, hint in [
        (paused, "paused"),
        (former, "left"),
        (invited_headers, "invited"),
        (bystander_headers, "not joined"),
    ]:
        problem = assert_problem(await client.get("/v1/me/feed", headers=headers), 409, "not-an-ambassador")
        assert hint in problem["detail"]


async def test_tokens_linked_to_nobody_or_missing_are_refused(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    stranger = bearer(mint(setup.tenant_id, "ambassador", email="nobody@elsewhere.example", subject="idp|nobody"))
    assert_problem(await client.get("/v1/me/feed", headers=stranger), 403, "employee-not-linked")
    assert_problem(await client.get("/v1/me/feed"), 401, "unauthenticated")
    operator = bearer(mint(None, "operator", subject="platform-operator"))
    assert_problem(await client.get("/v1/me/feed", headers=operator), 403, "forbidden")
