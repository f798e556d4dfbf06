"""The demo's referral is credited through the worker, as anyone's is: once the demo is seeded, one pass
of the worker credits Chloé for Louis, who joined on her invitation."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.recruiting_story import REFERRER
from app.demo.run import seed_demo
from app.demo.seed import DEMO_DOMAIN
from app.services.events.deliver_events import DeliverEvents
from app.settings import Settings
from tests.integration.conftest import Mint, bearer
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def test_the_demo_referral_is_credited_with_its_points_by_the_worker(
    client: httpx.AsyncClient, engine: AsyncEngine, settings: Settings, mint: Mint, rewards_worker: DeliverEvents
) -> None:
    seeded = await seed_demo(engine, settings.public_base_url)
    chloe = bearer(mint(seeded.tenant_id, "ambassador", email=REFERRER.email(DEMO_DOMAIN), subject=REFERRER.subject))

    await drain(rewards_worker)

    [referral] = (await client.get("/v1/me/referrals", headers=chloe)).json()["items"]
    assert referral["status"] == "credited"
    rules = [entry["rule"] for entry in (await my_points(client, chloe, limit=100))["items"]]
    assert rules.count("colleague_joined") == 1
