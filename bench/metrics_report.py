"""The "Metrics" section of ``bench/RESULTS.md``: the rollup read against the raw aggregate, per size."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bench.metrics_seed import AMBASSADORS, CONCURRENCY, CONTENTS, NETWORKS, ROLLUP_BATCH, SHARES

SPEED_TARGET, GROWTH_TARGET = 20.0, 1.3
TARGET = (
    f"the rollup read at least {SPEED_TARGET:.0f}x faster than the raw aggregate; its time at 1M and at 10M clicks "
    f"within {GROWTH_TARGET}x of each other"
)


@dataclass(frozen=True, slots=True)
class Size:
    """One size of the clicks table, measured: times in ms, one a round."""

    clicks: int
    raw_ms: list[float]
    api_ms: list[float]
    rows: dict[str, int]
    written: float
    rolled: float
    statements: float
    load: str

    @property
    def raw(self) -> float:
        return statistics.median(self.raw_ms)

    @property
    def api(self) -> float:
        return statistics.median(self.api_ms)

    @property
    def ratio(self) -> float:
        return self.raw / self.api


def spaced(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def metrics_report(sizes: list[Size], seeded: dict[str, float], path: str, args: Any, machine: str) -> str:
    small, large = sizes[0], sizes[-1]
    growth = large.api / small.api
    met = all(size.ratio >= SPEED_TARGET for size in sizes) and growth <= GROWTH_TARGET
    ratios = ", ".join(f"**{size.ratio:.0f}x** at {spaced(size.clicks)} clicks" for size in sizes)
    table = [
        "| clicks | raw aggregate ms | `GET /v1/metrics` ms | ratio | `metric_share_hours` rows | `metric_hours` rows "
        "| `metric_days` rows | clicks written (s) | clicks rolled up (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {spaced(s.clicks)} | {s.raw:.1f} | {s.api:.1f} | {s.ratio:.0f}x "
            f"| {spaced(s.rows['metric_share_hours'])} | {spaced(s.rows['metric_hours'])} "
            f"| {spaced(s.rows['metric_days'])} "
            f"| {s.written:.0f} | {s.rolled:.0f} |"
            for s in sizes
        ),
    ]
    rounds = "; ".join(
        f"at {spaced(s.clicks)}: raw "
        + ", ".join(f"{ms:.0f}" for ms in s.raw_ms)
        + "; API "
        + ", ".join(f"{ms:.1f}" for ms in s.api_ms)
        for s in sizes
    )
    seed = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in seeded.items())
    statements = ", ".join(f"{s.statements:.2f} at {spaced(s.clicks)} clicks" for s in sizes)
    loads = "; ".join(f"at {spaced(s.clicks)}: {s.load}" for s in sizes)
    return "\n".join(
        [
            "## Metrics",
            "",
            f"Target: {TARGET}. The rollup read is faster by {ratios}; its median at {spaced(large.clicks)} clicks is "
            f"**{growth:.2f}x** its median at {spaced(small.clicks)}. Target {'met' if met else 'missed'}.",
            "",
            *table,
            "",
            f"`GET {path}` (13 monthly rows and the totals) read by an analyst from `relais serve` (one uvicorn "
            "process, RELAIS_LOG_LEVEL=warning), timed by the client (httpx, one connection kept alive), against "
            "one SQL statement on asyncpg over the raw rows: the shares posted by month with their latest "
            "engagement snapshot, the counted clicks (not the ambassador's own) by month. Both answered the same "
            "figures for every month before being timed. After a warm-up of two reads each, "
            f"{args.rounds} rounds alternate them: the raw statement once, the API {args.requests} times (the "
            "round's median); the table gives the medians of the rounds. Per round (ms): " + rounds + ".",
            "",
            f"Statements per API read (counted in process, the ORM's and the raw pool's): {statements}: the "
            "programme's settings, then the figures in total and by month, each from `metric_days` for the "
            "whole UTC days and `metric_hours` for the hours at the buckets' edges.",
            "",
            f"Tenant: {spaced(AMBASSADORS)} ambassadors, {CONTENTS} contents, {spaced(SHARES)} shares posted over "
            f"the last 365 days on {len(NETWORKS)} networks, each with a potential reach and one self-reported "
            "engagement snapshot; clicks within three days of their share's posting, 86% counted (2% of "
            "those the ambassador's own, 60% of the rest unique), 7% bots, 5% capped, 2% prefetches, their ids "
            f"UUIDv7 of their instants. Seeded by INSERT ... SELECT over generate_series: {seed}; the shares were "
            "filed by the worker's adapter (`PostgresMetricRollups.add_posted_share`, then `refresh_engagement`, "
            f"share by share on a pool of {CONCURRENCY}). Clicks are rolled up by `add_clicks` in batches of "
            f"{spaced(ROLLUP_BATCH)} until none is left. The clicks added for the larger size are dated in the "
            "past, before the rollups' position, so the click figures are set back to zero and the position to "
            "the start, and every click is rolled up again: the time given is for all of them.",
            "",
            f"Machine: {machine}; PostgreSQL on 127.0.0.1, shared with the server and the client; load average "
            f"(1/5/15 min) {loads}. Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )
