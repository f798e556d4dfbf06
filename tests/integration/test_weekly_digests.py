"""The weekly digest: once the tenant's moment of the week has come, each active member who wants it
gets one ``digest.prepared`` event for the week, with the contents for them (no more than their weekly
share limit) and their impact; never two, even with two workers; none in quiet hours."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.notifications.digests import PostgresDigestStore
from app.domain.events import EventType
from app.services.notifications.digests import PrepareWeeklyDigests
from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, staff
from tests.integration.helpers import outbox_events
from tests.integration.notification_helpers import new_member
from tests.integration.recognition_helpers import member_id
from tests.integration.worker_helpers import MovableClock


async def digests(engine: AsyncEngine, tenant_id: UUID) -> dict[str, dict[str, Any]]:
    events = await outbox_events(engine, tenant_id)
    return {data["ambassador_id"]: data for kind, data in events if kind == EventType.DIGEST_PREPARED.value}


async def test_each_member_gets_one_digest_a_week_with_what_concerns_them(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    engine: AsyncEngine,
    database_url: str,
) -> None:
    now = datetime.now(UTC)
    await configure(client, admin_a, time_zone="UTC", digest_weekday=1, digest_time="00:00", weekly_content_budget=10)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    cleo = await new_member(client, mint, tenant_a, admin_a, "cleo")
    dan = await new_member(client, mint, tenant_a, admin_a, "dan")
    await client.put("/v1/me/notification-preferences", json={"weekly_digest": False}, headers=bob)
    one_a_week = {"languages": [], "topics": [], "max_shares_per_week": 1, "leaderboard_visible": False}
    assert (await client.put("/v1/me/preferences", json=one_a_week, headers=cleo)).status_code == 200
    quiet = {
        "start": (now - timedelta(hours=1)).time().isoformat("minutes"),
        "end": (now + timedelta(hours=1)).time().isoformat("minutes"),
    }
    await client.put("/v1/me/notification-preferences", json={"quiet_hours": quiet, "time_zone": "UTC"}, headers=dan)
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    await approved_content(client, manager, moderator, title="Premier")
    await approved_content(client, manager, moderator, title="Second", pinned=True)

    pools = [await create_pool(database_url, size=2) for _ in range(2)]
    try:
        clock = MovableClock()
        jobs = [PrepareWeeklyDigests(PostgresDigestStore(pool), clock, every=timedelta(0)) for pool in pools]
        counts = await asyncio.gather(*(job() for job in jobs))
        again = await jobs[0]()
    finally:
        for pool in pools:
            await pool.close()

    prepared = await digests(engine, tenant_a)
    ada_id, cleo_id = str(await member_id(client, ada)), str(await member_id(client, cleo))
    assert sorted(prepared) == sorted([ada_id, cleo_id])
    assert (sum(counts), again) == (2, 0)
    assert [c["title"] for c in prepared[ada_id]["contents"]] == ["Second", "Premier"]
    assert (prepared[cleo_id]["new_contents"], [c["title"] for c in prepared[cleo_id]["contents"]]) == (2, ["Second"])
    assert prepared[ada_id]["impact"] == {"shares_posted": 0, "points": 0}


async def test_no_digest_before_the_tenants_moment_of_the_week(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    engine: AsyncEngine,
    database_url: str,
) -> None:
    now = datetime.now(UTC)
    sunday_late = {"time_zone": "UTC", "digest_weekday": 7, "digest_time": "23:59"}
    await configure(client, admin_a, **sunday_late)
    await new_member(client, mint, tenant_a, admin_a, "ada")
    pool = await create_pool(database_url, size=2)
    try:
        prepared = await PrepareWeeklyDigests(PostgresDigestStore(pool), MovableClock(), every=timedelta(0))()
    finally:
        await pool.close()

    sunday_last_minute = now.weekday() == 6 and now.hour == 23 and now.minute == 59
    assert prepared == (1 if sunday_last_minute else 0)
    assert len(await digests(engine, tenant_a)) == prepared
