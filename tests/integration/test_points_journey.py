"""Points earned through the worker on PostgreSQL: an ambassador accepts the charter, shares, a person
clicks through and a lead is reported with that click; the worker turns each into explained entries
once, a bot's click and their own click earn nothing, an invalidated lead gives its points back, and
another organisation sees none of it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, nothing_written
from tests.integration.redirect_helpers import BROWSER
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.share_helpers import create_share, published, sharing_programme
from tests.integration.test_conversion_journey import CRAWLER, MEMBER_IP, VISITOR_IP, click, running_campaign
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def test_sharing_a_click_and_a_lead_earn_explained_points_once_and_an_invalid_lead_gives_them_back(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await published(client, sharing)
    campaign_id = await running_campaign(client, admin_a, content_id)
    patched = await client.patch(f"/v1/campaigns/{campaign_id}", json={"points_multiplier": 1.5}, headers=admin_a)
    assert patched.status_code == 200, patched.text
    member_browser = sharing.member | {"user-agent": BROWSER, "x-forwarded-for": MEMBER_IP}
    share: dict[str, Any] = (await create_share(client, member_browser, content_id)).json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text
    visitor = await click(client, share["tracked_url"], VISITOR_IP)
    await click(client, share["tracked_url"], VISITOR_IP)  # a repeat within 24 h
    await click(client, share["tracked_url"], "66.249.66.1", CRAWLER)
    await click(client, share["tracked_url"], MEMBER_IP)  # their own
    integrator = bearer(mint(tenant_a, "integrator", subject="crm-sync"))
    lead = {"type": "lead", "external_id": "crm-1", "click_ref": visitor, "occurred_at": datetime.now(UTC).isoformat()}
    reported = await client.post("/v1/conversions", json=lead, headers=integrator)
    assert reported.status_code == 201, reported.text

    await drain(rewards_worker)
    await drain(rewards_worker)  # a second pass finds everything handled: nothing is awarded twice

    mine = await my_points(client, sharing.member)
    earned = {entry["rule"]: entry["points"] for entry in mine["items"]}
    assert earned == {
        "charter_accepted": 10,
        "share_posted": 15,
        "first_share": 25,
        "counted_click": 3,
        "conversion.lead": 30,
    }
    assert (mine["balance"], mine["earned"]) == (83, 83)
    click_entry = next(entry for entry in mine["items"] if entry["rule"] == "counted_click")
    assert click_entry["source_event_type"] == "click.recorded"
    assert click_entry["multiplier"] == "1.50"
    assert "rule counted_click, rule set version 0" in click_entry["reason"]
    recorded = [entry["recorded_at"] for entry in mine["items"]]
    assert recorded == sorted(recorded, reverse=True), "newest first"

    invalidated = await client.post(
        f"/v1/conversions/{reported.json()['id']}/invalidate", json={"reason": "Spam lead."}, headers=integrator
    )
    again = await client.post(
        f"/v1/conversions/{reported.json()['id']}/invalidate", json={"reason": "Spam lead."}, headers=integrator
    )
    assert invalidated.status_code == 200, invalidated.text
    assert_problem(again, 409, "invalid-transition")
    await drain(rewards_worker)

    after = await my_points(client, sharing.member)
    [reversal] = [entry for entry in after["items"] if entry["kind"] == "reversal"]
    assert (reversal["points"], reversal["rule"], after["balance"], after["earned"]) == (-30, "conversion.lead", 53, 53)
    assert "Spam lead." in reversal["reason"]

    staff_view = await client.get(f"/v1/ambassadors/{share['ambassador_id']}/points", headers=admin_a)
    assert staff_view.json()["balance"] == 53
    assert_problem(await client.get(f"/v1/ambassadors/{share['ambassador_id']}/points", headers=admin_b), 404)


async def test_admins_adjust_points_with_a_reason_and_never_below_zero(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    me = (await client.get("/v1/me", headers=sharing.member)).json()
    ambassador_id = me["ambassador"]["id"]
    path = f"/v1/ambassadors/{ambassador_id}/points/adjustments"

    added = await client.post(path, json={"points": 40, "reason": "Spoke at the fair."}, headers=admin_a)
    async with nothing_written(engine):
        too_much = await client.post(path, json={"points": -41, "reason": "Correction."}, headers=admin_a)
        no_reason = await client.post(path, json={"points": 5, "reason": " "}, headers=admin_a)
        by_member = await client.post(path, json={"points": 5, "reason": "Me."}, headers=sharing.member)
    taken = await client.post(path, json={"points": -15, "reason": "Double count."}, headers=admin_a)

    assert added.status_code == 201, added.text
    assert added.json()["actor"]
    assert added.json()["reason"] == "Spoke at the fair."
    problem = assert_problem(too_much, 409, "insufficient-points")
    assert "holds only 40" in problem["detail"]
    assert_problem(no_reason, 422)
    assert_problem(by_member, 403)
    assert taken.status_code == 201
    assert (await my_points(client, sharing.member))["balance"] == 25


async def test_reward_rules_start_at_the_defaults_and_a_new_version_never_applies_to_the_past(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    default = await client.get("/v1/reward-rules", headers=admin_a)
    assert default.status_code == 200
    assert default.json()["in_force"]["version"] == 0
    rules = [{"kind": "share_posted", "points": 12}, {"kind": "conversion", "points": 50, "conversion_type": "hire"}]
    guard = {"window_minutes": 5, "min_clicks": 10, "max_visitors": 2}

    replaced = await client.put("/v1/reward-rules", json={"rules": rules, "velocity_guard": guard}, headers=admin_a)
    past = await client.put(
        "/v1/reward-rules",
        json={"rules": rules, "velocity_guard": guard, "effective_from": "2020-01-01T00:00:00Z"},
        headers=admin_a,
    )

    assert replaced.status_code == 200, replaced.text
    body = replaced.json()["in_force"]
    assert (body["version"], [rule["key"] for rule in body["rules"]]) == (1, ["share_posted", "conversion.hire"])
    problem = assert_problem(past, 422, "validation-failed")
    assert [error["loc"] for error in problem["errors"]] == [["body", "effective_from"]] or problem["errors"]
    other = (await client.get("/v1/reward-rules", headers=admin_b)).json()
    assert other["in_force"]["version"] == 0, "another organisation keeps its own rules"
