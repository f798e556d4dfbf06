"""What a redirect costs in Python, in process, with the database stubbed out: Relais's ``GET /r/{code}``
against the baseline's (``bench/baseline_redirect.py``), both called as ASGI applications.

    .venv/bin/python -m bench.redirect_cost [--redirects 5000] [--rounds 5] [--instructions 2000]

Both applications get the same pool stand-in, whose ``fetchrow`` answers at once with the row the
redirect's statement returns for a capped click: what is measured is everything the application
does around its one statement (Relais's adapter included), not asyncpg's encoding nor PostgreSQL.
Each request is a coroutine driven to its end by hand, with no event loop task nor socket: none of
it waits on anything once the day's salts are read (a request that would wait stops the bench).
Relais runs with its lifespan (a fresh migrated database, for the salts and the pool it never uses
for the clicks), its trusted-proxy rule, request context, metrics and a rate limit it never spends.

Two measures: CPU microseconds per redirect (the median of ``--rounds`` rounds alternating the two
applications; the process's CPU clock, noisy on a shared machine), and with ``--instructions N``
the instructions per redirect counted by valgrind's callgrind over N redirects after a warm-up,
repeatable to a fraction of a percent whatever else runs on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, MutableMapping
from pathlib import Path
from typing import Any
from uuid import UUID

from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp

from app.adapters.postgres.migrations import upgrade
from app.adapters.postgres.sharing.redirect import PostgresClickRecorder
from app.bootstrap.api import Overrides, build_app
from app.settings import Settings
from bench.redirect import BROWSER, UNSPENDABLE, fresh_database

DATABASE = "relais_bench_redirect_cost"
TENANT = UUID("0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506")
CODE = "Ab3dAb3dE5gH"  # the tenant's link prefix, then the random part
ADDRESS = "10.1.2.3"
# The row the statement returns for a click beyond its network's daily cap, as bench.redirect's are.
ROW = {
    "destination": "https://acme.example/news/0?from=relais&utm_source=linkedin&utm_medium=employee-advocacy"
    "&utm_campaign=launch&utm_content=6f1c2a30-0b9e-4d6c-9d51-3c2b7a4f8e10#story",
    "click_param": "rl_click",
    "live": True,
    "recorded": True,
    "is_unique": False,
    "is_self": False,
    "capped": True,
    "recalled": False,
    "notice_url": None,
}
WARM_UP = 500
APPLICATIONS = ("baseline", "relais")


class StubPool:
    """Stands in for the asyncpg pool: the statement's row, at once."""

    def __init__(self) -> None:
        self.statements = 0

    async def fetchrow(self, query: str, *args: Any) -> dict[str, Any]:
        self.statements += 1
        return ROW

    async def fetchval(self, query: str, *args: Any) -> UUID:
        """The tenant of the code's prefix, read once, then known in process."""
        self.statements += 1
        return TENANT


def scope_of(state: dict[str, Any]) -> dict[str, Any]:
    """What uvicorn hands the application for wrk's ``GET /r/{code}``."""
    path = f"/r/{CODE}"
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8000),
        "client": (ADDRESS, 50000),
        "scheme": "http",
        "method": "GET",
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"user-agent", BROWSER.encode())],
        "state": state.copy(),
    }


async def _receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


