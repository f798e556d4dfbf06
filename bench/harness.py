"""Run servers, drive them with wrk in interleaved rounds, and compare them as ratios.

Timings on a shared machine drift; measuring the baseline and the candidate alternately,
round after round, in the same run cancels most of that drift out of the ratio.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

LATENCY = re.compile(r"^\s+(50|75|90|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
REQUESTS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True, slots=True)
class Run:
    requests_per_second: float
    p50_ms: float
    p99_ms: float


@dataclass(slots=True)
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return statistics.median(run.requests_per_second for run in self.runs)

    @property
    def p99(self) -> float:
        return statistics.median(run.p99_ms for run in self.runs)

    @property
    def p50(self) -> float:
        return statistics.median(run.p50_ms for run in self.runs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(command: Sequence[str], port: int, env: dict[str, str], ready_path: str = "/healthz") -> Iterator[str]:
    """Start a server process and yield its base URL once ``ready_path`` answers. Its log goes to a file
    (``RELAIS_BENCH_LOGS`` names the folder, a temporary one by default), never to a pipe nobody reads:
    a process whose pipe is full stops at its next log line."""
    logs = Path(os.environ.get("RELAIS_BENCH_LOGS") or tempfile.mkdtemp(prefix="relais-bench-"))
    logs.mkdir(parents=True, exist_ok=True)
    log = (logs / f"{Path(command[0]).name}-{' '.join(command[1:2]) or 'server'}-{port}.log").open("w")
    process = subprocess.Popen(list(command), env=os.environ | env, stdout=subprocess.DEVNULL, stderr=log, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + ready_path, timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            process.kill()
            raise RuntimeError(f"{command} did not start; its log is {log.name}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wrk(url: str, *, seconds: int, connections: int, headers: dict[str, str], script: Path | None = None) -> Run:
    """One wrk run; ``script`` is a wrk Lua script, for requests other than a plain GET (``post_script``)."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    command = ["wrk", "--latency", "-t", "1", "-c", str(connections), "-d", f"{seconds}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    failures = NON_2XX.search(output)
    if failures and int(failures.group(1)) > 0:
        raise RuntimeError(f"{url} answered {failures.group(1)} errors:\n{output}")
    latencies = {pct: float(value) * UNIT[unit] for pct, value, unit in LATENCY.findall(output)}
    return Run(
        requests_per_second=float(REQUESTS.search(output).group(1)),  # type: ignore[union-attr]
        p50_ms=latencies["50"],
        p99_ms=latencies["99"],
    )


def post_script(path: Path, body: str, content_type: str = "application/json") -> Path:
    """Write a wrk script that POSTs ``body`` on every request."""
    if "]==]" in body:
        raise ValueError("The body would end the script's long string.")
    path.write_text(f'wrk.method = "POST"\nwrk.headers["Content-Type"] = "{content_type}"\nwrk.body = [==[{body}]==]\n')
    return path


def interleave(
    targets: dict[str, str], *, rounds: int, seconds: int, connections: int, headers: dict[str, str]
) -> dict[str, Series]:
    """Alternate the targets round by round; warm each up first."""
    series = {name: Series(name) for name in targets}
    for url in targets.values():
        wrk(url, seconds=1, connections=connections, headers=headers)
    for _ in range(rounds):
        for name, url in targets.items():
            series[name].runs.append(wrk(url, seconds=seconds, connections=connections, headers=headers))
    return series


def report(title: str, baseline: Series, candidate: Series, statements: str, target: str) -> str:
    ratio = candidate.throughput / baseline.throughput
    p99_ratio = candidate.p99 / baseline.p99
    rows = [
        f"## {title}",
        "",
        f"Rounds: {len(baseline.runs)} interleaved; medians. {statements}",
        "",
        "| server | requests/s | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: |",
        f"| {baseline.name} | {baseline.throughput:.0f} | {baseline.p50:.2f} | {baseline.p99:.2f} |",
        f"| {candidate.name} | {candidate.throughput:.0f} | {candidate.p50:.2f} | {candidate.p99:.2f} |",
        "",
        f"Throughput ratio: **{ratio:.2f}x** the baseline; p99 ratio: **{p99_ratio:.2f}x**. Target: {target}.",
        "",
    ]
    return "\n".join(rows)
