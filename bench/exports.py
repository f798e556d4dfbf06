"""The exports benchmark: a million ledger entries streamed as CSV by ``relais serve``, its memory
sampled meanwhile, to show the export costs the server one chunk of memory however long it is.

A fresh database is migrated and seeded with COPY (1,000 ambassadors, then the entries); ``relais
serve`` runs as a real process; httpx streams ``GET /v1/exports/points.csv`` while a thread reads the
server's resident memory (VmRSS in /proc) every 100 ms. The figures go to ``bench/RESULTS.md`` under
"Exports".

    .venv/bin/python -m bench.exports [--entries 1000000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import asyncpg
import httpx

from app.adapters.postgres.database import create_pool, plain_dsn
from app.adapters.postgres.migrations import upgrade
from app.adapters.postgres.storage.partitions import PostgresPartitions
from app.bootstrap import dev_issuer
from app.domain.storage.months import Month
from app.settings import Settings
from bench.feed import fresh_database, write_section
from bench.harness import free_port, server
from bench.leaderboard_seed import _uuid7
from bench.measure import listening_pid, load_average, machine

DATABASE = "relais_bench_exports"
AMBASSADORS = 1000
CHUNK = 250_000
DAYS = 30
TARGET = "peak resident memory during the export at most 50 MB above the server's before it"
SAMPLE_SECONDS = 0.1


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"No VmRSS for process {pid}.")


@dataclass(slots=True)
class Sampler:
    """Reads a process's resident memory every ``SAMPLE_SECONDS`` in a thread, until stopped."""

    pid: int
    samples: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Sampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(rss_bytes(self.pid))
            self._stop.wait(SAMPLE_SECONDS)