class Answers:
    """The statuses sent, checked once a run is over."""

    def __init__(self) -> None:
        self.statuses: list[int] = []

    async def send(self, message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.statuses.append(message["status"])


def drive(coroutine: Coroutine[Any, Any, None]) -> None:
    try:
        coroutine.send(None)
    except StopIteration:
        return
    coroutine.close()
    raise RuntimeError("A redirect waited on something: the bench measures only what never waits.")


Redirects = Callable[[int], None]


def redirects_of(app: ASGIApp, state: dict[str, Any]) -> Redirects:
    def run(count: int) -> None:
        answers = Answers()
        for _ in range(count):
            drive(app(scope_of(state), _receive, answers.send))  # type: ignore[arg-type]
        if answers.statuses != [302] * count:
            raise RuntimeError(f"Not every request was redirected: {sorted(set(answers.statuses))}")

    return run


def cpu_micros(run: Redirects, count: int) -> float:
    started = time.process_time()
    run(count)
    return (time.process_time() - started) / count * 1e6


def counted(run: Redirects, count: int) -> None:
    """The redirects callgrind counts: it collects only within ``functools.reduce``
    (``--toggle-collect=functools_reduce``), which nothing else here calls."""
    functools.reduce(lambda _, __: run(count), [None], None)


def baseline_redirects() -> Redirects:
    from bench import baseline_redirect

    pool = StubPool()
    baseline_redirect.app.state.pool = pool
    baseline_redirect.app.state.prefixes = {CODE[:4]: TENANT}
    return redirects_of(baseline_redirect.app, {})


async def with_applications(url: str, work: Callable[[dict[str, Redirects]], None]) -> None:
    """Relais built as ``relais serve`` builds it, the clicks on the stand-in pool, and the baseline."""
    pool = StubPool()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(
            database_url=url,
            data_dir=Path(data_dir),
            log_level="warning",
            rate_limit_tracked_links=UNSPENDABLE,
        )
        relais = build_app(settings, Overrides(clicks=PostgresClickRecorder(pool)))
        async with LifespanManager(relais) as started:
            # The first redirect of the day reads the salts, which waits: it runs on the loop.
            answers = Answers()
            await started.app(scope_of(started._state), _receive, answers.send)
            if answers.statuses != [302]:
                raise RuntimeError(f"Relais answered {answers.statuses}")
            applications = {
                "baseline": baseline_redirects(),
                "relais": redirects_of(relais, started._state),
            }
            for run in applications.values():
                run(WARM_UP)
            work(applications)
    if pool.statements <= WARM_UP:  # its clicks went elsewhere
        raise RuntimeError(f"Relais ran {pool.statements} statements on the stand-in")


def measure_cpu(url: str, count: int, rounds: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {name: [] for name in APPLICATIONS}

    def work(applications: dict[str, Redirects]) -> None:
        for _ in range(rounds):
            for name, run in applications.items():
                timings[name].append(cpu_micros(run, count))

    asyncio.run(with_applications(url, work))
    return timings


def count_instructions(url: str, name: str, count: int) -> float:
    """Instructions per redirect of ``name``, counted by callgrind in a process of its own: started
    uninstrumented (importing and starting the application under instrumentation takes minutes),
    instrumented once it has warmed up, counted within ``functools.reduce`` only."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            *("valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no"),
            *("--toggle-collect=functools_reduce", f"--callgrind-out-file={out}"),
            *(sys.executable, "-m", "bench.redirect_cost", "--child", name, "--url", url),
            *("--instructions", str(count)),
        ]
        env = os.environ | {"PYTHONHASHSEED": "0"}
        with subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        ) as process:
            assert process.stdin is not None
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError(f"The {name} process did not start")
            subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True, stdout=subprocess.DEVNULL)
            process.stdin.write("go\n")
            process.stdin.close()
            if process.wait() != 0:
                raise RuntimeError(f"The {name} process failed")
        for line in out.read_text().splitlines():
            if line.startswith(("totals:", "summary:")):
                return int(line.split()[1]) / count
    raise RuntimeError("callgrind wrote no totals")


def child(url: str, name: str, count: int) -> None:
    def work(applications: dict[str, Redirects]) -> None:
        print("ready", flush=True)
        sys.stdin.readline()  # instrumented meanwhile
        applications[name](WARM_UP)  # the code paths instrumented before they are counted
        counted(applications[name], count)

    asyncio.run(with_applications(url, work))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redirects", type=int, default=5000, help="redirects per round of CPU time")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--instructions", type=int, default=0, help="redirects counted by callgrind; 0: none")
    parser.add_argument("--child", choices=APPLICATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.url, args.child, args.instructions)
        return
    print(f"load average before: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")
    with fresh_database(DATABASE) as url:
        upgrade(url)
        if args.rounds:
            timings = measure_cpu(url, args.redirects, args.rounds)
            for name in APPLICATIONS:
                rounds = ", ".join(f"{value:.1f}" for value in timings[name])
                print(f"{statistics.median(timings[name]):7.2f} us/redirect  {name} (rounds: {rounds})")
        if args.instructions:
            for name in APPLICATIONS:
                per_redirect = count_instructions(url, name, args.instructions)
                print(f"{per_redirect:9.0f} instructions/redirect  {name}")
    print(f"load average after: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
