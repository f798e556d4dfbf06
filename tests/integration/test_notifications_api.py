"""The notification inbox end to end: events handled by the worker fill the inboxes of the people
they concern, who read them unread first, mark them read and count what is left."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.system import Uuid7Generator
from app.domain.events import EventType, RecordedEvent
from app.services.notifications.live_contents import AnnounceLiveContents
from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, create_content, staff, transition
from tests.integration.helpers import assert_problem, outbox_events
from tests.integration.notification_helpers import counted_handler, inbox, new_member, unread
from tests.integration.recognition_helpers import member_id, worker_rounds
from tests.integration.worker_helpers import MovableClock

CREATED = EventType.NOTIFICATION_CREATED.value


@pytest.fixture
async def rounds(engine: AsyncEngine, database_url: str) -> Any:
    async with worker_rounds(engine, database_url) as run:
        yield run


async def test_approved_content_reaches_the_members_it_targets_and_no_one_else(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rounds: Any
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada", department="Sales")
    bob = await new_member(client, mint, tenant_a, admin_a, "bob", department="Engineering")
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")

    content = await approved_content(client, manager, moderator, targeting={"departments": ["Sales"]})
    await rounds()

    items = (await inbox(client, ada))["items"]
    assert [(item["kind"], item["state"], item["data"]["content_id"]) for item in items] == [
        ("new_content", "unread", content["id"])
    ]
    assert items[0]["data"]["title"] == "Nous recrutons"
    assert (await inbox(client, bob))["items"] == []
    assert await unread(client, ada) == 1


async def test_pinned_content_is_important_and_the_charter_asks_every_member(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rounds: Any
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    await approved_content(client, manager, moderator, pinned=True)
    charter = {"title": "Charte", "body": "Partagez librement."}
    assert (await client.post("/v1/charter/versions", json=charter, headers=admin_a)).status_code == 201

    await rounds()

    kinds = [item["kind"] for item in (await inbox(client, ada))["items"]]
    assert kinds == ["charter_to_accept", "important_content"]


async def test_content_scheduled_for_later_is_not_announced_at_approval(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rounds: Any
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    later = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    await approved_content(client, manager, moderator, publish_at=later)

    await rounds()

    assert (await inbox(client, ada))["items"] == []


async def test_the_inbox_shows_unread_first_pages_with_a_cursor_and_marks_read(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rounds: Any
) -> None:
    await configure(client, admin_a, weekly_content_budget=10)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    titles = [f"Contenu {n}" for n in range(5)]
    for title in titles:
        await approved_content(client, manager, moderator, title=title)
    await rounds()
    newest_first = [item["id"] for item in (await inbox(client, ada))["items"]]
    assert len(newest_first) == 5

    read = await client.post(f"/v1/me/notifications/{newest_first[0]}/read", headers=ada)
    assert read.status_code == 200, read.text
    assert read.json()["state"] == "read"
    again = await client.post(f"/v1/me/notifications/{newest_first[0]}/read", headers=ada)
    assert again.json()["read_at"] == read.json()["read_at"]

    first = await inbox(client, ada, limit=3)
    second = await inbox(client, ada, limit=3, cursor=first["next_cursor"])
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert seen == [*newest_first[1:], newest_first[0]]
    assert second["next_cursor"] is None
    assert await unread(client, ada) == 4

    everything = await client.post("/v1/me/notifications/read", headers=ada)
    assert everything.json() == {"marked": 4}
    assert await unread(client, ada) == 0


async def test_a_forged_cursor_is_refused(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    response = await client.get("/v1/me/notifications", params={"cursor": "bm90LWEtY3Vyc29y"}, headers=ada)
    assert_problem(response, 422)


async def test_no_one_reads_or_marks_another_persons_or_tenants_notifications(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    rounds: Any,
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    eve = await new_member(client, mint, tenant_b, admin_b, "eve")
    await approved_content(client, staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator"))
    await rounds()
    ada_items = (await inbox(client, ada))["items"]
    await client.post("/v1/me/notifications/read", headers=bob)

    for intruder in (bob, eve):
        refused = await client.post(f"/v1/me/notifications/{ada_items[0]['id']}/read", headers=intruder)
        assert_problem(refused, 404, "not-found")
    assert [item["id"] for item in (await inbox(client, eve))["items"]] == []
    assert await unread(client, eve) == 0
    assert await unread(client, ada) == 1


async def test_staff_without_membership_have_no_inbox(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    assert_problem(await client.get("/v1/me/notifications", headers=admin_a), 403)


async def test_a_notification_created_event_carries_the_devices_tokens_for_the_tenants_notifier(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine, rounds: Any
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    device = await client.post("/v1/me/devices", json={"platform": "ios", "token": "apns-token-1"}, headers=ada)
    assert device.status_code == 201, device.text
    await approved_content(client, staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator"))

    await rounds()

    created = [data for kind, data in await outbox_events(engine, tenant_a) if kind == CREATED]
    notification = (await inbox(client, ada))["items"][0]
    assert [(d["id"], d["kind"], d["push"], d["devices"]) for d in created] == [
        (notification["id"], "new_content", True, [{"platform": "ios", "token": "apns-token-1"}])
    ]
    assert created[0]["ambassador_id"] == str(await member_id(client, ada))


async def test_handling_an_event_again_or_on_two_workers_at_once_tells_each_person_once(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], database_url: str
) -> None:
    await configure(client, admin_a)
    members = [await new_member(client, mint, tenant_a, admin_a, f"m{n}") for n in range(3)]
    content = await create_content(client, staff(mint, tenant_a, "manager"))
    await transition(client, staff(mint, tenant_a, "manager"), content["id"], "submit")
    await transition(client, staff(mint, tenant_a, "moderator"), content["id"], "approve")
    event = RecordedEvent(
        id=Uuid7Generator().new_id(),
        type=EventType.CONTENT_APPROVED.value,
        tenant_id=tenant_a,
        occurred_at=datetime.now(UTC),
        data={"id": content["id"]},
    )

    async with counted_handler(database_url) as one, counted_handler(database_url) as two:
        await asyncio.gather(one.handler(event), two.handler(event))
        await one.handler(event)

    for headers in members:
        assert await unread(client, headers) == 1


async def test_telling_a_large_audience_costs_the_same_statements_as_a_small_one(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], database_url: str
) -> None:
    await configure(client, admin_a)
    manager = staff(mint, tenant_a, "manager")
    costs = []
    for size in (2, 12):
        members = [await new_member(client, mint, tenant_a, admin_a, f"s{size}x{n}") for n in range(size)]
        content = await create_content(client, manager, title=f"Pour {size}")
        await transition(client, manager, content["id"], "submit")
        await transition(client, staff(mint, tenant_a, "moderator"), content["id"], "approve")
        event = RecordedEvent(
            id=Uuid7Generator().new_id(),
            type=EventType.CONTENT_APPROVED.value,
            tenant_id=tenant_a,
            occurred_at=datetime.now(UTC),
            data={"id": content["id"]},
        )
        async with counted_handler(database_url) as counted:
            await counted.handler(event)
            costs.append(len(counted.statements))
        assert await unread(client, members[-1]) >= 1
    assert costs == [2, 2]


async def test_content_scheduled_for_later_is_announced_once_when_it_goes_live(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], database_url: str
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    later = (datetime.now(UTC) + timedelta(hours=6)).isoformat()
    content = await approved_content(
        client, staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator"), publish_at=later, important=True
    )
    pools = [await create_pool(database_url, size=2) for _ in range(2)]
    try:
        clock = MovableClock()
        jobs = [AnnounceLiveContents(PostgresNotificationStore(pool), clock) for pool in pools]
        assert await jobs[0]() == 0
        clock.advance(timedelta(hours=7))

        await asyncio.gather(*(job() for job in jobs))
        assert await jobs[0]() == 0
    finally:
        for pool in pools:
            await pool.close()

    items = (await inbox(client, ada))["items"]
    assert [(item["kind"], item["data"]["content_id"], item["source_event_id"]) for item in items] == [
        ("important_content", content["id"], content["id"])
    ]
