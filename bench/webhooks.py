"""Outgoing webhooks: deliveries per second from ``relais worker`` to a receiver on this machine.

A fresh database with one tenant, ``--endpoints`` endpoints wanting ``employee.*`` (all pointing at one
receiver process, through the development allow-list) and ``--events`` ``employee.updated`` events
written to the outbox before the worker starts (a type no other handler takes, so the worker's time is
the webhooks'). The real worker process then fans each event
out to every endpoint and delivers them, signed; the run is timed from the worker's start to the last
delivery succeeded, read from the database. The baseline, in the same run, POSTs the same number of
bodies of the same size to the same receiver with httpx at the same concurrency, without signing,
database or fan-out: the ratio is what the rest costs. Figures go to ``bench/RESULTS.md`` under
"Webhooks".

    .venv/bin/python -m bench.webhooks [--events 2000] [--endpoints 2] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime

import asyncpg
import httpx
from cryptography.fernet import Fernet

from app.adapters.postgres.migrations import upgrade
from app.adapters.system import Uuid7Generator
from app.adapters.webhooks.outgoing import StandardWebhookSigner
from app.adapters.webhooks.secret_box import FernetSecretBox
from bench.feed import write_section
from bench.harness import free_port, server
from bench.measure import committed
from bench.redirect import fresh_database
from bench.webhook_receiver import running_receiver

DATABASE = "relais_bench_webhooks"
# httpx slows down past a few dozen connections to one receiver (measured: 318 requests/s one at a time,
# 137 with 50 in flight, on the loaded machine); the worker's cap is set to match.
CONCURRENCY = 32
PER_ENDPOINT = 16


def say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


async def seed(url: str, receiver: str, events: int, endpoints: int, key: str) -> int:
    """The tenant, its endpoints and the outbox's events; the size of one event's data."""
    ids, now = Uuid7Generator(), datetime.now(UTC)
    box, signer = FernetSecretBox([key]), StandardWebhookSigner()
    tenant = ids.new_id()
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(
            "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'bench', 'Bench', $2)", tenant, now
        )
        for number in range(endpoints):
            endpoint = ids.new_id()
            await connection.execute(
                "INSERT INTO webhook_endpoints (tenant_id, id, url, description, event_types, enabled, version, "
                "created_at, updated_at) VALUES ($1, $2, $3, $4, '{employee.*}', true, 1, $5, $5)",
                tenant,
                endpoint,
                f"{receiver}/hooks/{number}",
                f"Receiver {number}",
                now,
            )
            await connection.execute(
                "INSERT INTO webhook_endpoint_secrets (tenant_id, id, endpoint_id, sealed, issued_at) "
                "VALUES ($1, $2, $3, $4, $5)",
                tenant,
                ids.new_id(),
                endpoint,
                box.seal(signer.new_secret()),
                now,
            )
        data = {"fields": ["department", "location", "manager_external_id"]}
        rows = [
            (tenant, ids.new_id(), "employee.updated", now, json.dumps({"id": str(ids.new_id())} | data), now, 2)
            for _ in range(events)
        ]
        await connection.copy_records_to_table(
            "outbox",
            records=rows,
            columns=["tenant_id", "id", "type", "occurred_at", "data", "recorded_at", "resource_version"],
        )
        return len(json.dumps(data)) + 300
    finally:
        await connection.close()


async def succeeded(url: str) -> tuple[int, int]:
    connection = await asyncpg.connect(url)
    try:
        row = await connection.fetchrow(
            "SELECT count(*) FILTER (WHERE state = 'succeeded') AS done, count(*) AS made FROM webhook_deliveries"
        )
        return int(row["done"]), int(row["made"])
    finally:
        await connection.close()


async def baseline(receiver: str, requests: int, size: int) -> float:
    """Plain httpx POSTs of a body of the same size, ``CONCURRENCY`` at a time: requests per second."""
    body = json.dumps({"type": "employee.updated", "padding": "x" * size})
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(requests):
        queue.put_nowait(number)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits, timeout=10, trust_env=False) as client:

        async def post() -> None:
            while not queue.empty():
                number = queue.get_nowait()
                response = await client.post(f"{receiver}/hooks/{number % 2}", content=body)
                assert response.status_code == 204

        started = time.perf_counter()
        await asyncio.gather(*(post() for _ in range(CONCURRENCY)))
        return requests / (time.perf_counter() - started)


def one_round(args: argparse.Namespace, receiver: str, relais: str, key: str) -> dict[str, float]:
    with fresh_database(DATABASE) as url:
        upgrade(url)
        size = asyncio.run(seed(url, receiver, args.events, args.endpoints, key))
        expected = args.events * args.endpoints
        worker_port = free_port()
        env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": tempfile.mkdtemp(prefix="relais-bench-webhooks-"),
            "RELAIS_WORKER_PORT": str(worker_port),
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_SECRETS_KEYS": key,
            "RELAIS_WEBHOOK_ALLOWED_HOSTS": "localhost",
            "RELAIS_WEBHOOK_CONCURRENCY": str(CONCURRENCY),
            "RELAIS_WEBHOOK_ENDPOINT_CONCURRENCY": str(PER_ENDPOINT),
            "RELAIS_WORKER_BATCH_SIZE": "200",
        }
        before = asyncio.run(committed(url, DATABASE))
        started = time.perf_counter()
        first_done = None
        with server([relais, "worker"], worker_port, env):
            ready = time.perf_counter() - started
            deadline = time.monotonic() + args.wait
            while time.monotonic() < deadline:
                done, _ = asyncio.run(succeeded(url))
                if done and first_done is None:
                    first_done = (time.perf_counter() - started, done)
                if done >= expected:
                    break
                time.sleep(0.1)
            took = time.perf_counter() - started
        time.sleep(11)  # idle backends flush their statistics within ~10 s
        transactions = asyncio.run(committed(url, DATABASE)) - before
        if done < expected:
            raise RuntimeError(f"Only {done} of {expected} deliveries succeeded within {args.wait} s.")
        rate = expected / took
        at, already = first_done or (0.0, 0)
        steady = (expected - already) / (took - at) if took > at else rate
        base = asyncio.run(baseline(receiver, expected, size))
        say(f"round: {rate:.0f} deliveries/s end to end, {steady:.0f} once sending (baseline {base:.0f}/s)")
        return {
            "rate": rate,
            "steady": steady,
            "baseline": base,
            "took": took,
            "ready": ready,
            "transactions": transactions / expected,
        }


def report(args: argparse.Namespace, rounds: list[dict[str, float]]) -> str:
    rate = statistics.median(r["rate"] for r in rounds)
    steady = statistics.median(r["steady"] for r in rounds)
    base = statistics.median(r["baseline"] for r in rounds)
    per_round = "; ".join(
        f"round {n}: {r['took']:.1f} s in all (the worker answered its health check after {r['ready']:.1f} s), "
        f"{r['rate']:.0f} deliveries/s end to end, {r['steady']:.0f} once sending (baseline {r['baseline']:.0f}/s), "
        f"{r['transactions']:.2f} transactions a delivery"
        for n, r in enumerate(rounds, 1)
    )
    load = os.getloadavg()
    transactions = statistics.median(r["transactions"] for r in rounds)
    deliveries = args.events * args.endpoints
    setup = (
        f"{args.events} `employee.updated` events in the outbox (a type only the webhooks' fan-out takes), "
        f"{args.endpoints} endpoints wanting `employee.*` (so {deliveries} deliveries), one receiver process on "
        f"127.0.0.1 answering 204; `relais worker` (one process) fans the events out and delivers them signed "
        f"(Standard Webhooks), {CONCURRENCY} requests in flight at most, {PER_ENDPOINT} per endpoint. Timed from "
        "the worker's start (process start-up included) to the last delivery succeeded in the database."
    )
    machine = (
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}; PostgreSQL on 127.0.0.1; the worker, the receiver, the baseline and "
        f"PostgreSQL share the machine; load average (1/5/15 min) {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"after. Date: {datetime.now(UTC).date()}."
    )
    return f"""## Webhooks

{setup}

| figure | value |
| --- | ---: |
| deliveries per second, end to end (median of {len(rounds)} rounds) | {rate:.0f} |
| deliveries per second from the first succeeded to the last | **{steady:.0f}** |
| baseline: plain httpx POSTs per second to the same receiver, same concurrency, no signing nor database | {base:.0f} |
| Relais (once sending) / baseline | **{steady / base:.2f}x** |
| transactions committed per delivery (pg_stat_database, fan-out included) | {transactions:.2f} |

{per_round}.

{machine}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--endpoints", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--wait", type=float, default=300)
    args = parser.parse_args()
    relais = os.path.join(os.path.dirname(sys.executable), "relais")
    key = Fernet.generate_key().decode("ascii")
    with running_receiver(free_port()) as receiver:
        rounds = [one_round(args, receiver, relais, key) for _ in range(args.rounds)]
    write_section("Webhooks", report(args, rounds))
    say("written to bench/RESULTS.md")


if __name__ == "__main__":
    main()
