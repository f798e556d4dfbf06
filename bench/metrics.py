"""The metrics benchmark: a year of ``GET /v1/metrics`` by month, read from the hourly rollups, against
the same figures aggregated over the raw rows (shares, their engagement, clicks) in one SQL statement.

A fresh database is seeded by server-side SQL (``bench/metrics_seed.py``) and filed into the rollups
by the worker's own adapter; ``relais serve`` runs as a real process and is read by an analyst. Both
reads must give the same numbers month by month; then they alternate, round by round, and the medians
go to ``bench/RESULTS.md`` under "Metrics", at 1M and then at 10M clicks.

    .venv/bin/python -m bench.metrics [--rounds 7] [--requests 5] [--clicks 1000000 10000000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import httpx

from app.adapters.postgres.migrations import upgrade
from app.settings import Settings
from bench.feed import RESULTS, fresh_database, reader_headers, write_section
from bench.feed_seed import BenchTenant
from bench.harness import free_port, server
from bench.measure import Probe, load_average, machine, statements_in_process
from bench.metrics_report import Size, metrics_report
from bench.metrics_seed import MetricsSeed

DATABASE = "relais_bench_metrics"
KPIS = ("posted_shares", "potential_reach", "impressions", "engagement", "clicks", "unique_visitors")
UNSPENDABLE = "1000000000/minute"

# $1 tenant, $2 the period's first instant, $3 the instant after its last: the figures by month as one
# would compute them without rollups. Impressions and engagement are each posted share's latest
# snapshot (the integration's before the ambassador's); clicks are counted and not the ambassador's own.
RAW = """
WITH posted AS (
    SELECT date_trunc('month', s.posted_at AT TIME ZONE 'UTC')::date AS month, count(*) AS posted_shares,
           sum(coalesce(s.potential_reach, 0)) AS potential_reach, sum(coalesce(e.impressions, 0)) AS impressions,
           sum(coalesce(e.reactions + e.comments + e.reshares, 0)) AS engagement
    FROM shares AS s
    LEFT JOIN LATERAL (
        SELECT x.impressions, x.reactions, x.comments, x.reshares FROM engagement_snapshots AS x
        WHERE x.tenant_id = s.tenant_id AND x.share_id = s.id
        ORDER BY x.source = 'integration' DESC, x.observed_at DESC, x.recorded_at DESC, x.id DESC
        LIMIT 1
    ) AS e ON true
    WHERE s.tenant_id = $1 AND s.status = 'posted' AND s.posted_at >= $2 AND s.posted_at < $3
    GROUP BY 1
), clicked AS (
    SELECT date_trunc('month', k.clicked_at AT TIME ZONE 'UTC')::date AS month, count(*) AS clicks,
           count(*) FILTER (WHERE k.is_unique) AS unique_visitors
    FROM clicks AS k
    WHERE k.tenant_id = $1 AND k.clicked_at >= $2 AND k.clicked_at < $3 AND k.kind = 'counted' AND NOT k.is_self
    GROUP BY 1
)
SELECT coalesce(p.month, c.month) AS month, coalesce(p.posted_shares, 0) AS posted_shares,
       coalesce(p.potential_reach, 0) AS potential_reach, coalesce(p.impressions, 0) AS impressions,
       coalesce(p.engagement, 0) AS engagement, coalesce(c.clicks, 0) AS clicks,
       coalesce(c.unique_visitors, 0) AS unique_visitors
