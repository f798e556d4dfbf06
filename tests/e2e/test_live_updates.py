"""End to end: live updates across two real ``relais serve`` replicas and a real worker on one database.

A change that goes through replica A (a click on a share, an admin's adjustment) reaches an app
subscribed on replica B, over GraphQL (graphql-transport-ws) and over Server-Sent Events: the
replicas share nothing but PostgreSQL. Tokens are checked on the socket as on HTTP, and a person of
another organisation never sees a signal that is not theirs.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy.engine import make_url
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.postgres.database import create_engine, create_sessions
from app.adapters.postgres.migrations import upgrade
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.ports.live_updates import LiveSignal, SignalKind
from tests.conftest import _recreate_database
from tests.integration.conftest import bearer
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme
from tests.support.tcp_proxy import free_port

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))
PROTOCOL = "graphql-transport-ws"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
POINTS = "subscription { pointsChanged { ambassadorId balance earned } }"
# Charter accepted (10), share posted (10), first share (25): what the member holds before any click.
BEFORE_CLICKS = 45
CLICK_POINTS = 2
WAIT = 10.0


@dataclass(frozen=True, slots=True)
class Replicas:
    a: str
    b: str
    issuer: DevIssuer
    database: str
    # serve A, serve B, the worker
    processes: list[subprocess.Popen[str]]

    def mint(
        self,
        tenant_id: UUID | None,
        *roles: str,
        subject: str,
        ttl: timedelta = timedelta(minutes=30),
        issued: timedelta = timedelta(0),
    ) -> str:
        """A token issued ``issued`` from now (negative: in the past), valid for ``ttl``."""
        now = datetime.now(UTC) + issued
        return self.issuer.mint(tenant_id=tenant_id, subject=subject, roles=list(roles), now=now, ttl=ttl)

    def socket_url(self, base: str) -> str:
        return base.replace("http://", "ws://") + "/graphql"


@pytest.fixture(scope="module")
def replicas(database_server: str, worker_name: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    """Two API replicas and a worker on a database of their own, dropped afterwards."""
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_live_e2e_{worker_name}"
    asyncio.run(_recreate_database(database_server, name))
    url = base.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    data_dir = tmp_path_factory.mktemp("live")
    port_a, port_b = free_port(), free_port()
    base_a, base_b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    common = {name: value for name, value in os.environ.items() if not name.startswith("RELAIS_")} | {
        "RELAIS_DATABASE_URL": url,
        "RELAIS_DATA_DIR": str(data_dir),
        # One issuer for both: a token minted for the programme is valid on either replica.
        "RELAIS_PUBLIC_BASE_URL": base_a,
        "RELAIS_LOG_LEVEL": "warning",
        "RELAIS_RATE_LIMITS": "false",
        "RELAIS_LIVE_HEARTBEAT_SECONDS": "1",
        "RELAIS_WORKER_POLL_SECONDS": "0.1",
        "RELAIS_WORKER_PORT": str(free_port()),
    }
    processes = [
        subprocess.Popen(
            [RELAIS, command], env=common | extra, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for command, extra in (
            ("serve", {"RELAIS_PORT": str(port_a)}),
            ("serve", {"RELAIS_PORT": str(port_b)}),
            ("worker", {}),
        )
    ]
    try:
        for process, where in zip(processes, (base_a, base_b), strict=False):
            ready(where, process)
        yield Replicas(base_a, base_b, DevIssuer.load_or_create(data_dir, base_a), url, processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        asyncio.run(_recreate_database(database_server, name, create=False))


def ready(base: str, process: subprocess.Popen[str], seconds: float = 180) -> None:
    """Wait for ``relais serve`` at ``base`` to answer ready: three processes start at once, on a machine
    that may be busy, so longer than a lone server is given."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"relais serve stopped:\n{process.communicate()[0]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"relais serve did not become ready:\n{process.communicate()[0]}")


@dataclass(frozen=True, slots=True)
class Member:
    tenant_id: UUID
    admin: dict[str, str]
    headers: dict[str, str]
    ambassador_id: str
    employee_id: UUID
    tracked_path: str

    @property
    def token(self) -> str:
        return self.headers["Authorization"]


