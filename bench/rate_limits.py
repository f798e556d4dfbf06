"""What counting a request costs, in process: the redirect's check and headers on the in-memory
counters, against the ``limits`` library's own memory storage and fixed-window strategy, and on Redis;
then whole redirects served in process with the limiter on and off.

    .venv/bin/python -m bench.rate_limits [--requests 200000] [--redis redis://127.0.0.1:6379/0] [--redirects 3000]

Checks: the median of five runs of ``--requests`` sequential checks on one event loop, in CPU
microseconds per request (the process's CPU clock, steadier than wall time on a shared machine);
"visitors" is how many distinct addresses the checks cycle through. Redirects: a fresh database
seeded as ``bench.redirect`` seeds it, the application called as an ASGI app (no server, no socket),
``--redirects`` sequential visits per round, five rounds alternating on and off; CPU microseconds
per redirect in this process (PostgreSQL's own work is another process's).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from asgi_lifespan import LifespanManager
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter
from starlette.types import ASGIApp

from app.adapters.postgres.migrations import upgrade
from app.adapters.rate_limits import LimitsRateLimiter, WindowCounters, rate_limiter
from app.api.rate_limits import Budgets, RateLimits, rate_limit_headers
from app.bootstrap.api import build_app
from app.ports.rate_limits import Quota
from app.settings import Settings
from bench.redirect import BROWSER, UNSPENDABLE, fresh_database, seed

# Never refused: the cost measured is the cost of counting.
QUOTA = Quota("tracked-links", 10**9, 60)
RUNS = 5


def addresses(visitors: int) -> list[str]:
    return [f"198.51.{index // 256 % 256}.{index % 256}" for index in range(visitors)]


async def per_request(check: Callable[[str], Awaitable[Any]], visitors: int, requests: int) -> float:
    """Median CPU microseconds per check over ``RUNS`` runs, the visitors taken in turn."""
    seen = addresses(visitors)
    for address in seen:  # every visitor counted once before timing: a steady state, not first visits
        await check(address)
    timings = []
    for _ in range(RUNS):
        started = time.process_time()
        for index in range(requests):
            await check(seen[index % visitors])
        timings.append((time.process_time() - started) / requests * 1e6)
    return statistics.median(timings)


def redirect_check(limits: RateLimits) -> Callable[[str], Awaitable[Any]]:
    """What the redirect adds to a visit: count it, then write the two headers."""

    async def check(address: str) -> list[tuple[bytes, bytes]]:
        scope: dict[str, Any] = {}
        await limits.count_visit(scope, address)
        return rate_limit_headers(scope)

    return check


def library_memory_check() -> Callable[[str], Awaitable[Any]]:
    """The same count and headers with ``limits``' memory storage and fixed-window strategy."""
    strategy = FixedWindowRateLimiter(MemoryStorage())
    item = RateLimitItemPerMinute(10**9)

    async def check(address: str) -> Any:
        strategy.hit(item, "tracked-links", address)
        return strategy.get_window_stats(item, "tracked-links", address)

    return check


async def visit(app: ASGIApp, path: str) -> int:
    """One ``GET`` of ``path`` from a browser at one address, straight through the ASGI application
    (as the lifespan manager gives it: with the lifespan's state, as a server would)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"relais.test"), (b"user-agent", BROWSER.encode())],
        "client": ("198.51.100.7", 50000),
        "server": ("relais.test", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def redirects(url: str, path: str, count: int) -> dict[str, list[float]]:
    """CPU microseconds per redirect with the limiter on and off, in alternating rounds."""
    timings: dict[str, list[float]] = {"on": [], "off": []}
    with tempfile.TemporaryDirectory() as data_dir:
        base = Settings(database_url=url, data_dir=Path(data_dir), log_level="warning")
        apps = {
            "on": build_app(base.model_copy(update={"rate_limit_tracked_links": UNSPENDABLE})),
            "off": build_app(base.model_copy(update={"rate_limits": False})),
        }
        async with LifespanManager(apps["on"]) as on, LifespanManager(apps["off"]) as off:
            started = {"on": on.app, "off": off.app}
            for application in started.values():
                for _ in range(100):  # warm up: salts read, caches filled
                    assert await visit(application, path) == 302
            for _ in range(RUNS):
                for name, application in started.items():
                    begun = time.process_time()
                    for _ in range(count):
                        await visit(application, path)
                    timings[name].append((time.process_time() - begun) / count * 1e6)
    return timings


async def main(requests: int, redis_url: str | None) -> None:
    rows = []
    for visitors in (1, 10_000):
        ours = RateLimits(LimitsRateLimiter(WindowCounters()), Budgets(tracked_links=(QUOTA,)))
        rows.append(
            (
                f"memory (WindowCounters), {visitors} visitors",
                await per_request(redirect_check(ours), visitors, requests),
            )
        )
        rows.append(
            (
                f"limits MemoryStorage + FixedWindowRateLimiter, {visitors} visitors",
                await per_request(library_memory_check(), visitors, requests),
            )
        )
    if redis_url:
        async with rate_limiter(redis_url, key_prefix=f"relais-bench-{uuid.uuid4().hex}") as limiter:
            shared = RateLimits(limiter, Budgets(tracked_links=(QUOTA,)))
            rows.append(
                ("redis (two round trips), 1 visitor", await per_request(redirect_check(shared), 1, requests // 20))
            )
    for name, micros in rows:
        print(f"{micros:8.2f} us/request  {name}")


def measure_redirects(count: int) -> None:
    with fresh_database("relais_bench_rate_limits") as url:
        upgrade(url)
        shares = asyncio.run(seed(url))
        timings = asyncio.run(redirects(url, f"/r/{shares.codes[0]}", count))
    on, off = (statistics.median(timings[name]) for name in ("on", "off"))
    rounds = ", ".join(f"{a:.0f}/{b:.0f}" for a, b in zip(timings["on"], timings["off"], strict=True))
    added = f"{on - off:+.2f} us ({(on - off) / off:+.1%})"
    print(f"{on:8.2f} us/redirect with the limiter on, {off:.2f} off: {added}; rounds on/off {rounds}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200_000)
    parser.add_argument("--redis", default=None, help="also measure a Redis at this URL")
    parser.add_argument("--redirects", type=int, default=3000, help="visits per round; 0 skips the redirects")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    asyncio.run(main(args.requests, args.redis))
    if args.redirects:
        measure_redirects(args.redirects)
    print(f"load average after: {os.getloadavg()}")
