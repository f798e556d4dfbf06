"""The demo's points come through the worker, as anyone's do: once the demo is seeded, one pass of the
worker gives its ambassadors explained entries for their shares, clicks and conversions."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.run import seed_demo
from app.demo.seed import ROSTER
from app.services.events.deliver_events import DeliverEvents
from app.settings import Settings
from tests.integration.conftest import Mint, bearer
from tests.integration.rewards_helpers import rewards_worker
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def test_a_demo_ambassador_earns_points_for_their_shares_clicks_and_conversions_through_the_worker(
    client: httpx.AsyncClient, engine: AsyncEngine, settings: Settings, mint: Mint, rewards_worker: DeliverEvents
) -> None:
    seeded = await seed_demo(engine, settings.public_base_url)
    lea = next(person for person in ROSTER if person.given_name == "Léa")
    headers = bearer(mint(seeded.tenant_id, "ambassador", email=lea.email, subject=lea.subject))
    before = await client.get("/v1/me/points", headers=headers)

    await drain(rewards_worker)

    after = await client.get("/v1/me/points", params={"limit": 100}, headers=headers)
    rules = {entry["rule"].split(".")[0] for entry in after.json()["items"] if entry["kind"] == "award"}
    # The demo's only entries before the worker runs are staff's: welcome points (an adjustment) and what
    # Léa spent of them on the catalogue. Every award comes from the worker.
    assert {entry["kind"] for entry in before.json()["items"]} <= {"adjustment", "redemption", "donation"}
    assert after.json()["balance"] > before.json()["balance"]
    assert {"share_posted", "first_share", "counted_click"} <= rules, rules
