"""A departure through the HRIS on PostgreSQL: the ambassador's membership ends for departure, the figures
of their past shares stay, and their links stop earning points (the redirect still leads on)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.integration_helpers import deliver, event, register_hris
from tests.integration.redirect_helpers import BROWSER
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.share_helpers import create_share, published, sharing_programme
from tests.integration.test_conversion_journey import MEMBER_IP, VISITOR_IP, click
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]
OTHER_VISITOR_IP = "192.0.2.44"


async def test_a_left_ambassadors_links_still_lead_on_but_earn_no_points(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rewards_worker: DeliverEvents
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await published(client, sharing)
    member_browser = sharing.member | {"user-agent": BROWSER, "x-forwarded-for": MEMBER_IP}
    share: dict[str, Any] = (await create_share(client, member_browser, content_id)).json()
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    await click(client, share["tracked_url"], VISITOR_IP)
    await drain(rewards_worker)
    before = await my_points(client, sharing.member)
    assert [entry["rule"] for entry in before["items"]].count("counted_click") == 1
    [employee] = (await client.get("/v1/employees", headers=admin_a)).json()["items"]
    hris = await register_hris(client, admin_a, key="email")
    left = event("terminated", "2026-03-20T08:00:00Z", external_id="HR-7", email=employee["email"])
    assert (await deliver(client, hris, left)).json()["outcome"] == "applied"

    await click(client, share["tracked_url"], OTHER_VISITOR_IP)
    await drain(rewards_worker)

    members = (await client.get("/v1/ambassadors", headers=admin_a)).json()["items"]
    assert [member["status"] for member in members] == ["left"]
    after = await client.get(f"/v1/shares/{share['id']}", headers=admin_a)
    assert after.status_code == 200, after.text
    assert after.json()["stats"]["clicks"] == 2, "the share's figures keep every click"
    points = (await client.get(f"/v1/ambassadors/{members[0]['id']}/points", headers=admin_a)).json()
    assert [entry["rule"] for entry in points["items"]].count("counted_click") == 1
