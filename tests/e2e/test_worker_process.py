"""End to end: real worker processes on a real database. One is killed (SIGKILL) in the middle of a
batch, inside a handler's transaction; the next one loses no event and changes nothing twice. The
``relais worker`` command answers its probes and metrics and stops cleanly on SIGTERM; ``relais events``
lists and replays parked events."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.adapters.postgres.database import create_engine
from app.adapters.postgres.migrations import upgrade
from app.adapters.system import Uuid7Generator
from tests.conftest import _recreate_database

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))
CHECKOUT = Path(__file__).resolve().parents[2]
EVENTS = 200
BATCH = 50
# The call that stops inside its transaction: in the second batch, after 25 others were handled
# (committed, their delivery not yet settled), so that the next worker is handed those again.
STALL_AT = 75
TENANT = UUID("0196a3b1-2c4d-7e8f-9a0b-1c2d3e4f5a6b")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _sql(url: str, statement: str, **values: Any) -> list[Any]:
    async def run() -> list[Any]:
        engine = create_engine(url, pool_size=1, max_overflow=0)
        try:
            async with engine.begin() as connection:
                result = await connection.execute(sa.text(statement), values)
                return list(result.all()) if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.fixture
def database(database_server: str, worker_name: str) -> Iterator[str]:
    """A migrated database with one tenant, dropped afterwards."""
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_worker_e2e_{worker_name}"
    asyncio.run(_recreate_database(database_server, name))
    url = base.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    now = datetime.now(UTC)
    _sql(
        url,
        "INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, 'e2e', 'End to end', :now)",
        id=TENANT,
        now=now,
    )
    yield url
    asyncio.run(_recreate_database(database_server, name, create=False))


def _environment(database: str, **settings: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("RELAIS_", "ECHO_"))}
    return env | {
        "RELAIS_DATABASE_URL": database,
        "RELAIS_WORKER_PORT": str(_free_port()),
        "RELAIS_LOG_LEVEL": "warning",
        **settings,
    }


def _record_events(database: str, count: int) -> list[UUID]:
    ids = Uuid7Generator()
    events = [ids.new_id() for _ in range(count)]
    _sql(
        database,
        "INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)"
        " SELECT :tenant, id, 'employee.created', now(), '{}', now() FROM unnest(CAST(:ids AS uuid[])) AS id",
        tenant=TENANT,
        ids=events,
    )
    return events


def _wait_for(condition: Any, seconds: float, what: str, process: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the worker stopped before {what}: {process.communicate()[0]}")
        if time.monotonic() > deadline:
            pytest.fail(f"not within {seconds} s: {what}")
        time.sleep(0.05)


def _echoes(database: str) -> Counter[str]:
    rows = _sql(database, "SELECT data ->> 'echo_of' FROM outbox WHERE type = 'test.echoed'")
    return Counter(row[0] for row in rows)


def _echo_worker(env: dict[str, str]) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.e2e.echo_worker"]
    return subprocess.Popen(command, env=env, cwd=CHECKOUT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_a_worker_killed_mid_batch_loses_no_event_and_the_next_changes_nothing_twice(
    database: str, tmp_path: Path
) -> None:
    events = _record_events(database, EVENTS)
    calls, stalled = tmp_path / "calls", tmp_path / "stalled"
    common = {
        "ECHO_CALLS_FILE": str(calls),
        "RELAIS_WORKER_BATCH_SIZE": str(BATCH),
        "RELAIS_WORKER_POLL_SECONDS": "0.2",
        "RELAIS_WORKER_LEASE_SECONDS": "6",
        "RELAIS_WORKER_HANDLER_TIMEOUT_SECONDS": "5",
    }
    first = _echo_worker(_environment(database, **common, ECHO_STALL_AT=str(STALL_AT), ECHO_STALL_FILE=str(stalled)))
    try:
        _wait_for(stalled.exists, 120, "the stalling call", first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    in_hand = UUID(stalled.read_text())
    leased = _sql(database, "SELECT event_id, attempts FROM event_deliveries WHERE next_attempt_at > now()")
    handled_before = _echoes(database)

    second = _echo_worker(_environment(database, **common))
    try:
        _wait_for(lambda: len(_echoes(database)) == EVENTS, 180, "every event's echo", second)
        second.send_signal(signal.SIGTERM)
        output, _ = second.communicate(timeout=60)
    finally:
        if second.poll() is None:
            second.kill()

    assert len(leased) == BATCH, "killed with a whole batch in hand"
    assert in_hand in {row[0] for row in leased}
    assert str(in_hand) not in handled_before, "its transaction died with the worker"
    assert len(handled_before) == STALL_AT - 1
    echoes = _echoes(database)
    assert set(echoes) == {str(event) for event in events}, "no event lost"
    assert set(echoes.values()) == {1}, "no change made twice"
    handed = Counter(calls.read_text().split())
    assert handed[str(in_hand)] == 2
    assert sum(handed.values()) > EVENTS, "the killed batch was handed over again"
    assert second.returncode == 0, output
    assert _sql(database, "SELECT count(*) FROM event_deliveries")[0][0] == 0
    assert _sql(database, "SELECT count(*) FROM parked_events")[0][0] == 0
    assert _sql(database, "SELECT count(*) FROM handled_events WHERE handler = 'echo'")[0][0] == EVENTS


def test_relais_worker_answers_its_probes_and_metrics_and_stops_on_sigterm(database: str) -> None:
    _record_events(database, 3)
    env = _environment(database, RELAIS_WORKER_POLL_SECONDS="0.2", RELAIS_LOG_LEVEL="info", RELAIS_LOG_FORMAT="json")
    base = f"http://127.0.0.1:{env['RELAIS_WORKER_PORT']}"
    worker = subprocess.Popen([RELAIS, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(lambda: _answers(f"{base}/healthz"), 120, "/healthz answers", worker)
        _wait_for(lambda: "employee.created" in httpx.get(f"{base}/metrics", timeout=5).text, 30, "the events taken")
        ready = httpx.get(f"{base}/readyz", timeout=5)
        metrics = httpx.get(f"{base}/metrics", timeout=5).text
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()

    assert ready.json() == {"status": "ready", "database": True, "schema_current": True}
    assert 'relais_worker_outbox_events_taken_total{type="employee.created"} 3.0' in metrics
    assert 'relais_worker_lag_seconds{source="outbox"}' in metrics
    assert "relais_worker_parked_events 0.0" in metrics
    assert worker.returncode == 0, output
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    consumes = next(line for line in lines if line["event"] == "worker consumes the outbox and the clicks")
    assert {"rewards", "leaderboard-rollups", "badges"} <= set(consumes["handlers"])
    assert {"rewards", "badges"} <= set(consumes["click_handlers"])
    assert any(line["event"] == "worker stopped" for line in lines)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def test_relais_events_lists_and_replays_parked_events(database: str) -> None:
    ids = Uuid7Generator()
    parked, event = ids.new_id(), ids.new_id()
    _sql(
        database,
        "INSERT INTO parked_events (tenant_id, id, event_id, handler, source, event_type, occurred_at, attempts,"
        " error, parked_at) VALUES (:t, :id, :e, 'rewards', 'outbox', 'share.posted', now(), 10, 'KeyError: x', now())",
        t=TENANT,
        id=parked,
        e=event,
    )
    env = _environment(database)

    listed = subprocess.run(
        [RELAIS, "events", "parked"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    replayed = subprocess.run(
        [RELAIS, "events", "replay", str(parked)], env=env, capture_output=True, text=True, timeout=120, check=False
    )

    assert listed.returncode == 0, listed.stderr
    assert str(parked) in listed.stdout
    assert "share.posted" in listed.stdout
    assert "KeyError: x" in listed.stdout
    assert replayed.returncode == 0, replayed.stderr
    assert replayed.stdout.strip() == f"Replaying share.posted {event} for rewards."
    assert _sql(database, "SELECT event_id, attempts FROM event_deliveries") == [(event, 0)]
