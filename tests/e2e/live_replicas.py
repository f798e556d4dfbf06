"""Two ``relais serve`` replicas and a worker on one database, and the steps the live-updates tests
take with them: a member who shared a content, a GraphQL socket, an event stream read line by line."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

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
from tests.integration.feed_helpers import Programme
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme
from tests.support.tcp_proxy import free_port

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


def replica_environment(url: str, data_dir: Path, public_base: str) -> dict[str, str]:
    """What every ``relais serve`` and ``relais worker`` of one deployment is started with: this
    environment without its own ``RELAIS_`` settings, one database, one data directory (so one
    development issuer: a token minted for the programme is valid on every replica) and one public URL."""
    return {name: value for name, value in os.environ.items() if not name.startswith("RELAIS_")} | {
        "RELAIS_DATABASE_URL": url,
        "RELAIS_DATA_DIR": str(data_dir),
        "RELAIS_PUBLIC_BASE_URL": public_base,
        "RELAIS_LOG_LEVEL": "warning",
        "RELAIS_LIVE_HEARTBEAT_SECONDS": "1",
        "RELAIS_WORKER_POLL_SECONDS": "0.1",
        "RELAIS_WORKER_PORT": str(free_port()),
    }


@contextmanager
def running_replicas(database_server: str, suffix: str, data_dir: Path) -> Iterator[Replicas]:
    """Two API replicas and a worker on a database of their own (named with ``suffix``), dropped afterwards."""
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_{suffix}"
    asyncio.run(_recreate_database(database_server, name))
    url = base.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    port_a, port_b = free_port(), free_port()
    base_a, base_b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    common = replica_environment(url, data_dir, base_a) | {"RELAIS_RATE_LIMITS": "false"}
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
    programme: Programme

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
    employee_id = UUID(ambassador["employee_id"])
    return Member(tenant_id, admin, sharing.member, ambassador["id"], employee_id, tracked, sharing.setup)


async def balance(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    response = await client.get("/v1/me/points", headers=headers)
    assert response.status_code == 200, response.text
    return int(response.json()["balance"])


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