async def member_with_a_share(replicas: Replicas, slug: str) -> Member:
    """An organisation made through replica A, whose member shared a content; its points settled."""
    operator = bearer(replicas.mint(None, "operator", subject="ops"))
    async with httpx.AsyncClient(base_url=replicas.a, timeout=30) as client:
        created = await client.post("/v1/tenants", json={"slug": slug, "name": slug.title()}, headers=operator)
        assert created.status_code == 201, created.text
        tenant_id = UUID(created.json()["id"])

        def mint(tenant: UUID | None, *roles: str, email: str | None = None, subject: str | None = None) -> str:
            return replicas.issuer.mint(
                tenant_id=tenant,
                subject=subject or f"{roles[0]}-{email or 'user'}",
                roles=list(roles),
                email=email,
                now=datetime.now(UTC),
            )

        admin = bearer(mint(tenant_id, "admin", subject="admin"))
        sharing: Sharing = await sharing_programme(client, mint, tenant_id, admin)
        share = await create_share(client, sharing.member, await published(client, sharing))
        assert share.status_code == 201, share.text
        confirmed = await client.post(f"/v1/shares/{share.json()['id']}/confirm", json={}, headers=sharing.member)
        assert confirmed.status_code == 200, confirmed.text
        me = (await client.get("/v1/me", headers=sharing.member)).json()
        deadline = time.monotonic() + 30
        while (await balance(client, sharing.member)) != BEFORE_CLICKS:
            assert time.monotonic() < deadline, "the worker did not award the share's points"
            await asyncio.sleep(0.1)
    tracked = httpx.URL(share.json()["tracked_url"]).path
    ambassador = me["ambassador"]
    return Member(tenant_id, admin, sharing.member, ambassador["id"], UUID(ambassador["employee_id"]), tracked)


async def balance(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    response = await client.get("/v1/me/points", headers=headers)
    assert response.status_code == 200, response.text
    return int(response.json()["balance"])


@pytest.fixture(scope="module")
def member(replicas: Replicas) -> Member:
    return asyncio.run(member_with_a_share(replicas, "acme"))


@pytest.fixture(scope="module")
def other_member(replicas: Replicas) -> Member:
    """A member of another organisation, with the same identity-provider subject as ``member``."""
    return asyncio.run(member_with_a_share(replicas, "globex"))


@asynccontextmanager
async def socket(replicas: Replicas, base: str, payload: dict[str, Any] | None) -> AsyncIterator[ClientConnection]:
    """A graphql-transport-ws connection, initialised with ``payload``."""
    async with connect(replicas.socket_url(base), subprotocols=[PROTOCOL], open_timeout=WAIT) as connection:  # type: ignore[list-item]
        message: dict[str, Any] = {"type": "connection_init"}
        if payload is not None:
            message["payload"] = payload
        await connection.send(json.dumps(message))
        yield connection


async def acknowledged(connection: ClientConnection) -> None:
    message = await asyncio.wait_for(connection.recv(), WAIT)
    assert isinstance(message, str), "a text frame, as graphql-transport-ws sends (a browser cannot read bytes)"
    assert json.loads(message) == {"type": "connection_ack"}


async def subscribe(connection: ClientConnection, query: str, operation_id: str = "1") -> None:
    await connection.send(json.dumps({"id": operation_id, "type": "subscribe", "payload": {"query": query}}))


async def next_points(connection: ClientConnection, within: float = WAIT) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(connection.recv(), within))
    assert message["type"] == "next", message
    points: dict[str, Any] = message["payload"]["data"]["pointsChanged"]
    return points


async def close_code(connection: ClientConnection) -> tuple[int | None, str | None]:
    async def until_closed() -> None:
        while True:
            await asyncio.wait_for(connection.recv(), WAIT)

    with pytest.raises(ConnectionClosed):
        await until_closed()
    return connection.close_code, connection.close_reason


async def adjust(client: httpx.AsyncClient, member: Member, points: int) -> None:
    body = {"points": points, "reason": "Spoke at the careers fair."}
    path = f"/v1/ambassadors/{member.ambassador_id}/points/adjustments"
    response = await client.post(path, json=body, headers=member.admin)
    assert response.status_code == 201, response.text


async def test_an_app_subscribed_on_replica_b_sees_its_points_change_when_its_share_is_clicked_through_replica_a(
    replicas: Replicas, member: Member
) -> None:
    async with socket(replicas, replicas.b, {"Authorization": member.token}) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        first = await next_points(connection)
        assert (first["balance"], first["ambassadorId"]) == (BEFORE_CLICKS, first["ambassadorId"])

        async with httpx.AsyncClient(base_url=replicas.a, timeout=10) as client:
            followed = await client.get(
                member.tracked_path, headers={"user-agent": BROWSER, "x-forwarded-for": "203.0.113.9"}
            )
        assert followed.status_code == 302

        clicked = await next_points(connection)
        assert clicked["balance"] == BEFORE_CLICKS + CLICK_POINTS
        assert clicked["earned"] == first["earned"] + CLICK_POINTS


