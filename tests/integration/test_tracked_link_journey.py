"""The whole journey over REST: a share, clicks on its tracked link, and a lead reported with a
click reference, credited to the ambassador for a visitor's click and never for a bot's, a
repeated or the ambassador's own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
AMBASSADOR_AT = {"user-agent": BROWSER, "x-forwarded-for": "198.51.100.50"}
VISITOR_AT = {"user-agent": BROWSER, "x-forwarded-for": "203.0.113.77"}
PREVIEW = {"user-agent": "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"}


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


async def click(client: httpx.AsyncClient, tracked_url: str, headers: dict[str, str]) -> str:
    """Follow the tracked link as a browser would; returns the click reference it lands with."""
    response = await client.get(urlsplit(tracked_url).path, headers=headers)
    assert response.status_code == 302, response.text
    [reference] = parse_qs(urlsplit(response.headers["location"]).query)["rl_click"]
    return reference


async def lead(client: httpx.AsyncClient, integrator: dict[str, str], external_id: str, ref: str) -> dict[str, Any]:
    body = {
        "type": "lead",
        "external_id": external_id,
        "click_ref": ref,
        "occurred_at": (datetime.now(UTC) + timedelta(minutes=1)).isoformat(),
    }
    response = await client.post("/v1/conversions", json=body, headers=integrator)
    assert response.status_code == 201, response.text
    reported: dict[str, Any] = response.json()
    return reported


async def test_a_visitors_click_earns_the_lead_and_bots_repeats_and_own_clicks_do_not(
    client: httpx.AsyncClient, mint: Mint, sharing: Sharing
) -> None:
    content_id = await published(client, sharing, link_url="https://acme.example/jobs?team=lyon#apply")
    headers = sharing.member | AMBASSADOR_AT
    created = await create_share(client, headers, content_id)
    assert created.status_code == 201, created.text
    share = created.json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=headers)
    assert confirmed.status_code == 200, confirmed.text

    landing = await client.get(urlsplit(share["tracked_url"]).path, headers=VISITOR_AT)
    location = urlsplit(landing.headers["location"])
    assert (location.netloc, location.path, location.fragment) == ("acme.example", "/jobs", "apply")
    tags = parse_qs(location.query)
    visitor = tags.pop("rl_click")[0]
    assert tags == {
        "team": ["lyon"],
        "utm_source": ["linkedin"],
        "utm_medium": ["employee_advocacy"],
        "utm_campaign": ["always-on"],
        "utm_content": [content_id],
    }
    repeated = await click(client, share["tracked_url"], VISITOR_AT)
    preview = await click(client, share["tracked_url"], PREVIEW)
    own = await click(client, share["tracked_url"], AMBASSADOR_AT)

    integrator = bearer(mint(sharing.tenant_id, "integrator", subject="crm"))
    credited = await lead(client, integrator, "crm-visitor", visitor)
    ambassador_id = (await client.get("/v1/me", headers=sharing.member)).json()["ambassador"]["id"]
    assert credited["attributed"] is True
    assert [(c["share_id"], c["ambassador_id"], c["content_id"]) for c in credited["credits"]] == [
        (share["id"], ambassador_id, content_id)
    ]
    for external_id, ref in (("crm-preview", preview), ("crm-own", own)):
        refused = await lead(client, integrator, external_id, ref)
        assert (refused["attributed"], refused["unattributed_reason"]) == (False, "bot_or_self_click")
    # A repeated click is still the visitor's click: it may carry their lead, it just is not a new visitor.
    assert (await lead(client, integrator, "crm-repeat", repeated))["attributed"] is True

    figures = (await client.get(f"/v1/shares/{share['id']}", headers=headers)).json()["stats"]
    assert (figures["clicks"], figures["unique_clicks"]) == (2, 1)
