"""Live signals on real PostgreSQL: NOTIFY sent by the writing transaction, received by a process's one
LISTEN connection and handed to the subscribers of that person only; points signalled by the ledger's
own statement; a listener that lost the database listens again and tells its subscribers to resync."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions, plain_dsn
from app.adapters.postgres.live_updates.listener import PostgresLiveListener
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.ports.live_updates import LiveSignal, SignalKind
from tests.integration.conftest import Mint
from tests.integration.feed_helpers import ambassador, programme
from tests.support.tcp_proxy import TcpProxy, database_target, via_hop

QUIET = 0.5


@pytest.fixture
async def listener(database_url: str) -> AsyncIterator[PostgresLiveListener]:
    async with PostgresLiveListener(plain_dsn(database_url), check_seconds=0.5) as listening:
        await asyncio.wait_for(listening.listening.wait(), 10)
        yield listening


async def received(signals: AsyncIterator[LiveSignal], within: float = 5.0) -> LiveSignal:
    return await asyncio.wait_for(anext(signals), within)


async def nothing_more(signals: AsyncIterator[LiveSignal]) -> None:
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(anext(signals), QUIET)


async def publish(engine: AsyncEngine, tenant_id: UUID, *signals: LiveSignal, commit: bool = True) -> None:
    uow = PostgresUnitOfWorkFactory(create_sessions(engine), Uuid7Generator())
    async with uow(tenant_id) as work:
        await work.live.publish(signals)
        if commit:
            await work.commit()


async def test_a_committed_signal_reaches_its_person_in_its_organisation_only(
    listener: PostgresLiveListener, engine: AsyncEngine
) -> None:
    tenant, other_tenant, person, other_person, notification = uuid4(), uuid4(), uuid4(), uuid4(), uuid4()
    async with (
        listener.subscribe(tenant, person) as theirs,
        listener.subscribe(tenant, other_person) as colleague,
        listener.subscribe(other_tenant, person) as same_id_elsewhere,
    ):
        signal = LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.NOTIFICATION, id=notification)
        await publish(engine, tenant, signal, signal)

        assert await received(theirs) == signal
        await nothing_more(theirs)  # sent twice in one transaction, delivered once
        await nothing_more(colleague)
        await nothing_more(same_id_elsewhere)
    assert listener.subscriptions == 0


async def test_a_rolled_back_signal_is_never_sent(listener: PostgresLiveListener, engine: AsyncEngine) -> None:
    tenant, person = uuid4(), uuid4()
    async with listener.subscribe(tenant, person) as signals:
        await publish(
            engine, tenant, LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.POINTS), commit=False
        )
        await nothing_more(signals)


async def test_a_payload_it_cannot_read_is_skipped_and_the_next_one_delivered(
    listener: PostgresLiveListener, engine: AsyncEngine
) -> None:
    tenant, person = uuid4(), uuid4()
    async with listener.subscribe(tenant, person) as signals:
        async with engine.begin() as connection:
            await connection.execute(sa.text("SELECT pg_notify('relais_live', 'not json')"))
            await connection.execute(sa.text("""SELECT pg_notify('relais_live', '{"kind": "unknown"}')"""))
        signal = LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.POINTS)
        await publish(engine, tenant, signal)
        assert await received(signals) == signal


async def test_points_moved_by_the_ledger_signal_the_person_once_per_transaction(
    listener: PostgresLiveListener,
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    member = await ambassador(client, mint, setup, "idp|ada")
    membership: dict[str, Any] = (await client.get("/v1/me", headers=member)).json()["ambassador"]
    person, ambassador_id = UUID(membership["employee_id"]), UUID(membership["id"])

    async with listener.subscribe(tenant_a, person) as signals:
        adjusted = await client.post(
            f"/v1/ambassadors/{ambassador_id}/points/adjustments",
            json={"points": 40, "reason": "Spoke at the careers fair."},
            headers=admin_a,
        )
        assert adjusted.status_code == 201, adjusted.text
        assert await received(signals) == LiveSignal(
            tenant_id=tenant_a, employee_id=person, kind=SignalKind.POINTS, id=ambassador_id
        )
        await nothing_more(signals)

        taken = await client.post(
            f"/v1/ambassadors/{ambassador_id}/points/adjustments",
            json={"points": -15, "reason": "Counted twice."},
            headers=admin_a,
        )
        assert taken.status_code == 201, taken.text
        assert (await received(signals)).kind is SignalKind.POINTS


async def test_a_listener_that_lost_the_database_listens_again_and_tells_its_subscribers_to_resync(
    database_url: str, engine: AsyncEngine
) -> None:
    hop = TcpProxy(*database_target(database_url))
    await hop.start()
    tenant, person = uuid4(), uuid4()
    dsn = plain_dsn(via_hop(database_url, hop.port))
    try:
        async with PostgresLiveListener(dsn, check_seconds=0.3, first_retry_seconds=0.1) as listener:
            await asyncio.wait_for(listener.listening.wait(), 10)
            async with listener.subscribe(tenant, person) as signals:
                await hop.cut()
                await asyncio.sleep(1)  # the loss is noticed, reconnections fail meanwhile
                assert not listener.listening.is_set()
                await hop.start()

                resync = await received(signals, within=10)
                assert resync == LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.RESYNC)
                signal = LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.POINTS)
                await publish(engine, tenant, signal)
                assert await received(signals) == signal
                assert listener.connections_opened == 2
    finally:
        await hop.cut()


async def test_a_subscriber_that_stops_reading_is_told_to_resync_rather_than_held_every_signal(
    listener: PostgresLiveListener, engine: AsyncEngine
) -> None:
    tenant, person, witness = uuid4(), uuid4(), uuid4()
    async with listener.subscribe(tenant, person) as signals, listener.subscribe(tenant, witness) as witnessed:
        notifications = [
            LiveSignal(tenant_id=tenant, employee_id=person, kind=SignalKind.NOTIFICATION, id=uuid4())
            for _ in range(100)
        ]
        await publish(engine, tenant, *notifications)
        # Signals arrive in commit order: once a later transaction's reached another subscriber, the
        # listener has dispatched all 100, and this subscriber has read none of them yet.
        marker = LiveSignal(tenant_id=tenant, employee_id=witness, kind=SignalKind.POINTS)
        await publish(engine, tenant, marker)
        assert await received(witnessed) == marker
        # The 65th found the queue full (64): what it held became one resync; the 35 after it queued.
        assert (await received(signals)).kind is SignalKind.RESYNC
        assert [await received(signals) for _ in range(35)] == notifications[65:]
        await nothing_more(signals)


async def test_a_subscription_sent_over_http_is_refused_not_held_open(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    member = await ambassador(client, mint, setup, "idp|ada")
    answer = await asyncio.wait_for(
        client.post("/graphql", json={"query": "subscription { pointsChanged { balance } }"}, headers=member), 10
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "data": None,
        "errors": [
            {
                "message": "Subscriptions are served over a WebSocket at /graphql (graphql-transport-ws); "
                "over plain HTTP, follow /v1/me/events.",
                "extensions": {"code": "invalid-query"},
            }
        ],
    }
