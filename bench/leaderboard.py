"""The leaderboard benchmark: ``GET /v1/leaderboards`` against a minimal Starlette + asyncpg baseline
reading the same page, at 1M and then at 10M ledger entries for 100k ambassadors.

A fresh database is migrated and seeded with COPY (``bench/leaderboard_seed.py``); ``relais serve``
and the baseline run as real processes; wrk drives them in interleaved rounds with the same token;
the figures go to ``bench/RESULTS.md`` under "Leaderboard". The page is the all-time board read by a
member in the middle of it, so the caller's own rank counts about half the board.

    .venv/bin/python -m bench.leaderboard [--rounds 3] [--seconds 10] [--connections 16] [--entries 1000000 10000000]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from app.adapters.postgres.migrations import upgrade
from app.settings import Settings
from bench.feed import fresh_database, reader_headers, write_section
from bench.harness import free_port, report, server
from bench.leaderboard_seed import AMBASSADORS, LeaderboardSeed
from bench.measure import Measured, interleave_with_cpu, load_average, machine, statements_per_request

DATABASE = "relais_bench_leaderboard"
TARGET = ">= 0.4x the baseline's throughput; page time at 1M and 10M entries within 1.2x"


def same_page(targets: dict[str, str], headers: dict[str, str]) -> int:
    pages = {name: httpx.get(url, headers=headers, timeout=30).json() for name, url in targets.items()}
    first = next(iter(pages.values()))
    for name, page in pages.items():
        if (page["items"], page["me"]) != (first["items"], first["me"]):
            raise RuntimeError(f"{name} serves another page: {str(page)[:400]}")
    if not first["items"] or first["me"] is None:
        raise RuntimeError("The board is empty or the reader has no standing; the seed is wrong.")
    return int(first["me"]["rank"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--entries", type=int, nargs="+", default=[1_000_000, 10_000_000])
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        seed = LeaderboardSeed(url)
        started = time.monotonic()
        tenant = asyncio.run(seed.roster())
        print(f"roster seeded in {time.monotonic() - started:.0f} s", file=sys.stderr)
        relais_port, baseline_port = free_port(), free_port()
        base_url = f"http://127.0.0.1:{relais_port}"
        settings = Settings(database_url=url, data_dir=Path(data_dir), public_base_url=base_url)
        jwks = Path(data_dir) / "jwks.json"
        headers = reader_headers(settings, tenant, jwks)  # type: ignore[arg-type]
        relais_env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(relais_port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_RATE_LIMIT_CALLER": "1000000000/minute",
            "RELAIS_RATE_LIMIT_TENANT": "1000000000/minute",
        }
        baseline_env = {"BASELINE_DSN": url, "BASELINE_JWKS": str(jwks), "BASELINE_ISSUER": base_url}
        uvicorn = [sys.executable, "-m", "uvicorn", "bench.baseline_leaderboard:app", "--log-level", "warning"]
        uvicorn += ["--no-access-log", "--port", str(baseline_port)]
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        path = f"/v1/leaderboards?period=all_time&limit={args.limit}"
        sections = []
        figures: dict[int, dict[str, Measured]] = {}
        for entries in args.entries:
            started = time.monotonic()
            asyncio.run(seed.grow(entries))
            seeded = time.monotonic() - started
            print(f"{entries} entries and their rollups in {seeded:.0f} s", file=sys.stderr)
            with (
                server(uvicorn, baseline_port, baseline_env) as baseline,
                server(relais, relais_port, relais_env) as candidate,
            ):
                targets = {
                    "baseline (Starlette + asyncpg)": (baseline + path, baseline_port),
                    "relais": (candidate + path, relais_port),
                }
                urls = {name: target for name, (target, _) in targets.items()}
                rank = same_page(urls, headers)
                statements = {
                    name: statements_per_request(url, DATABASE, target, headers, requests=100)
                    for name, target in urls.items()
                }
                load = load_average()
                measured = interleave_with_cpu(
                    targets, rounds=args.rounds, seconds=args.seconds, connections=args.connections, headers=headers
                )
            figures[entries] = measured
            sections.append(
                entries_report(entries, measured, statements, rank, seeded, f"{load} before, {load_average()} after")
            )
        write_section("Leaderboard", summary(figures, args) + "\n" + "\n".join(sections))
    print(RESULTS_PATH.read_text())


RESULTS_PATH = Path(__file__).with_name("RESULTS.md")


def entries_report(
    entries: int, measured: dict[str, Measured], statements: dict[str, float], rank: int, seeded: float, load: str
) -> str:
    baseline, relais = measured.values()
    counts = ", ".join(f"{name}: {value:.2f}" for name, value in statements.items())
    text = report(
        f"At {entries:,} entries".replace(",", " "),
        baseline.series,
        relais.series,
        f"SQL statements per request (from pg_stat_database): {counts}.",
        ">= 0.4x",
    ).replace("## At", "### At")
    cpu = ", ".join(f"{m.series.name} {m.cpu_ms_per_request:.2f}" for m in measured.values())
    return (
        f"{text}The reader ranks {rank}; seeded (entries by COPY, rollups rebuilt) in {seeded:.0f} s. "
        f"Server CPU per request (ms): {cpu}. Load average (1/5/15 min): {load}.\n"
    )


def summary(figures: dict[int, dict[str, Measured]], args: Any) -> str:
    small, large = min(figures), max(figures)
    ratios = {
        entries: m["relais"].series.throughput / m["baseline (Starlette + asyncpg)"].series.throughput
        for entries, m in figures.items()
    }
    growth = figures[large]["relais"].series.p50 / figures[small]["relais"].series.p50
    met = all(r >= 0.4 for r in ratios.values()) and growth <= 1.2
    return "\n".join(
        [
            "## Leaderboard",
            "",
            f"Target: {TARGET}. Throughput ratio: "
            + ", ".join(f"**{ratios[e]:.2f}x** at {e:,} entries".replace(",", " ") for e in sorted(ratios))
            + f"; Relais's median page time at {large:,} entries is **{growth:.2f}x** its time at {small:,}. ".replace(
                ",", " "
            )
            + f"Target {'met' if met else 'missed'}.",
            "",
            f"`GET /v1/leaderboards?period=all_time&limit={args.limit}` read by one member (the caller's own "
            f"rank is counted in the same statement) with the same bearer token; wrk, 1 thread, "
            f"{args.connections} connections, {args.seconds} s per run after a 1 s warm-up, {args.rounds} "
            f"interleaved rounds. Tenant: {AMBASSADORS} ambassadors (80% shown on boards), entries spread over "
            "a year; the board reads only `leaderboard_rollups` (one row per ambassador and period), never the "
            "ledger. The baseline is `bench/baseline_leaderboard.py` under uvicorn: the same statement on an "
            "asyncpg pool, the token verified with joserfc. Servers, wrk and PostgreSQL share the machine; "
            "another bench may have run beside it, so compare ratios, not absolute figures.",
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1. Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
