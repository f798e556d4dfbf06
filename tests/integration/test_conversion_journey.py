"""The whole journey on PostgreSQL: an ambassador shares, people (and a crawler, and the ambassador)
click the tracked link, and the leads reported with those click references are credited, or not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.redirect_helpers import BROWSER
from tests.integration.share_helpers import create_share, published, sharing_programme

CRAWLER = "Googlebot/2.1 (+http://www.google.com/bot.html)"
MEMBER_IP = "203.0.113.5"
VISITOR_IP = "198.51.100.20"


async def click(client: httpx.AsyncClient, tracked_url: str, ip: str, user_agent: str = BROWSER) -> str:
    """Follow the tracked link; returns the click reference the landing page receives."""
    response = await client.get(urlsplit(tracked_url).path, headers={"user-agent": user_agent, "x-forwarded-for": ip})
    assert response.status_code == 302, response.text
    [reference] = parse_qs(urlsplit(response.headers["location"]).query)["rl_click"]
    return reference


async def running_campaign(client: httpx.AsyncClient, admin: dict[str, str], content_id: str) -> str:
    started = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    campaign = await client.post(
        "/v1/campaigns", json={"name": "Lyon", "slug": "lyon", "starts_at": started}, headers=admin
    )
    campaign_id: str = campaign.json()["id"]
    launched = await client.post(f"/v1/campaigns/{campaign_id}/launch", headers=admin)
    added = await client.put(f"/v1/campaigns/{campaign_id}/contents/{content_id}", headers=admin)
    assert (campaign.status_code, launched.status_code, added.status_code) == (201, 200, 204), launched.text
    return campaign_id


async def test_a_lead_is_credited_to_the_share_its_click_came_from_and_a_bot_or_own_click_earns_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await published(client, sharing)
    campaign_id = await running_campaign(client, admin_a, content_id)
    member_browser = sharing.member | {"user-agent": BROWSER, "x-forwarded-for": MEMBER_IP}
    created = await create_share(client, member_browser, content_id)
    share: dict[str, Any] = created.json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    assert (created.status_code, confirmed.status_code, share["campaign_id"]) == (201, 200, campaign_id)

    visitor = await click(client, share["tracked_url"], VISITOR_IP)
    repeated = await click(client, share["tracked_url"], VISITOR_IP)
    crawler = await click(client, share["tracked_url"], "66.249.66.1", CRAWLER)
    own = await click(client, share["tracked_url"], MEMBER_IP)

    integrator = bearer(mint(tenant_a, "integrator", subject="crm-sync"))
    now = datetime.now(UTC).isoformat()

    async def lead(external_id: str, reference: str) -> dict[str, Any]:
        body = {"type": "lead", "external_id": external_id, "click_ref": reference, "occurred_at": now}
        response = await client.post("/v1/conversions", json=body, headers=integrator)
        assert response.status_code == 201, response.text
        reported: dict[str, Any] = response.json()
        return reported

    credited = await lead("crm-visitor", visitor)
    assert credited["credits"] == [
        {
            "share_id": share["id"],
            "ambassador_id": share["ambassador_id"],
            "content_id": content_id,
            "campaign_id": campaign_id,
            "weight": "1/1",
        }
    ]
    for external_id, reference in (("crm-crawler", crawler), ("crm-own", own)):
        refused = await lead(external_id, reference)
        assert (refused["attributed"], refused["unattributed_reason"]) == (False, "bot_or_self_click")
    # A returning visitor is no new unique visit, but still a person who clicked: their lead counts.
    assert (await lead("crm-returning", repeated))["attributed"] is True

    figures = (await client.get(f"/v1/shares/{share['id']}", headers=admin_a)).json()["stats"]
    assert (figures["clicks"], figures["unique_clicks"]) == (2, 1)
    assert figures["conversions"] == [{"type": "lead", "count": 2, "credit": "2/1"}]
    listed = await client.get(
        "/v1/conversions", params={"campaign_id": campaign_id, "attributed": "true"}, headers=admin_a
    )
    assert [item["external_id"] for item in listed.json()["items"]] == ["crm-visitor", "crm-returning"]
