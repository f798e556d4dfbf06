"""The roster import benchmark: a 100,000-row HRIS file previewed and applied by ``relais serve``
against a plain asyncpg baseline doing the bare merge of the same file, in the same run.

A fresh database gets a tenant of 100,000 employees (COPY). The file keeps 99,000 of them (one in
ten moved to another department), drops 1,000 (terminated by the full import) and hires 1,000.
``relais serve`` runs as a real process; httpx streams the file to ``POST /v1/roster-imports`` and
then applies it, while a thread samples the server's resident memory. The baseline, on copies of the
same roster, COPYs the raw file into a staging table and merges it with one ``INSERT … ON CONFLICT``
(no validation, no dry run, no terminations). The apply's statements are counted in-process at 1,000
and 100,000 rows. The figures go to ``bench/RESULTS.md`` under "Roster imports".

    .venv/bin/python -m bench.roster [--employees 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx

from app.adapters.postgres.migrations import upgrade
from app.bootstrap import dev_issuer
from app.settings import Settings
from bench.exports import MB, Sampler, rss_bytes
from bench.feed import fresh_database, write_section
from bench.harness import free_port, server
from bench.measure import listening_pid, load_average, machine
from bench.roster_baseline import Merged, baseline_copies, merge
from bench.roster_report import Timed, results
from bench.roster_seed import RosterFile, seed_roster, write_file
from bench.roster_statements import apply_statements

DATABASE = "relais_bench_roster"


def admin_headers(settings: Settings, tenant_id: UUID) -> dict[str, str]:
    token = dev_issuer(settings).mint(
        tenant_id=tenant_id, subject="bench|hris", roles=["integrator"], ttl=timedelta(hours=2), now=datetime.now(UTC)
    )
    return {"Authorization": f"Bearer {token}"}


def send(base: str, headers: dict[str, str], path: Path, mode: str) -> dict[str, Any]:
    with path.open("rb") as body:
        answer = httpx.post(
            f"{base}/v1/roster-imports",
            params={"mode": mode},
            content=iter(lambda: body.read(65536), b""),
            headers=headers | {"Content-Type": "text/csv"},
            timeout=600,
        )
    if answer.status_code != 201:
        raise RuntimeError(f"The dry run failed: {answer.status_code} {answer.text[:500]}")
    result: dict[str, Any] = answer.json()
    return result


def apply(base: str, headers: dict[str, str], import_id: str) -> dict[str, Any]:
    answer = httpx.post(f"{base}/v1/roster-imports/{import_id}/apply", headers=headers, timeout=600)
    if answer.status_code != 200:
        raise RuntimeError(f"The apply failed: {answer.status_code} {answer.text[:500]}")
    result: dict[str, Any] = answer.json()
    return result


def timed_import(base: str, headers: dict[str, str], file: RosterFile, pid: int) -> Timed:
    time.sleep(1)
    before = rss_bytes(pid)
    with Sampler(pid) as sampler:
        started = time.monotonic()
        previewed = send(base, headers, file.path, "full")
        dry_run = time.monotonic() - started
        applied = apply(base, headers, previewed["id"])
        total = time.monotonic() - started
    expected = {"create": file.creates, "update": file.updates, "terminate": file.terminations}
    counts = previewed["counts"]
    if {name: counts[name] for name in expected} != expected or previewed["bad_rows"] or applied["status"] != "applied":
        raise RuntimeError(f"The import did not do what the file says: {previewed}")
    return Timed(dry_run, total - dry_run, before, max(sampler.samples), counts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=100_000)
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        tenant_id = asyncio.run(seed_roster(url, args.employees))
        file = write_file(Path(data_dir) / "roster.csv", args.employees)
        warm = write_file(Path(data_dir) / "warm.csv", 200, moved_every=0, gone_every=0)
        asyncio.run(baseline_copies(url, tenant_id, 2))
        print(f"{args.employees} employees seeded; file of {file.rows} rows", file=sys.stderr)
        merged: list[Merged] = [asyncio.run(merge(url, tenant_id, file.path, 0))]
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        settings = Settings(database_url=url, data_dir=Path(data_dir), public_base_url=base_url)
        headers = admin_headers(settings, tenant_id)
        env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
        }
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        load = load_average()
        with server(relais, port, env) as base:
            pid = listening_pid(port)
            # Warm-up: a partial file of unchanged rows loads what every import uses.
            apply(base, headers, send(base, headers, warm.path, "partial")["id"])
            idle = rss_bytes(pid)
            candidate = timed_import(base, headers, file, pid)
        merged.append(asyncio.run(merge(url, tenant_id, file.path, 1)))
        statements = asyncio.run(apply_statements(url, Path(data_dir), (1_000, args.employees)))
        report = results(file, candidate, merged, statements, idle, f"{load} before, {load_average()} after")
        write_section("Roster imports", report + f"\nMachine: {machine()}. Date: {datetime.now(UTC):%Y-%m-%d}.\n")
    print(Path(__file__).with_name("RESULTS.md").read_text().split("## Roster imports")[1][:3000])
    print(f"peak growth {(candidate.peak - candidate.before) / MB:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
