"""How soon a counted click shows in ``GET /v1/metrics`` while the redirect is under load.

The redirect benchmark's tenant (5 ambassadors, 4 contents, 20 shares); ``relais serve`` and ``relais
worker`` run as real processes. wrk drives the redirect of one share for the whole run; meanwhile, a
fresh visitor (an address of a network of its own, forwarded through the trusted-proxy rule, and a
browser's user agent) follows a marker share of another content, and the metrics grouped by content
are read every 100 ms until the marker content's clicks show the new one: the lag runs from the
redirect's answer to the first read that shows the click. Figures go to ``bench/RESULTS.md`` under
"Metrics freshness".

    .venv/bin/python -m bench.metrics_freshness [--probes 20] [--seconds 120] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import httpx

from app.adapters.postgres.metrics.rollups import CLICK_POSITION
from app.adapters.postgres.migrations import upgrade
from app.settings import Settings
from bench.feed import RESULTS, fresh_database, reader_headers, write_section
from bench.feed_seed import BenchTenant
from bench.harness import Run, free_port, server, wrk
from bench.measure import load_average, machine
from bench.redirect import BROWSER, UNSPENDABLE, seed

DATABASE = "relais_bench_metrics_freshness"
TARGET_SECONDS = 5.0
POLL_SECONDS = 0.1
GIVE_UP_SECONDS = 30.0


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``fraction`` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


async def _fetch(url: str, query: str, *args: object) -> Any:
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetchval(query, *args)
    finally:
        await connection.close()


class Probe:
    """Clicks on the marker share and reads the metrics until the click shows."""

    def __init__(self, base: str, marker: str, content_id: UUID, headers: dict[str, str]) -> None:
        self._marker = f"{base}/r/{marker}"
        self._metrics = base + "/v1/metrics"
        self._content = str(content_id)
        self._client = httpx.Client(headers=headers, timeout=10)

    def shown(self) -> int:
        today = datetime.now(UTC).date().isoformat()
        params = {"from": today, "to": today, "tz": "UTC", "group_by": "content", "kpi": "clicks"}
        response = self._client.get(self._metrics, params=params)
        response.raise_for_status()
        rows = {row["key"]: row["values"]["clicks"] for row in response.json()["rows"]}
        return int(rows.get(self._content) or 0)

    def lag(self, number: int) -> float | None:
        """Seconds from the click's redirect to the first read that shows it; None past ``GIVE_UP_SECONDS``."""
        before = self.shown()
        visitor = {"User-Agent": BROWSER, "X-Forwarded-For": f"10.{200 + number // 250}.{number % 250}.7"}
        response = httpx.get(self._marker, headers=visitor, timeout=10)
        if response.status_code != 302:
            raise RuntimeError(f"The marker's redirect answered {response.status_code}: {response.text[:300]}")
        clicked = time.monotonic()
        while time.monotonic() - clicked < GIVE_UP_SECONDS:
            if self.shown() > before:
                return time.monotonic() - clicked
            time.sleep(POLL_SECONDS)
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--probes", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        shares = asyncio.run(seed(url))
        marker = shares.codes[-1]  # the last ambassador's share of the last content: no other share of it is clicked
        content_id = asyncio.run(_fetch(url, "SELECT content_id FROM shares WHERE code = $1", marker))
        relais_port, worker_port = free_port(), free_port()
        base_url = f"http://127.0.0.1:{relais_port}"
        settings = Settings(database_url=url, data_dir=Path(data_dir), public_base_url=base_url)
        analyst = BenchTenant(shares.tenant_id, "bench|analyst", "analyst@acme.example")
        headers = reader_headers(settings, analyst, Path(data_dir) / "jwks.json", roles=("analyst",))
        env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(relais_port),
            "RELAIS_WORKER_PORT": str(worker_port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_TRUSTED_PROXIES": "127.0.0.1",
            "RELAIS_RATE_LIMIT_TRACKED_LINKS": UNSPENDABLE,
            "RELAIS_RATE_LIMIT_CALLER": UNSPENDABLE,
            "RELAIS_RATE_LIMIT_TENANT": UNSPENDABLE,
        }
        relais = str(Path(sys.executable).with_name("relais"))
        load_before = load_average()
        with (
            server([relais, "serve"], relais_port, env) as base,
            server([relais, "worker"], worker_port, env),
        ):
            probe = Probe(base, marker, content_id, headers)
            runs: list[Run] = []
            load = threading.Thread(
                target=lambda: runs.append(
                    wrk(
                        f"{base}/r/{shares.codes[0]}",
                        seconds=args.seconds,
                        connections=args.connections,
                        headers={"User-Agent": BROWSER},
                    )
                )
            )
            began = time.monotonic()
            load.start()
            time.sleep(3)  # the load under way first
            lags: list[float | None] = []
            for number in range(args.probes):
                lags.append(probe.lag(number))
                shown = "not shown" if lags[-1] is None else f"{lags[-1]:.2f} s"
                print(f"probe {number + 1}: {shown}", file=sys.stderr, flush=True)
                time.sleep(random.uniform(0.2, 1.0))  # not in step with the worker's rounds
            probed = time.monotonic() - began
            load.join()
            recorded = asyncio.run(_fetch(url, "SELECT count(*) FROM clicks"))
            behind = asyncio.run(_fetch(url, BEHIND, CLICK_POSITION))
        loads = f"{load_before} before, {load_average()} after"
        text = freshness_report(lags, runs[0], probed, int(recorded), int(behind or 0), args, loads)
        write_section("Metrics freshness", text)
    print(RESULTS.read_text())