async def seed(url: str, entries: int) -> tuple[UUID, str]:
    """A tenant, its ambassadors and ``entries`` ledger entries over the last ``DAYS`` days, by COPY."""
    draw = random.Random(20261206).random
    now = datetime.now(UTC)
    # The ledger is partitioned by the month of its ids: the span's months get theirs first.
    months = await create_pool(plain_dsn(url), size=1)
    try:
        await PostgresPartitions(months).create([Month.of(now).plus(-back) for back in range(DAYS // 28 + 2)])
    finally:
        await months.close()
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        tenant_id = _uuid7(int(now.timestamp() * 1000), 1)
        await connection.execute(
            "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'bench', 'Acme', $2)", tenant_id, now
        )
        millis = int((now - timedelta(days=400)).timestamp() * 1000)
        preferences = json.dumps({"languages": [], "topics": [], "max_shares_per_week": None})
        employees, members, ambassadors = [], [], []
        for number in range(AMBASSADORS):
            employee_id, ambassador_id = _uuid7(millis, 2 * number + 10), _uuid7(millis, 2 * number + 11)
            employees.append(
                (
                    tenant_id,
                    employee_id,
                    f"e{number}@acme.example",
                    f"Given{number}",
                    f"Family{number}",
                    "active",
                    1,
                    now,
                    now,
                )
            )
            members.append((tenant_id, ambassador_id, employee_id, "active", now, preferences, 1, now, now))
            ambassadors.append(ambassador_id)
        await connection.copy_records_to_table(
            "employees",
            records=employees,
            columns=[
                "tenant_id",
                "id",
                "email",
                "given_name",
                "family_name",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        await connection.copy_records_to_table(
            "ambassadors",
            records=members,
            columns=[
                "tenant_id",
                "id",
                "employee_id",
                "status",
                "consented_at",
                "preferences",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        start, span, written = int((now - timedelta(days=DAYS)).timestamp() * 1000), DAYS * 86_400_000, 0
        while written < entries:
            rows = []
            for n in range(min(CHUNK, entries - written)):
                at_millis = start + int(draw() * span)
                at = datetime.fromtimestamp(at_millis / 1000, UTC)
                points = 1 + int(draw() * 50) if draw() < 0.9 else -int(draw() * 20) - 1
                reason = 'Share posted, "with a quote".' if points > 0 else "-Reversed: =click fraud"
                rows.append(
                    (
                        tenant_id,
                        _uuid7(at_millis, written + n),
                        ambassadors[int(draw() * AMBASSADORS)],
                        points,
                        "award" if points > 0 else "adjustment",
                        "credited",
                        "share_posted" if points > 0 else "adjustment",
                        1,
                        reason,
                        at,
                        at,
                    )
                )
            await connection.copy_records_to_table(
                "points_entries",
                records=rows,
                columns=[
                    "tenant_id",
                    "id",
                    "ambassador_id",
                    "points",
                    "kind",
                    "status",
                    "rule",
                    "multiplier",
                    "reason",
                    "occurred_at",
                    "recorded_at",
                ],
            )
            written += len(rows)
        await connection.execute("VACUUM ANALYZE")
        return tenant_id, (now - timedelta(days=DAYS + 1)).date().isoformat()
    finally:
        await connection.close()


@dataclass(frozen=True, slots=True)
class Streamed:
    rows: int
    bytes: int
    seconds: float
    before: int
    peak: int
    after: int


def stream(url: str, headers: dict[str, str], pid: int) -> Streamed:
    """One export read to its end as a client would, the server's memory sampled meanwhile."""
    time.sleep(1)
    before = rss_bytes(pid)
    lines = size = 0
    with Sampler(pid) as sampler, httpx.stream("GET", url, headers=headers, timeout=600) as answer:
        started = time.monotonic()
        answer.raise_for_status()
        for chunk in answer.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")  # a CRLF may be cut between two chunks; its LF is counted once
        seconds = time.monotonic() - started
    time.sleep(1)
    # A quoted cell may hold a line break; the seed's do not, so lines are rows (less the header).
    return Streamed(lines - 1, size, seconds, before, max(sampler.samples), rss_bytes(pid))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        started = time.monotonic()
        tenant_id, first_day = asyncio.run(seed(url, args.entries))
        seeded = time.monotonic() - started
        print(f"{args.entries} entries seeded in {seeded:.0f} s", file=sys.stderr)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        settings = Settings(database_url=url, data_dir=Path(data_dir), public_base_url=base_url)
        token = dev_issuer(settings).mint(
            tenant_id=tenant_id,
            subject="bench|analyst",
            roles=["analyst"],
            ttl=timedelta(hours=2),
            now=datetime.now(UTC),
        )
        headers = {"Authorization": f"Bearer {token}"}
        env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
        }
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        load = load_average()
        with server(relais, port, env) as base:
            pid = listening_pid(port)
            # Warm-up: a small export loads what every export uses, so that it is not counted as growth.
            stream(f"{base}/v1/exports/points.csv?from=2000-01-01&to=2000-01-02", headers, pid)
            idle = rss_bytes(pid)
            target = f"{base}/v1/exports/points.csv?from={first_day}&tz=UTC"
            runs = [stream(target, headers, pid) for _ in range(args.rounds)]
        write_section("Exports", results(args.entries, idle, runs, seeded, f"{load} before, {load_average()} after"))
    print(RESULTS_PATH.read_text())


RESULTS_PATH = Path(__file__).with_name("RESULTS.md")
MB = 1024 * 1024


def results(entries: int, idle: int, runs: list[Streamed], seeded: float, load: str) -> str:
    growth = max(run.peak - run.before for run in runs)
    met = growth <= 50 * MB and all(run.rows == entries for run in runs)
    rows = [
        f"| {number} | {run.rows:,} | {run.bytes / MB:,.1f} | {run.seconds:.1f} | {run.rows / run.seconds:,.0f} | "
        f"{run.bytes / MB / run.seconds:.1f} | {run.before / MB:.1f} | {run.peak / MB:.1f} | "
        f"{(run.peak - run.before) / MB:+.1f} | {run.after / MB:.1f} |"
        for number, run in enumerate(runs, start=1)
    ]
    return "\n".join(
        [
            "## Exports",
            "",
            f"Target: {TARGET}. Largest growth: **{growth / MB:+.1f} MB** over {entries:,} rows. "
            f"Target {'met' if met else 'missed'}.".replace(",", " "),
            "",
            "| run | rows | MB sent | seconds | rows/s | MB/s | RSS before (MB) | RSS peak (MB) | peak - before "
            "| RSS after (MB) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *(row.replace(",", " ") for row in rows),
            "",
            f"`GET /v1/exports/points.csv` (the whole ledger of the last {DAYS} days, read by an analyst) streamed "
            "by httpx to its end, the server's VmRSS read from /proc every 100 ms meanwhile. `relais serve` "
            f"is one uvicorn process; its resident memory after a warm-up export of no rows: {idle / MB:.1f} MB. "
            "The rows come from one server-side cursor (2,000 rows a fetch) in a read-only, repeatable-read "
            "transaction, are written by the csv module into a buffer sent every 64 KiB, and never held "
            f"together. Tenant: {AMBASSADORS:,} ambassadors; entries seeded by COPY in {seeded:.0f} s, one in ten "
            "a negative adjustment whose reason starts with `-` (neutralised: `'-Reversed: =click fraud`), the "
            "others with a comma and quotes in theirs (quoted). Server, client and PostgreSQL share the machine. "
            f"Load average (1/5/15 min): {load}.".replace("1,000", "1 000").replace("2,000", "2 000"),
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1. Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