async def test_points_reach_the_other_replica_within_a_fraction_of_a_second(
    replicas: Replicas, member: Member, record_property: Any
) -> None:
    """Twenty adjustments through A, each followed on B: the delay from the adjustment's answer (its
    transaction committed) to the subscriber's message."""
    delays, upper = [], []
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.a, timeout=10) as client,
    ):
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        held = (await next_points(connection))["balance"]
        for _ in range(20):
            sent = time.perf_counter()
            await adjust(client, member, 1)
            answered = time.perf_counter()
            changed = await next_points(connection)
            received = time.perf_counter()
            assert changed["balance"] == held + 1
            held = changed["balance"]
            delays.append(max(received - answered, 0.0))
            upper.append(received - sent)
    median, p95 = statistics.median(delays), statistics.quantiles(delays, n=20)[18]
    record_property("live_latency", {"median_ms": median * 1000, "p95_ms": p95 * 1000})
    print(
        f"\nlive points latency, commit to subscriber on the other replica: median {median * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms; from the request's start: median {statistics.median(upper) * 1000:.1f} ms, "
        f"p95 {statistics.quantiles(upper, n=20)[18] * 1000:.1f} ms"
    )
    assert p95 < 1.0


async def test_the_event_stream_on_replica_b_shows_points_changed_through_replica_a(
    replicas: Replicas, member: Member
) -> None:
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as writer,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-cache"
        lines = stream.aiter_lines()
        first = await next_event(lines)
        assert first["event"] == "points"
        before = json.loads(first["data"])["balance"]
        await adjust(writer, member, 5)
        changed = await next_event(lines)
        assert (changed["event"], json.loads(changed["data"])["balance"]) == ("points", before + 5)
        assert changed["id"] != first["id"]
        heartbeat = await asyncio.wait_for(anext_comment(lines), WAIT)
        assert heartbeat == ": keep-alive"


async def next_event(lines: AsyncIterator[str]) -> dict[str, str]:
    """The next event's fields (``id``, ``event``, ``data``), skipping comments and the retry line."""
    fields: dict[str, str] = {}
    async with asyncio.timeout(WAIT):
        async for line in lines:
            if not line:
                if "event" in fields:
                    return fields
                fields = {}
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(": ")
            fields[name] = value
    raise AssertionError("the stream ended")


async def until_ended(lines: AsyncIterator[str]) -> None:
    while True:
        await asyncio.wait_for(anext(lines), WAIT)


async def anext_comment(lines: AsyncIterator[str]) -> str:
    async for line in lines:
        if line.startswith(":"):
            return line
    raise AssertionError("the stream ended")


