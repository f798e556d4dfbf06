"""The redirect benchmark: ``GET /r/{code}`` against a minimal Starlette + asyncpg baseline.

A fresh database (on RELAIS_BENCH_SERVER_URL, by default the local PostgreSQL, else an embedded
one) is migrated and seeded with one tenant and a few shares; ``relais serve`` and
``bench/baseline_redirect.py`` run as real processes; wrk drives them over loopback in
interleaved rounds on the same link, and the figures go to ``bench/RESULTS.md`` under "Redirect".

    .venv/bin/python -m bench.redirect [--rounds 3] [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx

from app.adapters.postgres.database import create_engine, plain_dsn
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.migrations import upgrade
from app.bootstrap import core_ports, hot_path_ports
from bench.feed import write_section
from bench.harness import Series, free_port, report, server
from bench.measure import interleave_with_cpu, machine
from bench.redirect_seed import AMBASSADORS, CONTENTS, RedirectSeed, SeededShares

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE = "relais_bench_redirect"
THROUGHPUT_TARGET, P99_TARGET = 0.9, 1.3
TARGET = f">= {THROUGHPUT_TARGET}x the baseline's throughput, p99 <= {P99_TARGET}x the baseline's"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
UNSPENDABLE = "1000000000/minute"


@contextmanager
def fresh_database(name: str = DATABASE) -> Iterator[str]:
    """A new, empty database on the configured server (the local one by default), else embedded."""
    server_url = os.environ.get("RELAIS_BENCH_SERVER_URL", DEFAULT_SERVER)
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    with ExitStack() as stack:
        try:
            asyncio.run(_execute(server_url, drop))
        except (OSError, asyncpg.PostgresError):
            embedded = EmbeddedPostgres(Path(stack.enter_context(tempfile.TemporaryDirectory())))
            server_url = embedded.start()
            stack.callback(embedded.stop)
        asyncio.run(_execute(server_url, f'CREATE DATABASE "{name}"'))
        stack.callback(lambda: asyncio.run(_execute(server_url, drop)))
        yield plain_dsn(server_url).rsplit("/", 1)[0] + f"/{name}"


async def _execute(url: str, statement: str) -> None:
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def seed(url: str) -> SeededShares:
    engine = create_engine(url)
    try:
        uow, _, ids = core_ports(engine)
        async with hot_path_ports(engine) as hot:
            return await RedirectSeed(uow, ids, hot.feed)(plain_dsn(url))
    finally:
        await engine.dispose()


async def _committed(url: str) -> tuple[int, int]:
    """(transactions committed in the benchmark database, click rows)."""
    connection = await asyncpg.connect(url)
    try:
        commits = await connection.fetchval("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", DATABASE)
        return int(commits), int(await connection.fetchval("SELECT count(*) FROM clicks"))
    finally:
        await connection.close()


# Storage parameters belong to each partition of the clicks, not to the partitioned table.
ON_EACH_CLICKS_PARTITION = """
DO $$
DECLARE partition regclass;
BEGIN
    FOR partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'clicks'::regclass LOOP
        EXECUTE format('ALTER TABLE %s {}', partition);
    END LOOP;