# Clicks the rollups had still to read when the load stopped.
BEHIND = """
SELECT count(*) FROM clicks AS k JOIN click_positions AS p ON p.tenant_id = k.tenant_id AND p.handler = $1
WHERE k.id > p.last_click_id
"""


def freshness_report(
    lags: list[float | None], run: Run, probed: float, recorded: int, behind: int, args: Any, loads: str
) -> str:
    defaults = Settings.model_fields
    settle, poll = defaults["worker_click_settle_seconds"].default, defaults["worker_poll_seconds"].default
    shown = [lag for lag in lags if lag is not None]
    missing = len(lags) - len(shown)
    median, p95, worst = statistics.median(shown), percentile(shown, 0.95), max(shown)
    met = missing == 0 and worst <= TARGET_SECONDS
    under_load = "all under load" if probed <= args.seconds else f"the last ones after wrk stopped ({probed:.0f} s)"
    return "\n".join(
        [
            "## Metrics freshness",
            "",
            f"Target: a counted click shows in `GET /v1/metrics` within {TARGET_SECONDS:.0f} s. Lag over "
            f"{len(lags)} clicks: median **{median:.2f} s**, p95 **{p95:.2f} s**, max **{worst:.2f} s**"
            + (f"; {missing} not shown within {GIVE_UP_SECONDS:.0f} s" if missing else "")
            + f". Target {'met' if met else 'missed'}.",
            "",
            "| figure | value |",
            "| --- | ---: |",
            f"| lag, median (s) | {median:.2f} |",
            f"| lag, p95 (s) | {p95:.2f} |",
            f"| lag, max (s) | {worst:.2f} |",
            f"| redirect under load, requests/s | {run.requests_per_second:.0f} |",
            f"| redirect under load, p50 / p99 (ms) | {run.p50_ms:.2f} / {run.p99_ms:.2f} |",
            f"| clicks recorded in the run | {recorded} |",
            f"| clicks the rollups had still to read when the load stopped (those of the last {settle:.0f} s wait "
            f"by design) | {behind} |",
            "",
            "Lags in order (s): " + ", ".join("-" if lag is None else f"{lag:.2f}" for lag in lags) + ".",
            "",
            f"wrk (1 thread, {args.connections} connections, {args.seconds} s, a browser user agent from one address, "
            "so all but the day's first five clicks capped) on one share's `GET /r/{code}`; meanwhile, "
            f"{len(lags)} times ({under_load}), one click on a marker share of another content from a visitor of a "
            "network of its own (`X-Forwarded-For: 10.200.N.7` through the trusted-proxy rule, a browser's user "
            "agent: a counted, unique click), then `GET /v1/metrics?from=<today>&to=<today>&tz=UTC&group_by=content"
            "&kpi=clicks` read by an analyst every 100 ms until the marker content's clicks grow; the lag is from the "
            "redirect's answer to that read's answer (so it includes up to one poll and one read). Probes are spaced "
            "by a random 0.2-1 s. `relais serve` (one uvicorn process) and `relais worker` (one process, every handler "
            "of the composition root: rewards and badges follow the clicks one by one, the metric rollups' clicks in "
            f"their own loop) at RELAIS_LOG_LEVEL=warning and default settings: clicks read once {settle:.0f} s old, "
            f"a loop idle for {poll:.0f} s when it found nothing. Tenant: the redirect benchmark's (5 ambassadors, 4 "
            "contents, 20 shares). Servers, wrk, the client and PostgreSQL share the machine.",
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1; load average (1/5/15 min) {loads}. "
            f"Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