async def test_reconnecting_with_last_event_id_starts_with_a_resync(replicas: Replicas, member: Member) -> None:
    headers = {
        "Authorization": member.token,
        "Accept": "text/event-stream",
        "Last-Event-ID": "0196a3b1-0000-7000-8000-000000000000",
    }
    async with (
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        lines = stream.aiter_lines()
        assert [(await next_event(lines))["event"] for _ in range(2)] == ["points", "resync"]


async def test_a_member_of_another_organisation_never_sees_the_first_ones_points(
    replicas: Replicas, member: Member, other_member: Member
) -> None:
    assert member.token != other_member.token
    async with (
        socket(replicas, replicas.b, {"Authorization": other_member.token}) as theirs,
        socket(replicas, replicas.b, {"Authorization": member.token}) as ours,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as client,
    ):
        for connection in (theirs, ours):
            await acknowledged(connection)
            await subscribe(connection, POINTS)
        their_first, our_first = await next_points(theirs), await next_points(ours)
        assert their_first["ambassadorId"] != our_first["ambassadorId"]
        await adjust(client, member, 3)
        assert (await next_points(ours))["balance"] == our_first["balance"] + 3
        with pytest.raises(TimeoutError):
            await next_points(theirs, within=1.5)


@pytest.mark.parametrize(
    "payload",
    [
        None,
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Basic YWRtaW46YWRtaW4="},
    ],
    ids=["no-payload", "no-token", "invalid-token", "not-bearer"],
)
async def test_a_socket_without_a_valid_token_is_refused_with_4403(
    replicas: Replicas, payload: dict[str, Any] | None
) -> None:
    async with socket(replicas, replicas.b, payload) as connection:
        assert await close_code(connection) == (4403, "Forbidden")


async def test_an_expired_token_is_refused_and_a_socket_closes_when_its_token_expires(
    replicas: Replicas, member: Member
) -> None:
    expired = replicas.mint(member.tenant_id, "ambassador", subject="idp|ada", issued=-timedelta(hours=1))
    async with socket(replicas, replicas.b, {"Authorization": f"Bearer {expired}"}) as connection:
        assert await close_code(connection) == (4403, "Forbidden")

    short = replicas.mint(member.tenant_id, "ambassador", subject="idp|ada", ttl=timedelta(seconds=3))
    async with socket(replicas, replicas.b, {"Authorization": f"Bearer {short}"}) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        assert (await next_points(connection))["balance"] >= BEFORE_CLICKS
        assert await close_code(connection) == (4403, "access token expired")


async def test_a_subscription_before_the_acknowledgement_is_refused_with_4401(replicas: Replicas) -> None:
    async with connect(replicas.socket_url(replicas.b), subprotocols=[PROTOCOL]) as connection:  # type: ignore[list-item]
        await subscribe(connection, POINTS)
        assert await close_code(connection) == (4401, "Unauthorized")


async def test_queries_are_refused_on_the_socket_and_limits_hold_there(replicas: Replicas, member: Member) -> None:
    async with socket(replicas, replicas.b, {"Authorization": member.token}) as connection:
        await acknowledged(connection)
        await subscribe(connection, "{ myPoints { balance } }", "query")
        refused = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        assert refused["id"] == "query"
        assert refused["payload"] == [
            {
                "message": "This socket carries subscriptions; send queries and mutations over HTTP.",
                "extensions": {"code": "invalid-query"},
            }
        ]

        # The token limit stops the parser: a syntax error, which the protocol answers by closing with 4400.
        huge = "subscription { pointsChanged { " + "balance " * 2500 + "} }"
        await subscribe(connection, huge, "huge")
        code, reason = await close_code(connection)
        assert (code, "more than 2000 tokens" in (reason or "")) == (4400, True)


async def test_the_event_stream_refuses_a_missing_token_and_a_token_linked_to_no_one(
    replicas: Replicas, member: Member
) -> None:
    stranger = bearer(replicas.mint(member.tenant_id, "ambassador", subject="idp|nobody"))
    async with httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as client:
        missing = await client.get("/v1/me/events", headers={"Accept": "text/event-stream"})
        unlinked = await client.get("/v1/me/events", headers=stranger | {"Accept": "text/event-stream"})
    assert (missing.status_code, missing.headers["content-type"]) == (401, "application/problem+json")
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    assert (unlinked.status_code, unlinked.json()["type"]) == (403, "urn:relais:problem:employee-not-linked")


async def test_a_subscription_the_use_case_refuses_ends_with_its_error_coded_as_over_http(
    replicas: Replicas, member: Member
) -> None:
    async with socket(replicas, replicas.b, member.admin) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        refused = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        completed = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
    assert refused == {
        "id": "1",
        "type": "next",
        "payload": {
            "data": None,
            "errors": [
                {"message": "This action needs one of the roles: ambassador.", "extensions": {"code": "forbidden"}}
            ],
        },
    }
    assert completed == {"id": "1", "type": "complete"}


async def notify(replicas: Replicas, member: Member, notification: UUID) -> None:
    """What the inbox does when it files a notification: a signal in the transaction that stores it."""
    engine = create_engine(replicas.database, pool_size=1, max_overflow=0)
    try:
        uow = PostgresUnitOfWorkFactory(create_sessions(engine), Uuid7Generator())
        async with uow(member.tenant_id) as work:
            signal = LiveSignal(
                tenant_id=member.tenant_id,
                employee_id=member.employee_id,
                kind=SignalKind.NOTIFICATION,
                id=notification,
            )
            await work.live.publish([signal])
            await work.commit()
    finally:
        await engine.dispose()


async def test_a_notification_signal_reaches_the_inbox_subscription_and_the_event_stream_on_replica_b(
    replicas: Replicas, member: Member
) -> None:
    notification = uuid4()
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        await acknowledged(connection)
        await subscribe(connection, "subscription { inboxSignals { kind notificationUuid } }")
        lines = stream.aiter_lines()
        assert (await next_event(lines))["event"] == "points"
        await asyncio.sleep(0.5)  # the subscription is registered once the socket's operation started

        await notify(replicas, member, notification)

        signalled = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        assert signalled["payload"]["data"]["inboxSignals"] == {
            "kind": "NOTIFICATION",
            "notificationUuid": str(notification),
        }
        streamed = await next_event(lines)
        assert streamed == {
            "id": str(notification),
            "event": "notification",
            "data": json.dumps({"id": str(notification)}, separators=(",", ":")),
        }


async def test_a_replica_that_stops_ends_its_streams_at_once_rather_than_at_its_grace_period(
    replicas: Replicas, member: Member
) -> None:
    """Last of the module: it stops replica B. Its clients are let go at once, to reconnect elsewhere."""
    serve_b = replicas.processes[1]
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        await acknowledged(connection)
        lines = stream.aiter_lines()
        assert (await next_event(lines))["event"] == "points"
        stopped_at = time.monotonic()
        serve_b.terminate()
        with pytest.raises((StopAsyncIteration, httpx.RemoteProtocolError)):
            await until_ended(lines)
        assert await close_code(connection) == (1012, "")
    exit_code = await asyncio.to_thread(serve_b.wait, 20)
    assert (exit_code, time.monotonic() - stopped_at < 5) == (0, True)
