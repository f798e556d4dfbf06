"""The event worker under the redirect's load: its throughput and lag while wrk records clicks.

The redirect benchmark's database and seed (one tenant, 5 ambassadors, 20 shares) under the default
rule set; ``relais serve`` and ``relais worker`` run as real processes with the handlers the
composition root registers (rewards, badges, leaderboard rollups). Each round drives the redirect
with wrk twice: the worker stopped (the clicks of that phase are then deleted unread), then running,
its ``/metrics`` read every second (events handled, lag per source); the worker keeps its backlog
from one round to the next. After the last phase it works alone until it catches up or the wait
ends: its throughput with nothing beside it, and the transactions a click costs. Visits come from
addresses drawn at random per request (through the trusted-proxy rule, in ``X-Forwarded-For``)
across the 20 shares, so clicks are counted and earn points. Figures go to ``bench/RESULTS.md``
under "Worker".

    .venv/bin/python -m bench.worker [--rounds 2] [--seconds 15] [--connections 32] [--catch-up 120]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from prometheus_client.parser import text_string_to_metric_families

from app.adapters.postgres.migrations import upgrade
from bench.feed import write_section
from bench.harness import Run, free_port, server, wrk
from bench.measure import committed
from bench.redirect import BROWSER, UNSPENDABLE, fresh_database, seed
from bench.worker_report import STATS_FLUSH, Drain, Loaded, Sample, worker_report

DATABASE = "relais_bench_worker"
VISITORS = """-- Every request visits one of the shares from an address of its own (a random IPv4 one, of
-- one of 65 536 networks), forwarded by the trusted proxy wrk connects as.
local paths = {{{paths}}}
local sent = 0
math.randomseed({seed})
request = function()
  sent = sent + 1
  wrk.headers["X-Forwarded-For"] = string.format(
    "10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format("GET", paths[sent % #paths + 1])
end
"""


def read_metrics(base: str) -> Sample:
    text = httpx.get(base + "/metrics", timeout=2).text
    sample = Sample(at=time.monotonic())
    for family in text_string_to_metric_families(text):
        for metric in family.samples:
            labels = metric.labels
            if metric.name == "relais_worker_lag_seconds":
                sample.lag[labels["source"]] = metric.value
            elif metric.name == "relais_worker_events_handled_total":
                sample.handled[(labels["type"], labels["handler"])] = metric.value
            elif metric.name == "relais_worker_outbox_events_taken_total":
                sample.taken[labels["type"]] = metric.value
    return sample


class Sampler:
    """Reads the worker's ``/metrics`` every second in a thread of its own while wrk runs."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.samples: list[Sample] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            with suppress(httpx.HTTPError):
                self.samples.append(read_metrics(self.base))
            self._stop.wait(max(1.0 - (time.monotonic() - started), 0.0))

    def wait(self, done: Callable[[list[Sample]], bool], limit: float) -> bool:
        """Until ``done`` holds of the samples so far, or ``limit`` seconds pass."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.samples and done(self.samples):
                return True
            time.sleep(0.25)
        return False


def caught_up(since: float) -> Callable[[list[Sample]], bool]:
    """Both lag gauges read 0 in a sample taken after ``since`` (while clicks arrive the gauge never
    reads 0: the newest are still settling), and no counter moved over the last two samples."""

    def done(samples: list[Sample]) -> bool:
        recent = [sample for sample in samples if sample.at >= since]
        if len(recent) < 3 or not recent[-1].lag or any(recent[-1].lag.values()):
            return False
        return recent[-1].events == recent[-2].events == recent[-3].events

    return done


def say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


def clicks(url: str) -> int:
    return int(asyncio.run(_fetch(url, "SELECT count(*) FROM clicks")))


@dataclass(slots=True)
class Bench:
    url: str
    database: str
    redirect: str
    script: Path
    worker: list[str]
    worker_env: dict[str, str]
    worker_port: int
    args: argparse.Namespace

    def load(self) -> Run:
        return wrk(
            self.redirect,
            seconds=self.args.seconds,
            connections=self.args.connections,
            headers={"User-Agent": BROWSER},
            script=self.script,
        )

    @contextmanager
    def running(self) -> Iterator[Sampler]:
        """The worker process, its metrics read every second; SIGTERM at the end."""
        with server(self.worker, self.worker_port, self.worker_env) as base, Sampler(base) as sampler:
            yield sampler

    def settle_first(self) -> None:
        """The seed's own events handled before anything is measured."""
        with self.running() as sampler:
            if not sampler.wait(caught_up(time.monotonic()), 60):
                raise RuntimeError("The worker did not handle the seed's events in time.")

    def without_worker(self) -> Run:
        """The redirect alone. Its clicks are then removed, never to be handed over: they would only
        lengthen the backlog the phases with the worker leave."""
        last = asyncio.run(_fetch(self.url, "SELECT id FROM clicks ORDER BY id DESC LIMIT 1"))
        run = self.load()
        asyncio.run(_fetch(self.url, "DELETE FROM clicks WHERE $1::uuid IS NULL OR id > $1::uuid", last))
        asyncio.run(_fetch(self.url, "VACUUM ANALYZE clicks"))  # no dead rows left in the worker's way
        return run

    def with_worker(self, sampler: Sampler) -> Loaded:
        before, start, began = clicks(self.url), time.monotonic(), datetime.now(UTC)
        run = self.load()
        end, ended = time.monotonic(), datetime.now(UTC)
        recorded = clicks(self.url) - before
        return Loaded(run=run, clicks=recorded, start=start, end=end, samples=sampler.samples, began=began, ended=ended)

    def catch_up(self, sampler: Sampler, end: float) -> Drain:
        """After the last phase, the worker alone on the backlog: until it catches up or ``--catch-up``
        seconds pass. Transactions are counted over a window that opens once the redirect's idle
        connections have reported theirs."""
        time.sleep(max(end + STATS_FLUSH - time.monotonic(), 0))
        first, commits = sampler.samples[-1], asyncio.run(committed(self.url, self.database))
        done = sampler.wait(caught_up(end), max(self.args.catch_up - STATS_FLUSH, 1))
        last = sampler.samples[-1] if done else read_metrics(sampler.base)
        spent = asyncio.run(committed(self.url, self.database)) - commits - 1
        backlog = asyncio.run(_fetch(self.url, UNHANDLED)) or 0
        return Drain(start=end, first=first, last=last, commits=spent, caught_up=done, remaining=int(backlog))


# Clicks some click handler has still to read (after its position in their tenant's clicks).
UNHANDLED = """
SELECT count(*) FROM clicks AS k
WHERE EXISTS (
    SELECT FROM click_positions AS p
    WHERE p.tenant_id = k.tenant_id AND (p.last_click_id IS NULL OR k.id > p.last_click_id)
)
"""


async def _fetch(url: str, query: str, *args: object) -> Any:
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetchval(query, *args)
    finally:
        await connection.close()


def measure(bench: Bench, rounds: int) -> tuple[list[Run], list[Loaded], Drain]:
    """Rounds of the redirect without the worker, then with it (the worker keeps its backlog from one
    round to the next); then the worker alone until it catches up."""
    alone: list[Run] = []
    loaded: list[Loaded] = []
    for number in range(1, rounds + 1):
        alone.append(bench.without_worker())
        say(f"round {number} without the worker: {alone[-1].requests_per_second:.0f} requests/s")
        with bench.running() as sampler:
            sampler.wait(lambda samples: bool(samples[-1].lag), 30)
            loaded.append(bench.with_worker(sampler))
            say(f"round {number} with the worker: {loaded[-1].run.requests_per_second:.0f} requests/s")
            if number == rounds:
                drain = bench.catch_up(sampler, loaded[-1].end)
                say(f"caught up: {drain.caught_up}, {drain.remaining} clicks left")
    return alone, loaded, drain


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--catch-up", type=float, default=120, help="longest wait for the worker to catch up (s)")
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--samples", type=Path, help="also write every reading of /metrics there, as JSON lines")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with fresh_database(args.database) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        shares = asyncio.run(seed(url))
        relais_port, worker_port = free_port(), free_port()
        base_url = f"http://127.0.0.1:{relais_port}"
        env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(relais_port),
            "RELAIS_WORKER_PORT": str(worker_port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_TRUSTED_PROXIES": "127.0.0.1",
            "RELAIS_RATE_LIMIT_TRACKED_LINKS": UNSPENDABLE,
        }
        relais = str(Path(sys.executable).with_name("relais"))
        script = Path(data_dir) / "visitors.lua"
        paths = ", ".join(f'"/r/{code}"' for code in shares.codes)
        script.write_text(VISITORS.format(paths=paths, seed=int(time.time())))
        with server([relais, "serve"], relais_port, env) as candidate:
            bench = Bench(
                url=url,
                database=args.database,
                redirect=candidate + "/",
                script=script,
                worker=[relais, "worker"],
                worker_env=env,
                worker_port=worker_port,
                args=args,
            )
            bench.settle_first()
            say("the seed's events handled")
            alone, loaded, drain = measure(bench, args.rounds)
        ledger = asyncio.run(ledger_summary(url))
        for each in loaded:
            each.markers = asyncio.run(markers(url, each.began, each.ended))
        if args.samples:
            dump(args.samples, loaded)
        loads = (load_before, os.getloadavg())
        write_section("Worker", worker_report(alone, loaded, drain, ledger, len(shares.codes), loads, args))
    print(Path(__file__).with_name("RESULTS.md").read_text())


def dump(path: Path, loaded: list[Loaded]) -> None:
    with path.open("w") as out:
        for number, each in enumerate(loaded, start=1):
            for sample in each.samples:
                handled = {f"{kind} {handler}": value for (kind, handler), value in sample.handled.items()}
                reading: dict[str, Any] = {"round": number, "after_start": round(sample.at - each.start, 2)}
                reading |= {"lag": sample.lag, "taken": sample.taken, "handled": handled}
                out.write(json.dumps(reading) + "\n")


async def markers(url: str, began: datetime, ended: datetime) -> dict[str, int]:
    """Handler runs begun in ``[began, ended)``, by handler: their once-only markers' times."""
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch(
            "SELECT handler, count(*) FROM handled_events WHERE handled_at >= $1 AND handled_at < $2 GROUP BY 1",
            began,
            ended,
        )
        return {row[0]: int(row[1]) for row in rows}
    finally:
        await connection.close()


async def ledger_summary(url: str) -> dict[str, int]:
    connection = await asyncpg.connect(url)
    try:
        row = await connection.fetchrow(
            "SELECT count(*) AS entries, count(*) FILTER (WHERE points > 0) AS earning, "
            "count(*) FILTER (WHERE cap_hit IS NOT NULL) AS capped, coalesce(sum(points), 0) AS points, "
            "(SELECT count(*) FROM clicks) AS clicks, "
            "(SELECT count(*) FROM clicks WHERE kind = 'counted' AND is_unique AND NOT is_self) AS counted, "
            "(SELECT count(*) FROM outbox WHERE type = 'points.awarded') AS awarded "
            "FROM points_entries WHERE rule = 'counted_click'"
        )
        return {key: int(value) for key, value in dict(row).items()}
    finally:
        await connection.close()


if __name__ == "__main__":
    main()
