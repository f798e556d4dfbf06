"""Devices and notification preferences: what a member registers and chooses, and what the fan-out
makes of it (muted kinds skipped, nothing pushed in quiet hours, a NOTIFY for the live layer)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import plain_dsn
from app.adapters.postgres.live_updates.channel import CHANNEL, decode
from app.adapters.system import Uuid7Generator
from app.domain.events import EventType, RecordedEvent
from app.ports.live_updates import LiveSignal, SignalKind
from tests.integration.conftest import Mint
from tests.integration.helpers import assert_problem, error_locations, nothing_written, outbox_events
from tests.integration.notification_helpers import counted_handler, inbox, new_member
from tests.integration.recognition_helpers import member_id

CREATED = EventType.NOTIFICATION_CREATED.value


def badge_event(tenant_id: UUID, ambassador_id: UUID) -> RecordedEvent:
    return RecordedEvent(
        id=Uuid7Generator().new_id(),
        type=EventType.BADGE_EARNED.value,
        tenant_id=tenant_id,
        occurred_at=datetime.now(UTC),
        data={"ambassador_id": str(ambassador_id), "badge": "first-share", "name": "First share"},
    )


@pytest.fixture
async def ada(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> dict[str, str]:
    return await new_member(client, mint, tenant_a, admin_a, "ada")


async def test_a_member_registers_lists_and_removes_their_devices(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], ada: dict[str, str]
) -> None:
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    phone = (await client.post("/v1/me/devices", json={"platform": "ios", "token": "t-1"}, headers=ada)).json()
    await client.post("/v1/me/devices", json={"platform": "android", "token": "t-2"}, headers=ada)

    listed = (await client.get("/v1/me/devices", headers=ada)).json()
    assert [(d["platform"], d["token"]) for d in listed] == [("android", "t-2"), ("ios", "t-1")]
    assert (await client.get("/v1/me/devices", headers=bob)).json() == []
    assert_problem(await client.delete(f"/v1/me/devices/{phone['id']}", headers=bob), 404, "not-found")

    assert (await client.delete(f"/v1/me/devices/{phone['id']}", headers=ada)).status_code == 204
    assert [d["token"] for d in (await client.get("/v1/me/devices", headers=ada)).json()] == ["t-2"]


async def test_a_token_registered_by_another_member_moves_to_the_new_one(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], ada: dict[str, str]
) -> None:
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    await client.post("/v1/me/devices", json={"platform": "ios", "token": "shared"}, headers=ada)
    await client.post("/v1/me/devices", json={"platform": "ios", "token": "shared"}, headers=bob)

    assert (await client.get("/v1/me/devices", headers=ada)).json() == []
    assert [d["token"] for d in (await client.get("/v1/me/devices", headers=bob)).json()] == ["shared"]


async def test_a_member_keeps_their_twenty_latest_devices(client: httpx.AsyncClient, ada: dict[str, str]) -> None:
    for n in range(22):
        await client.post("/v1/me/devices", json={"platform": "web", "token": f"web-{n}"}, headers=ada)
    tokens = [d["token"] for d in (await client.get("/v1/me/devices", headers=ada)).json()]
    assert len(tokens) == 20
    assert "web-0" not in tokens
    assert "web-21" in tokens


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"platform": "ios", "token": "has space"}, ["body", "token"]),
        ({"platform": "blackberry", "token": "t"}, ["body", "platform"]),
        ({"platform": "ios", "token": "t", "owner": "me"}, ["body", "owner"]),
    ],
)
async def test_a_bad_device_is_refused_and_nothing_is_written(
    client: httpx.AsyncClient, ada: dict[str, str], engine: AsyncEngine, body: dict[str, Any], location: list[str]
) -> None:
    async with nothing_written(engine):
        refused = await client.post("/v1/me/devices", json=body, headers=ada)
    assert location in error_locations(assert_problem(refused, 422))


async def test_preferences_start_as_defaults_and_honour_if_match(
    client: httpx.AsyncClient, ada: dict[str, str]
) -> None:
    read = await client.get("/v1/me/notification-preferences", headers=ada)
    assert read.json() == {"muted_kinds": [], "quiet_hours": None, "time_zone": None, "weekly_digest": True}
    assert read.headers["ETag"] == '"v0"'
    body = {"muted_kinds": ["new_content"], "quiet_hours": {"start": "22:00", "end": "07:00"}, "time_zone": "UTC"}

    saved = await client.put("/v1/me/notification-preferences", json=body, headers=ada | {"If-Match": '"v0"'})
    assert saved.status_code == 200, saved.text
    assert saved.headers["ETag"] == '"v1"'
    assert saved.json()["quiet_hours"] == {"start": "22:00", "end": "07:00"}

    stale = await client.put("/v1/me/notification-preferences", json=body, headers=ada | {"If-Match": '"v0"'})
    assert_problem(stale, 412, "precondition-failed")
    unchanged = await client.get("/v1/me/notification-preferences", headers=ada | {"If-None-Match": '"v1"'})
    assert unchanged.status_code == 304


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"time_zone": "Mars/Olympus"}, ["body", "time_zone"]),
        ({"quiet_hours": {"start": "22:00", "end": "22:00"}}, ["body", "quiet_hours", "end"]),
        ({"muted_kinds": ["spam"]}, ["body", "muted_kinds", 0]),
    ],
)
async def test_bad_preferences_are_refused_and_nothing_is_written(
    client: httpx.AsyncClient, ada: dict[str, str], engine: AsyncEngine, body: dict[str, Any], location: list[Any]
) -> None:
    async with nothing_written(engine):
        refused = await client.put("/v1/me/notification-preferences", json=body, headers=ada)
    assert location in error_locations(assert_problem(refused, 422))


async def test_a_muted_kind_is_not_written_and_quiet_hours_push_nothing(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    ada: dict[str, str],
    engine: AsyncEngine,
    database_url: str,
) -> None:
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    await client.put("/v1/me/notification-preferences", json={"muted_kinds": ["badge_earned"]}, headers=ada)
    now = datetime.now(ZoneInfo("Asia/Tokyo"))
    quiet = {"start": (now - timedelta(hours=1)).time().isoformat("minutes"), "end": _later(now.time())}
    preferences = {"quiet_hours": quiet, "time_zone": "Asia/Tokyo"}
    assert (await client.put("/v1/me/notification-preferences", json=preferences, headers=bob)).status_code == 200
    await client.post("/v1/me/devices", json={"platform": "android", "token": "fcm-bob"}, headers=bob)

    async with counted_handler(database_url) as counted:
        await counted.handler(badge_event(tenant_a, await member_id(client, ada)))
        await counted.handler(badge_event(tenant_a, await member_id(client, bob)))

    assert (await inbox(client, ada))["items"] == []
    assert [item["kind"] for item in (await inbox(client, bob))["items"]] == ["badge_earned"]
    created = [data for kind, data in await outbox_events(engine, tenant_a) if kind == CREATED]
    assert [(d["quiet"], d["push"], d["devices"]) for d in created] == [(True, False, [])]


def _later(now: time) -> str:
    return (datetime.combine(datetime.now(UTC).date(), now) + timedelta(hours=1)).time().isoformat("minutes")


async def test_each_new_notification_is_announced_on_the_live_channel(
    client: httpx.AsyncClient, tenant_a: UUID, ada: dict[str, str], database_url: str
) -> None:
    heard: asyncio.Queue[str] = asyncio.Queue()
    listener = await asyncpg.connect(plain_dsn(database_url))
    await listener.add_listener(CHANNEL, lambda _connection, _pid, _channel, payload: heard.put_nowait(payload))
    try:
        async with counted_handler(database_url) as counted:
            await counted.handler(badge_event(tenant_a, await member_id(client, ada)))
        payload = await asyncio.wait_for(heard.get(), timeout=5)
    finally:
        await listener.close()
    notification = (await inbox(client, ada))["items"][0]
    me = (await client.get("/v1/me", headers=ada)).json()
    employee_id, notification_id = UUID(me["employee"]["id"]), UUID(notification["id"])
    expected = LiveSignal(tenant_id=tenant_a, employee_id=employee_id, kind=SignalKind.NOTIFICATION, id=notification_id)
    assert decode(payload) == expected


async def test_redemptions_decided_and_challenges_ended_reach_who_they_concern(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    ada: dict[str, str],
    database_url: str,
) -> None:
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    ada_id = await member_id(client, ada)
    now = datetime.now(UTC)
    rejected = RecordedEvent(
        id=Uuid7Generator().new_id(),
        type=EventType.REDEMPTION_REJECTED.value,
        tenant_id=tenant_a,
        occurred_at=now,
        data={
            "id": str(Uuid7Generator().new_id()),
            "reward_id": str(ada_id),
            "ambassador_id": str(ada_id),
            "points": 500,
            "status": "rejected",
            "reason": "Out of season",
        },
    )
    async with counted_handler(database_url) as counted:
        await counted.handler(rejected)

    items = (await inbox(client, ada))["items"]
    assert [(i["kind"], i["data"]["points"], i["data"]["reason"]) for i in items] == [
        ("redemption_rejected", 500, "Out of season")
    ]
    assert (await inbox(client, bob))["items"] == []
