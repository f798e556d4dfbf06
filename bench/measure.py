"""What the benchmarks measure besides throughput: statements per request, from the server's
statistics or counted in process, and CPU time per request, from each server process's clock.

CPU time per request is steadier than throughput on a shared machine: other processes take
turns on the cores, which lowers requests per second but not the CPU a request costs.
"""

from __future__ import annotations

import asyncio
import os
import platform
import re
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import sqlalchemy as sa
from asgi_lifespan import LifespanManager

from app.bootstrap.api import Overrides, build_app
from app.settings import Settings
from bench.harness import Series, wrk

LISTENER = re.compile(r"pid=(\d+)")


async def committed(url: str, database: str) -> int:
    """Transactions committed in ``database``; each feed statement runs in its own."""
    connection = await asyncpg.connect(url)
    try:
        value = await connection.fetchval("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", database)
        return int(value)
    finally:
        await connection.close()


def statements_per_request(url: str, database: str, target: str, headers: dict[str, str], requests: int = 500) -> float:
    """Sequential requests, counted from the server's statistics (idle backends flush them within ~10 s)."""
    time.sleep(11)
    before = asyncio.run(committed(url, database))
    with httpx.Client(headers=headers, timeout=10) as client:
        for _ in range(requests):
            client.get(target).raise_for_status()
    time.sleep(11)
    # The first reading's own transaction is counted by the second one.
    return (asyncio.run(committed(url, database)) - before - 1) / requests


@dataclass(frozen=True, slots=True)
class Probe:
    """A request to count statements of: ``json`` is sent as the body of a POST, else it is a GET."""

    path: str
    json: Any = None


async def statements_in_process(
    settings: Settings, probes: Mapping[str, Probe], headers: dict[str, str], requests: int = 50
) -> dict[str, float]:
    """Statements per request, the ORM's and the raw pool's alike, counted as the integration tests
    count them: in an application built in this process on the same database.

    For the paths that go through the unit of work, whose read transactions hold several statements
    and end in a rollback, where the server's commit counter sees none of them.
    """
    seen: list[str] = []

    def on_cursor(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    application = build_app(settings, Overrides(query_logger=lambda record: seen.append(record.query)))
    counts: dict[str, float] = {}
    sa.event.listen(sa.engine.Engine, "before_cursor_execute", on_cursor)
    try:
        async with (
            LifespanManager(application) as manager,
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=manager.app), base_url="http://bench", headers=headers
            ) as client,
        ):
            for name, probe in probes.items():
                for attempt in range(requests + 1):
                    if attempt == 1:  # the first request warms the process's caches up
                        seen.clear()
                    if probe.json is None:
                        response = await client.get(probe.path)
                    else:
                        response = await client.post(probe.path, json=probe.json)
                    response.raise_for_status()
                counts[name] = len(seen) / requests
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", on_cursor)
    return counts


def listening_pid(port: int) -> int:
    output = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    found = LISTENER.search(output)
    if found is None:
        raise RuntimeError(f"No process listens on port {port}.")
    return int(found.group(1))


def cpu_seconds(pid: int) -> float:
    """User and system time of every thread of the process so far."""
    ticks = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass(slots=True)
class Measured:
    series: Series
    cpu: float = 0.0
    requests: float = 0.0
    ratios: list[float] = field(default_factory=list)

    @property
    def cpu_ms_per_request(self) -> float:
        return self.cpu / self.requests * 1000


def interleave_with_cpu(
    targets: dict[str, tuple[str, int]],
    *,
    rounds: int,
    seconds: int,
    connections: int,
    headers: dict[str, str],
    scripts: Mapping[str, Path] | None = None,
) -> dict[str, Measured]:
    """``bench.harness.interleave``, also reading each server's CPU time around each of its runs.
    ``scripts`` gives the wrk script of the targets that are not a plain GET."""
    scripts = scripts or {}
    measured = {name: Measured(Series(name)) for name in targets}
    pids = {name: listening_pid(port) for name, (_, port) in targets.items()}
    for name, (url, _) in targets.items():
        wrk(url, seconds=1, connections=connections, headers=headers, script=scripts.get(name))
    for _ in range(rounds):
        for name, (url, _) in targets.items():
            before = cpu_seconds(pids[name])
            run = wrk(url, seconds=seconds, connections=connections, headers=headers, script=scripts.get(name))
            measured[name].cpu += cpu_seconds(pids[name]) - before
            measured[name].requests += run.requests_per_second * seconds
            measured[name].series.runs.append(run)
    return measured


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    model = next((line.split(":", 1)[1].strip() for line in lines if "model name" in line), platform.processor())
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} cores ({model or 'unknown CPU'}), {system}"


def load_average() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())
