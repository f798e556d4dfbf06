"""The monthly programme report on PostgreSQL: one self-contained page (no script, nothing fetched,
a policy forbidding both), a year of trends drawn as inline SVG, and ambassadors named only when they
chose to appear on boards."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem
from tests.integration.recognition_helpers import show_on_boards, worker_rounds
from tests.integration.share_helpers import create_share, member_who_accepted, published, sharing_programme
from tests.integration.test_conversion_journey import click

EXTERNAL = re.compile(r"<link\b|<script\b|<img\b|<iframe\b|@import|url\((?!#)|\bsrc=", re.IGNORECASE)


async def posted(client: httpx.AsyncClient, headers: dict[str, str], content_id: str) -> dict[str, str]:
    share: dict[str, str] = (await create_share(client, headers, content_id)).json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=headers)
    assert confirmed.status_code == 200, confirmed.text
    return share


async def test_the_report_is_one_page_that_needs_nothing_from_elsewhere_and_names_only_the_willing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    await show_on_boards(client, sharing.member, True)  # Ada chose to appear
    shy = await member_who_accepted(
        client, mint, sharing.setup, "idp|zoe", given_name="Zoé", family_name="Discrète", department="Sales"
    )
    content_id = await published(client, sharing, title="<b>Nous recrutons</b> & plus")
    ada_share = await posted(client, sharing.member, content_id)
    await posted(client, shy, content_id)
    await click(client, ada_share["tracked_url"], "198.51.100.20")
    async with worker_rounds(engine, database_url) as run:
        await run()
    month = datetime.now(UTC).strftime("%Y-%m")

    response = await client.get(f"/v1/reports/programme?month={month}", headers=admin_a)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    page = response.text
    assert page.startswith("<!doctype html>")
    assert EXTERNAL.search(page) is None
    assert page.count("<svg ") == 5
    assert 'aria-label="Active ambassadors per month' in page
    assert "&lt;b&gt;Nous recrutons&lt;/b&gt; &amp; plus" in page  # titles are escaped
    assert "Ada Lovelace" in page
    assert "Zoé" not in page
    assert "Discrète" not in page
    assert "1 other ambassador" in page
    # Ids are unique across the inline charts.
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


async def test_the_report_is_for_staff_who_read_metrics_and_wants_a_month(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    analyst = bearer(mint(tenant_a, "analyst"))
    moderator = bearer(mint(tenant_a, "moderator"))

    assert (await client.get("/v1/reports/programme?month=2026-01", headers=analyst)).status_code == 200
    assert_problem(await client.get("/v1/reports/programme?month=2026-01", headers=moderator), 403, "forbidden")
    bad = assert_problem(await client.get("/v1/reports/programme?month=2026-13", headers=analyst), 422)
    assert [error["loc"] for error in bad["errors"]] == [["query", "month"]]
    assert_problem(await client.get("/v1/reports/programme", headers=analyst), 422, "validation-failed")
