"""Outgoing webhooks end to end: an endpoint an admin registers receives the organisation's events
from the real worker over real HTTP, signed so that the ``standardwebhooks`` library verifies them,
retried with the same webhook-id until the receiver takes them, and logged attempt by attempt."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from uuid import UUID

import asyncpg
import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.adapters.postgres.database import create_pool
from app.domain.webhooks.deliveries import RetrySchedule
from app.services.webhooks.deliver_webhooks import WebhookLimits
from app.settings import Settings
from tests.integration.conftest import Mint
from tests.integration.share_helpers import Sharing, new_share, published, sharing_programme
from tests.integration.webhook_helpers import (
    Receiver,
    eventually,
    receiving,
    register,
    until,
    webhook_worker,
    working,
)

POST_URL = {"post_url": "https://www.linkedin.com/feed/update/1"}


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    opened = await create_pool(database_url, size=4)
    try:
        yield opened
    finally:
        await opened.close()


async def post_a_share(client: httpx.AsyncClient, sharing: Sharing) -> str:
    share = await new_share(client, sharing)
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json=POST_URL, headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text
    share_id: str = share["id"]
    return share_id


async def test_a_registered_endpoint_receives_a_signed_share_posted(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    async with receiving(Receiver()) as receiver:
        endpoint = await register(client, admin_a, receiver.url, ["share.posted"])
        share_id = await post_a_share(client, sharing)
        worker, dispatcher = webhook_worker(settings, pool)
        async with working(worker, dispatcher):
            await until(lambda: bool(receiver.of_type("share.posted")))

    [received] = receiver.requests  # share.created is not wanted
    payload = Webhook(endpoint["secret"]).verify(received.body, received.headers)
    assert payload["type"] == "share.posted"
    assert payload["id"] == received.headers["webhook-id"]
    assert payload["tenant"] == str(sharing.tenant_id)
    assert payload["envelope_version"] == 1
    assert payload["resource"]["type"] == "share"
    assert payload["resource"]["id"] == share_id
    assert isinstance(payload["resource"]["version"], int)
    assert payload["data"]["post_url"] == POST_URL["post_url"]
    assert received.headers["content-type"] == "application/json"
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 43 + "=").verify(received.body, received.headers)
    log = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=admin_a)).json()
    [delivery] = log["items"]
    assert (delivery["event_type"], delivery["state"], delivery["attempts"]) == ("share.posted", "succeeded", 1)
    assert delivery["event_id"] == payload["id"]
    [attempt] = delivery["log"]
    assert attempt["status_code"] == 204
    assert attempt["error"] is None
    assert attempt["latency_ms"] >= 0


async def test_the_tenants_notifier_receives_each_new_notification_with_the_members_push_tokens(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    device = {"platform": "android", "token": "fcm-token-of-sam"}
    assert (await client.post("/v1/me/devices", json=device, headers=sharing.member)).status_code == 201
    async with receiving(Receiver()) as receiver:
        endpoint = await register(client, admin_a, receiver.url, ["notification.*"])
        content_id = await published(client, sharing, title="Nouvelle offre")
        worker, dispatcher = webhook_worker(settings, pool, with_notifications=True)
        async with working(worker, dispatcher):
            await until(lambda: len(receiver.of_type("notification.created")) == 2)

    # The programme's charter told the member first; the content's notification follows.
    [received] = [r for r in receiver.of_type("notification.created") if r.payload["data"]["kind"] == "new_content"]
    payload = Webhook(endpoint["secret"]).verify(received.body, received.headers)
    member = (await client.get("/v1/me", headers=sharing.member)).json()
    assert payload["resource"]["type"] == "notification"
    assert payload["data"]["employee_id"] == member["employee"]["id"]
    assert (payload["data"]["kind"], payload["data"]["data"]["content_id"]) == ("new_content", content_id)
    assert (payload["data"]["push"], payload["data"]["devices"]) == (True, [device])


async def test_a_receiver_failing_three_times_gets_the_event_on_the_fourth_with_the_same_webhook_id(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    async with receiving(Receiver(answers=[500, 503, 429])) as receiver:
        endpoint = await register(client, admin_a, receiver.url, ["share.posted"])
        await post_a_share(client, sharing)
        worker, dispatcher = webhook_worker(settings, pool)
        async with working(worker, dispatcher):
            await until(lambda: len(receiver.requests) == 4)

    assert len({request.headers["webhook-id"] for request in receiver.requests}) == 1
    assert len({request.body for request in receiver.requests}) == 1
    for request in receiver.requests:
        assert Webhook(endpoint["secret"]).verify(request.body, request.headers)["type"] == "share.posted"
    [delivery] = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=admin_a)).json()[
        "items"
    ]
    assert (delivery["state"], delivery["attempts"]) == ("succeeded", 4)
    assert [attempt["status_code"] for attempt in delivery["log"]] == [204, 429, 503, 500]
    assert [attempt["error"] for attempt in delivery["log"]][1:] == ["Answered 429.", "Answered 503.", "Answered 500."]
    endpoint_now = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=admin_a)).json()
    assert endpoint_now["failing_since"] is None


async def test_a_delivery_that_fails_every_attempt_fails_for_good_and_a_replay_sends_it_again(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    schedule = RetrySchedule(delays=(timedelta(0),) * 2, jitter=0)
    async with receiving(Receiver(answers=[500, 500, 500])) as receiver:
        endpoint = await register(client, admin_a, receiver.url, ["share.posted"])
        await post_a_share(client, sharing)
        worker, dispatcher = webhook_worker(settings, pool, schedule=schedule)
        base = f"/v1/webhook-endpoints/{endpoint['id']}"
        async with working(worker, dispatcher):
            await until(lambda: len(receiver.requests) == 3)

            async def settled() -> bool:
                [delivery] = (await client.get(f"{base}/deliveries", headers=admin_a)).json()["items"]
                return bool(delivery["state"] != "pending")

            await eventually(settled)
            [failed] = (await client.get(f"{base}/deliveries", headers=admin_a)).json()["items"]
            assert (failed["state"], failed["attempts"], failed["next_attempt_at"]) == ("failed", 3, None)
            replayed = await client.post(f"{base}/deliveries/{failed['id']}/replay", headers=admin_a)
            assert replayed.status_code == 200
            assert (replayed.json()["state"], replayed.json()["attempts"]) == ("pending", 0)
            await until(lambda: len(receiver.requests) == 4)
    assert len({request.headers["webhook-id"] for request in receiver.requests}) == 1
    done = (await client.get(f"{base}/deliveries/{failed['id']}", headers=admin_a)).json()
    assert (done["state"], len(done["log"])) == ("succeeded", 4)


async def test_an_endpoint_failing_for_days_is_disabled_and_the_admins_are_told(
    client: httpx.AsyncClient,
    sharing: Sharing,
    admin_a: dict[str, str],
    settings: Settings,
    pool: asyncpg.Pool,
    engine: AsyncEngine,
) -> None:
    async with receiving(Receiver(answers=[500] * 10)) as receiver:
        endpoint = await register(client, admin_a, receiver.url, ["share.*"])
        async with engine.begin() as connection:  # it has failed since four days ago
            await connection.execute(
                sa.text("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days' WHERE id = :id"),
                {"id": endpoint["id"]},
            )
        await post_a_share(client, sharing)
        worker, dispatcher = webhook_worker(settings, pool, limits=WebhookLimits(per_endpoint=1))
        async with working(worker, dispatcher):
            base = f"/v1/webhook-endpoints/{endpoint['id']}"

            async def disabled() -> bool:
                return not (await client.get(base, headers=admin_a)).json()["enabled"]

            await eventually(disabled)
            read = (await client.get(base, headers=admin_a)).json()
    assert (read["enabled"], read["disabled_reason"]) == (False, "failing")
    async with engine.connect() as connection:
        events = (
            (
                await connection.execute(
                    sa.text("SELECT data FROM outbox WHERE tenant_id = :tenant AND type = 'webhook_endpoint.disabled'"),
                    {"tenant": sharing.tenant_id},
                )
            )
            .scalars()
            .all()
        )
    assert [event["id"] for event in events] == [endpoint["id"]]
    states = {item["state"] for item in (await client.get(f"{base}/deliveries", headers=admin_a)).json()["items"]}
    assert "pending" not in states
    assert len(receiver.requests) < 10


async def test_a_slow_endpoint_does_not_hold_up_another(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    # The slow receiver holds its first request for 10 s: everything the fast one gets meanwhile went
    # past it. Were the fast deliveries queued behind the slow ones, none would have arrived yet.
    async with receiving(Receiver(delay=10.0)) as slow, receiving(Receiver()) as fast:
        await register(client, admin_a, slow.url, ["share.*"])
        await register(client, admin_a, fast.url, ["share.*"])
        for _ in range(3):
            await post_a_share(client, sharing)
        limits = WebhookLimits(per_endpoint=1)
        worker, dispatcher = webhook_worker(settings, pool, limits=limits, timeout=30.0)
        async with working(worker, dispatcher):
            await until(lambda: len(fast.requests) == 6)
            assert len(slow.requests) == 1  # one at a time to the slow one: the others wait their turn


async def test_two_workers_deliver_each_event_once_to_each_endpoint(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str], settings: Settings, pool: asyncpg.Pool
) -> None:
    async with receiving(Receiver()) as first, receiving(Receiver()) as second:
        await register(client, admin_a, first.url, ["share.*"])
        await register(client, admin_a, second.url, ["share.posted"])
        for _ in range(4):
            await post_a_share(client, sharing)
        one, one_sender = webhook_worker(settings, pool, limits=WebhookLimits(batch_size=2, per_endpoint=2))
        two, two_sender = webhook_worker(settings, pool, limits=WebhookLimits(batch_size=2, per_endpoint=2))
        async with working(one, one_sender), working(two, two_sender):
            await until(lambda: len(first.requests) >= 8 and len(second.requests) >= 4)
            await asyncio.sleep(0.5)  # time for a second delivery of anything, were one to come
    for receiver, wanted in ((first, 8), (second, 4)):
        ids = [request.headers["webhook-id"] for request in receiver.requests]
        assert len(ids) == wanted
        assert len(set(ids)) == wanted
    assert {request.payload["type"] for request in second.requests} == {"share.posted"}
