"""GET|HEAD /r/{code} of a recalled content on PostgreSQL: gone, or sent to the programme's notice page,
never recorded, and still one statement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import assert_problem
from tests.integration.recall_helpers import recall
from tests.integration.redirect_helpers import BROWSER, Share, clicks, live_share

NOTICE = "https://acme.example/withdrawn"


@pytest.fixture
async def share(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> Share:
    return await live_share(client, mint, engine, tenant_a, admin_a)


async def recalled(client: httpx.AsyncClient, share: Share) -> None:
    response = await recall(client, share.content_id, share.manager)
    assert response.status_code == 200, response.text


async def notice_page(client: httpx.AsyncClient, admin: dict[str, str], url: str | None) -> None:
    response = await client.patch("/v1/settings", json={"recall_notice_url": url}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json()["recall_notice_url"] == url


async def test_a_recalled_contents_link_is_gone_and_records_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    assert (await client.get(share.path, headers={"user-agent": BROWSER})).status_code == 302
    await recalled(client, share)

    response = await client.get(share.path, headers={"user-agent": BROWSER})
    head = await client.head(share.path, headers={"user-agent": BROWSER})

    assert_problem(response, 410, "tracked-link-recalled")
    assert head.status_code == 410
    assert "location" not in response.headers
    assert response.headers["cache-control"] == "no-store"
    assert len(await clicks(engine, share.id)) == 1  # the click before the recall only


async def test_with_a_notice_page_a_recalled_contents_link_leads_there_and_records_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share, admin_a: dict[str, str]
) -> None:
    await notice_page(client, admin_a, NOTICE)
    await recalled(client, share)

    response = await client.get(share.path, headers={"user-agent": BROWSER})

    assert response.status_code == 303
    assert response.headers["location"] == NOTICE
    assert response.headers["cache-control"] == "no-store"
    assert await clicks(engine, share.id) == []
    await notice_page(client, admin_a, None)
    assert_problem(await client.get(share.path, headers={"user-agent": BROWSER}), 410, "tracked-link-recalled")


async def test_a_live_link_is_untouched_by_the_notice_page(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share, admin_a: dict[str, str]
) -> None:
    await notice_page(client, admin_a, NOTICE)

    response = await client.get(share.path, headers={"user-agent": BROWSER})

    assert response.status_code == 302
    assert response.headers["location"].startswith("https://jobs.acme.example/lyon")
    assert len(await clicks(engine, share.id)) == 1


async def test_the_notice_page_must_be_https(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.patch("/v1/settings", json={"recall_notice_url": "http://acme.example/x"}, headers=admin_a)

    body = assert_problem(response, 422, "validation-failed")
    assert [error["loc"] for error in body["errors"]] == [["body", "recall_notice_url"]]


async def test_a_recalled_contents_redirect_is_still_one_sql_statement(
    client: httpx.AsyncClient, count_statements: Callable[[], Any], share: Share, admin_a: dict[str, str]
) -> None:
    await client.get(share.path, headers={"user-agent": BROWSER})  # the day's salts are read once, then kept
    await recalled(client, share)

    with count_statements() as counter:
        assert (await client.get(share.path, headers={"user-agent": BROWSER})).status_code == 410
    await notice_page(client, admin_a, NOTICE)
    with count_statements() as noticed:
        assert (await client.get(share.path, headers={"user-agent": BROWSER})).status_code == 303

    assert len(counter.statements) == 1
    assert len(noticed.statements) == 1
    assert all("INSERT INTO clicks" in statement for statement in counter.statements + noticed.statements)
