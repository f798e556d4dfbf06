"""The feed benchmark: ``GET /v1/me/feed`` against a minimal Starlette + asyncpg baseline.

A fresh database (on RELAIS_BENCH_SERVER_URL, by default the local PostgreSQL, else an embedded
one) is migrated and seeded with a realistic tenant; ``relais serve`` and the baseline run as
real processes on their own ports; wrk drives them in interleaved rounds with the same token
and page size, and the figures go to ``bench/RESULTS.md`` under "Feed".

    .venv/bin/python -m bench.feed [--rounds 3] [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from app.adapters.postgres.database import create_engine, plain_dsn
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.migrations import upgrade
from app.bootstrap import core_ports, dev_issuer, hot_path_ports
from app.settings import Settings
from bench.feed_seed import AMBASSADORS, CAMPAIGNS, CONTENTS, EMPLOYEES, BenchTenant, FeedSeed
from bench.harness import free_port, report, server
from bench.measure import Measured, interleave_with_cpu, load_average, machine, statements_per_request

RESULTS = Path(__file__).with_name("RESULTS.md")
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE = "relais_bench_feed"
TARGET = ">= 0.35x the baseline's throughput"


@contextmanager
def fresh_database(database: str = DATABASE) -> Iterator[str]:
    """A new, empty database on the configured server (the local one by default), else embedded."""
    server_url = os.environ.get("RELAIS_BENCH_SERVER_URL", DEFAULT_SERVER)
    drop = f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'
    with ExitStack() as stack:
        try:
            asyncio.run(_execute(server_url, drop))
        except (OSError, asyncpg.PostgresError):
            embedded = EmbeddedPostgres(Path(stack.enter_context(tempfile.TemporaryDirectory())))
            server_url = embedded.start()
            stack.callback(embedded.stop)
        asyncio.run(_execute(server_url, f'CREATE DATABASE "{database}"'))
        stack.callback(lambda: asyncio.run(_execute(server_url, drop)))
        yield plain_dsn(server_url).rsplit("/", 1)[0] + f"/{database}"


async def _execute(url: str, statement: str) -> None:
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def seed(url: str) -> BenchTenant:
    engine = create_engine(url)
    try:
        uow, _, ids = core_ports(engine)
        async with hot_path_ports(engine) as hot:
            tenant = await FeedSeed(uow, ids, hot.feed)()
    finally:
        await engine.dispose()
    # Fresh statistics, as a live database has, and no autovacuum counted among the statements.
    await _execute(url, "VACUUM ANALYZE")
    return tenant


def same_page(targets: dict[str, str], headers: dict[str, str]) -> int:
    """Every server serves the same items; returns how many."""
    pages = {name: httpx.get(url, headers=headers, timeout=10).json()["items"] for name, url in targets.items()}
    first = next(iter(pages.values()))
    for name, items in pages.items():
        if items != first:
            raise RuntimeError(f"{name} serves another page than {next(iter(pages))}: {json.dumps(items)[:500]}")
    if not first:
        raise RuntimeError("The reader's feed is empty; the seed is wrong.")
    return len(first)


def write_section(title: str, text: str) -> None:
    """Replace the section titled ``title`` in RESULTS.md, or append it."""
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    heading = f"## {title}\n"
    if heading in current:
        start = current.index(heading)
        following = current.find("\n## ", start + len(heading))
        current = current[:start] + current[following + 1 :] if following != -1 else current[:start]
    RESULTS.write_text(current.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n")


def reader_headers(
    settings: Settings, tenant: BenchTenant, jwks: Path, roles: Sequence[str] = ("ambassador",)
) -> dict[str, str]:
    """The reader's bearer token (the feed's, an ambassador, unless ``roles`` say otherwise), from the
    issuer whose keys are written to ``jwks`` for the baselines."""
    issuer = dev_issuer(settings)
    token = issuer.mint(
        tenant_id=tenant.tenant_id,
        subject=tenant.reader_subject,
        roles=list(roles),
        email=tenant.reader_email,
        ttl=timedelta(hours=2),
        now=datetime.now(UTC),
    )
    jwks.write_text(json.dumps(issuer.public_jwks()))
    return {"Authorization": f"Bearer {token}"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    with fresh_database() as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        started = time.monotonic()
        tenant = asyncio.run(seed(url))
        print(f"seeded in {time.monotonic() - started:.0f} s", file=sys.stderr)
        relais_port, baseline_port, unverified_port = free_port(), free_port(), free_port()
        base_url = f"http://127.0.0.1:{relais_port}"
        settings = Settings(database_url=url, data_dir=Path(data_dir), public_base_url=base_url)
        jwks = Path(data_dir) / "jwks.json"
        headers = reader_headers(settings, tenant, jwks)
        relais_env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(relais_port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            # The reader is counted as every caller is, against budgets wrk never spends.
            "RELAIS_RATE_LIMIT_CALLER": "1000000000/minute",
            "RELAIS_RATE_LIMIT_TENANT": "1000000000/minute",
        }
        baseline_env = {"BASELINE_DSN": url, "BASELINE_JWKS": str(jwks), "BASELINE_ISSUER": base_url}
        uvicorn = [sys.executable, "-m", "uvicorn", "bench.baseline_feed:app", "--log-level", "warning"]
        uvicorn += ["--no-access-log"]
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        path = f"/v1/me/feed?limit={args.limit}"
        with (
            server([*uvicorn, "--port", str(baseline_port)], baseline_port, baseline_env) as baseline,
            server(
                [*uvicorn, "--port", str(unverified_port)], unverified_port, baseline_env | {"BASELINE_VERIFY": "0"}
            ) as unverified,
            server(relais, relais_port, relais_env) as candidate,
        ):
            targets = {
                "baseline (Starlette + asyncpg)": (baseline + path, baseline_port),
                "baseline, token not verified": (unverified + path, unverified_port),
                "relais": (candidate + path, relais_port),
            }
            urls = {name: target for name, (target, _) in targets.items()}
            items = same_page(urls, headers)
            statements = {name: statements_per_request(url, DATABASE, target, headers) for name, target in urls.items()}
            load = load_average()
            measured = interleave_with_cpu(
                targets, rounds=args.rounds, seconds=args.seconds, connections=args.connections, headers=headers
            )
        write_section("Feed", feed_report(measured, statements, items, args, f"{load} before, {load_average()} after"))
    print(RESULTS.read_text())


def feed_report(measured: dict[str, Measured], statements: dict[str, float], items: int, args: Any, load: str) -> str:
    baseline, unverified, relais = measured.values()
    counts = ", ".join(f"{name}: {value:.2f}" for name, value in statements.items())
    text = report(
        "Feed",
        baseline.series,
        relais.series,
        f"SQL statements per request (from pg_stat_database): {counts}.",
        TARGET,
    )
    ratio = relais.series.throughput / baseline.series.throughput
    rounds = ", ".join(
        f"{mine.requests_per_second / theirs.requests_per_second:.2f}"
        for mine, theirs in zip(relais.series.runs, baseline.series.runs, strict=True)
    )
    cpu = ", ".join(f"{m.series.name} {m.cpu_ms_per_request:.2f}" for m in measured.values())
    return "\n".join(
        [
            text,
            f"Ratio in each round (runs next to each other in time): {rounds}. Server CPU time per request "
            f"(ms, over every round): {cpu}; by CPU, Relais serves "
            f"**{baseline.cpu_ms_per_request / relais.cpu_ms_per_request:.2f}x** the baseline's requests, "
            f"{unverified.cpu_ms_per_request / relais.cpu_ms_per_request:.2f}x the unverified baseline's.",
            "",
            f"Target {'met' if ratio >= 0.35 else 'missed'}. Against a baseline that does not verify the token: "
            f"**{relais.series.throughput / unverified.series.throughput:.2f}x** "
            f"({unverified.series.throughput:.0f} requests/s, p50 {unverified.series.p50:.2f} ms, "
            f"p99 {unverified.series.p99:.2f} ms).",
            "",
            f"`GET /v1/me/feed?limit={args.limit}` for one ambassador ({items} items, first page) with the same bearer "
            f"token; wrk, 1 thread, {args.connections} connections, {args.seconds} s per run after a 1 s warm-up. "
            f"Tenant: {EMPLOYEES} employees ({AMBASSADORS} ambassadors), {CONTENTS} approved contents in two locales "
            f"with captions for three networks (and drafts, scheduled and expired ones), {CAMPAIGNS} campaigns. "
            "Relais is `relais serve` (one uvicorn process, RELAIS_LOG_LEVEL=warning); the baseline is "
            "`bench/baseline_feed.py` under uvicorn, running the same two SQL statements on an asyncpg pool and "
            "verifying the token with joserfc. Servers, wrk and PostgreSQL share the machine.",
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1; load average (1/5/15 min) {load}. "
            f"Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