FROM posted AS p FULL JOIN clicked AS c ON c.month = p.month
"""

Months = dict[str, dict[str, int]]


def year_to_date(today: date) -> tuple[date, date]:
    """From the first day of the month twelve months ago to today."""
    return date(today.year - 1, today.month, 1), today


def api_path(first: date, last: date) -> str:
    kpis = "".join(f"&kpi={name}" for name in KPIS)
    return f"/v1/metrics?from={first}&to={last}&tz=UTC&group_by=month{kpis}"


def same_months(raw: Months, api: Months) -> int:
    """Both reads give the same figures for every month (a month one leaves out has zeros); answers how many."""
    zeros = dict.fromkeys(KPIS, 0)
    different = {
        month: (raw.get(month, zeros), api.get(month, zeros))
        for month in sorted(set(raw) | set(api))
        if raw.get(month, zeros) != api.get(month, zeros)
    }
    if different or not raw:
        raise RuntimeError(f"The rollup read and the raw aggregate disagree (raw, API): {different or 'no rows'}")
    return len(raw)


async def measure(
    dsn: str, url: str, headers: dict[str, str], tenant_id: UUID, first: date, last: date, args: Any
) -> tuple[list[float], list[float], int]:
    """A warm-up of each read, the check that they agree, then ``rounds`` rounds alternating them: the raw
    statement once, the API ``requests`` times (its median in the round). Answers the times in ms."""
    start = datetime.combine(first, day_time(), tzinfo=UTC)
    end = datetime.combine(last + timedelta(days=1), day_time(), tzinfo=UTC)
    connection = await asyncpg.connect(dsn)
    raw_ms, api_ms = [], []
    try:
        async with httpx.AsyncClient(headers=headers, timeout=120) as client:

            async def raw() -> Months:
                rows = await connection.fetch(RAW, tenant_id, start, end)
                return {row["month"].isoformat(): {name: int(row[name]) for name in KPIS} for row in rows}

            async def api() -> Months:
                response = await client.get(url)
                response.raise_for_status()
                return {row["key"]: {name: row["values"][name] for name in KPIS} for row in response.json()["rows"]}

            months = same_months(await raw(), await api())
            for _ in range(2):
                await raw()
                await api()
            for _ in range(args.rounds):
                began = time.perf_counter()
                await raw()
                raw_ms.append((time.perf_counter() - began) * 1000)
                times = []
                for _ in range(args.requests):
                    began = time.perf_counter()
                    await api()
                    times.append((time.perf_counter() - began) * 1000)
                api_ms.append(statistics.median(times))
    finally:
        await connection.close()
    return raw_ms, api_ms, months


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--clicks", type=int, nargs="+", default=[1_000_000, 10_000_000])
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as dsn, tempfile.TemporaryDirectory() as data_dir:
        upgrade(dsn)
        seed = MetricsSeed(dsn)
        seeded = asyncio.run(seed.year())
        print(", ".join(f"{name} in {seconds:.0f} s" for name, seconds in seeded.items()), file=sys.stderr)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        settings = Settings(
            database_url=dsn,
            data_dir=Path(data_dir),
            public_base_url=base_url,
            rate_limit_caller=UNSPENDABLE,
            rate_limit_tenant=UNSPENDABLE,
        )
        analyst = BenchTenant(seed.tenant_id, "bench|analyst", "analyst@acme.example")
        headers = reader_headers(settings, analyst, Path(data_dir) / "jwks.json", roles=("analyst",))
        env = {
            "RELAIS_DATABASE_URL": dsn,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_RATE_LIMIT_CALLER": UNSPENDABLE,
            "RELAIS_RATE_LIMIT_TENANT": UNSPENDABLE,
        }
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        first, last = year_to_date(datetime.now(UTC).date())
        path = api_path(first, last)
        sizes = []
        for clicks in args.clicks:
            written, rolled = asyncio.run(seed.clicks(clicks))
            print(f"{clicks} clicks written in {written:.0f} s, rolled up in {rolled:.0f} s", file=sys.stderr)
            rows = asyncio.run(seed.row_counts())
            statements = asyncio.run(statements_in_process(settings, {"metrics": Probe(path)}, headers, requests=20))
            with server(relais, port, env) as base:
                load = load_average()
                raw_ms, api_ms, months = asyncio.run(
                    measure(dsn, base + path, headers, seed.tenant_id, first, last, args)
                )
            load = f"{load} before, {load_average()} after"
            size = Size(clicks, raw_ms, api_ms, rows, written, rolled, statements["metrics"], load)
            print(f"{clicks} clicks: raw {size.raw:.1f} ms, API {size.api:.1f} ms, {months} months", file=sys.stderr)
            sizes.append(size)
        write_section("Metrics", metrics_report(sizes, seeded, path, args, machine()))
    print(RESULTS.read_text())


if __name__ == "__main__":
    main()