END
$$
"""


@contextmanager
def autovacuum_paused(url: str) -> Iterator[None]:
    """Vacuum and analyse everything, then keep autovacuum off the clicks' partitions while statements
    are counted: its transactions would move the commit counter too."""
    asyncio.run(_execute(url, "VACUUM ANALYZE"))
    asyncio.run(_execute(url, ON_EACH_CLICKS_PARTITION.format("SET (autovacuum_enabled = off)")))
    try:
        yield
    finally:
        asyncio.run(_execute(url, ON_EACH_CLICKS_PARTITION.format("RESET (autovacuum_enabled)")))


def statements_per_request(url: str, target: str, requests: int = 300) -> float:
    """Sequential requests, counted from the server's statistics (flushed by idle backends within ~10 s).
    Each redirect statement commits on its own, so commits are statements; every one wrote a click."""
    time.sleep(11)
    before, clicks_before = asyncio.run(_committed(url))
    with httpx.Client(headers={"User-Agent": BROWSER}, timeout=10) as client:
        for _ in range(requests):
            if client.get(target).status_code != 302:
                raise RuntimeError(f"{target} did not redirect")
    time.sleep(11)
    after, clicks_after = asyncio.run(_committed(url))
    if clicks_after - clicks_before != requests:
        raise RuntimeError(f"{target} recorded {clicks_after - clicks_before} clicks for {requests} requests")
    # The count of clicks read just after the first counter commits a transaction inside the window.
    return (after - before - 1) / requests


def same_destination(targets: dict[str, str]) -> str:
    """Every server sends the visitor to the same address, each with its own click reference."""
    locations = {}
    for name, url in targets.items():
        response = httpx.get(url, headers={"User-Agent": BROWSER}, timeout=10)
        if response.status_code != 302:
            raise RuntimeError(f"{name} answered {response.status_code}: {response.text[:300]}")
        parts = urlsplit(response.headers["location"])
        locations[name] = (parts.netloc, parts.path, parts.query.rsplit("&", 1)[0], parts.fragment)
    if len(set(locations.values())) != 1:
        raise RuntimeError(f"The servers disagree on the destination: {locations}")
    return httpx.get(next(iter(targets.values())), headers={"User-Agent": BROWSER}).headers["location"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with fresh_database() as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        shares = asyncio.run(seed(url))
        relais_port, baseline_port = free_port(), free_port()
        base_url = f"http://127.0.0.1:{relais_port}"
        relais_env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(relais_port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            # Counted as every visit is, against a budget wrk's one address never spends.
            "RELAIS_RATE_LIMIT_TRACKED_LINKS": UNSPENDABLE,
        }
        uvicorn = [sys.executable, "-m", "uvicorn", "bench.baseline_redirect:app", "--log-level", "warning"]
        uvicorn += ["--no-access-log", "--port", str(baseline_port)]
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        path = f"/r/{shares.codes[0]}"
        with (
            server(uvicorn, baseline_port, {"BASELINE_DSN": url}) as baseline,
            server(relais, relais_port, relais_env) as candidate,
        ):
            targets = {"baseline (Starlette + asyncpg)": baseline + path, "relais": candidate + path}
            location = same_destination(targets)
            with autovacuum_paused(url):
                statements = {name: statements_per_request(url, target) for name, target in targets.items()}
            ports = {"baseline (Starlette + asyncpg)": baseline_port, "relais": relais_port}
            measured = interleave_with_cpu(
                {name: (target, ports[name]) for name, target in targets.items()},
                rounds=args.rounds,
                seconds=args.seconds,
                connections=args.connections,
                headers={"User-Agent": BROWSER},
            )
        loads = (load_before, os.getloadavg())
        series = {name: each.series for name, each in measured.items()}
        cpu = {name: each.cpu_ms_per_request for name, each in measured.items()}
        write_section("Redirect", redirect_report(series, statements, location, len(shares.codes), loads, args, cpu))
    print(Path(__file__).with_name("RESULTS.md").read_text())


def load(averages: tuple[float, ...]) -> str:
    return " / ".join(f"{value:.1f}" for value in averages)


def redirect_report(
    series: dict[str, Series],
    statements: dict[str, float],
    location: str,
    share_count: int,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
    args: Any,
    cpu: dict[str, float],
) -> str:
    baseline, relais = series.values()
    counts = ", ".join(f"{name}: {value:.2f}" for name, value in statements.items())
    text = report(
        "Redirect", baseline, relais, f"SQL statements per redirect (from pg_stat_database): {counts}.", TARGET
    )
    throughput, p99 = relais.throughput / baseline.throughput, relais.p99 / baseline.p99
    verdict = "met" if throughput >= THROUGHPUT_TARGET and p99 <= P99_TARGET else "missed"
    rounds = "; ".join(
        f"round {number}: {b.requests_per_second:.0f} vs {r.requests_per_second:.0f} requests/s, "
        f"p99 {b.p99_ms:.2f} vs {r.p99_ms:.2f} ms"
        for number, (b, r) in enumerate(zip(baseline.runs, relais.runs, strict=True), start=1)
    )
    return "\n".join(
        [
            text,
            f"Target {verdict}. Baseline vs Relais per round: {rounds}.",
            "",
            "Server CPU time per redirect (ms, over every round), steadier than throughput on a shared machine: "
            + ", ".join(f"{name} {value:.3f}" for name, value in cpu.items())
            + f"; by CPU, Relais serves **{cpu[baseline.name] / cpu[relais.name]:.2f}x** the baseline's requests.",
            "",
            f"`GET /r/{{code}}` on one share, a browser user agent from one address, every request a recorded click "
            "(all but the day's first five capped, being from one network; the redirect "
            f"answers `{location.split('?')[0]}?...&rl_click=<click id>#story`); wrk, 1 thread, "
            f"{args.connections} connections, {args.seconds} s per run after a 1 s warm-up. Tenant: {AMBASSADORS} "
            f"ambassadors, {CONTENTS} published contents, {share_count} shares. Relais is `relais serve` (one uvicorn "
            "process, RELAIS_LOG_LEVEL=warning): trusted-proxy rule, request id, metrics, the visitor's address "
            "counted against a budget too large to spend (in memory), bot detection, daily salted visitor and "
            "network digests, one SQL statement (look the code up, judge the click against its network's "
            "uniqueness and daily cap and the ambassador's own digests, insert it, in autocommit). The baseline is "
            "`bench/baseline_redirect.py` under uvicorn: the same statement on an asyncpg pool of the same size, a "
            "fixed salt, a 302. Servers, wrk and PostgreSQL share "
            "the machine, with whatever else runs on it: compare the rounds, not runs.",
            "",
            "Statements are counted from the server's commit counter over 300 sequential redirects per server, "
            "autovacuum paused on the clicks table meanwhile; the integration tests assert exactly one statement "
            "per redirect (Relais reads the day's visitor salts once per process per day, before this count).",
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1; load average (1/5/15 min) {load(loads[0])} before, "
            f"{load(loads[1])} after. Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
