"""The "Roster imports" section of bench/RESULTS.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.exports import MB
from bench.roster_baseline import Merged
from bench.roster_seed import RosterFile

TARGET = ">= 0.5x the baseline's speed, dry run + apply under 10 s, server memory growing < 100 MB"


@dataclass(frozen=True, slots=True)
class Timed:
    dry_run: float
    apply: float
    before: int
    peak: int
    counts: dict[str, Any]

    @property
    def seconds(self) -> float:
        return self.dry_run + self.apply


def results(
    file: RosterFile,
    candidate: Timed,
    merged: list[Merged],
    statements: dict[int, tuple[int, int]],
    idle: int,
    load: str,
) -> str:
    baseline = sum(run.seconds for run in merged) / len(merged)
    ratio = baseline / candidate.seconds
    growth = candidate.peak - candidate.before
    constant = len(set(statements.values())) == 1  # the dry run's and the apply's
    met = ratio >= 0.5 and candidate.seconds < 10 and growth < 100 * MB and constant
    baseline_rows = [
        f"| baseline round {number} | {run.copy_seconds:.2f} | {run.merge_seconds:.2f} | {run.seconds:.2f} | "
        f"{file.rows / run.seconds:,.0f} |"
        for number, run in enumerate(merged, start=1)
    ]
    counted = ", ".join(f"{apply} at {size:,} rows" for size, (_, apply) in statements.items())
    previewed = ", ".join(f"{dry_run} at {size:,} rows" for size, (dry_run, _) in statements.items())
    return "\n".join(
        [
            "## Roster imports",
            "",
            f"Target: {TARGET}. Speed: **{ratio:.2f}x** the baseline (dry run + apply {candidate.seconds:.1f} s, "
            f"baseline {baseline:.1f} s); memory growth **{growth / MB:+.1f} MB**; apply statements: {counted}. "
            f"Target {'met' if met else 'missed'}.",
            "",
            "| run | COPY / dry run (s) | merge / apply (s) | total (s) | rows/s |",
            "| --- | ---: | ---: | ---: | ---: |",
            f"| relais serve | {candidate.dry_run:.2f} | {candidate.apply:.2f} | {candidate.seconds:.2f} | "
            f"{file.rows / candidate.seconds:,.0f} |",
            *baseline_rows,
            "",
            _story(file, candidate, idle, counted, previewed, load),
        ]
    )


def _story(file: RosterFile, candidate: Timed, idle: int, counted: str, previewed: str, load: str) -> str:
    return (
        f"The file: {file.rows:,} rows of CSV (CRLF, nine columns) for a roster of 100,000 employees with "
        f"managers: {file.updates:,} moved to another department, {file.creates:,} hired (their managers among "
        f"the file's new rows or the roster), {file.terminations:,} absent and so terminated by the full import; "
        f"the dry run counted {candidate.counts}. `relais serve` (one uvicorn process) read it streamed by httpx "
        "in 64 KiB chunks: each row read (plain ASCII rows by `read_plain_cells`, the others by `read_record`), "
        "COPY'd into staging as read, then four set-based statements (settings and ANALYZE; checks and verdicts "
        "in one join of the file to the roster; managers; counts); the apply is one statement carrying the "
        "verdicts out (inserts, updates, terminations, memberships ended, events) in a repeatable-read "
        "transaction. The baseline is plain asyncpg on copies of the same "
        "roster with all its indexes: `COPY … FROM` the raw file server-side, then one `INSERT … ON CONFLICT "
        "DO UPDATE` resolving managers by a join, no validation, no dry run, no terminations; its two rounds "
        "ran before and after the server's. Server RSS from /proc every 100 ms: "
        f"{idle / MB:.1f} MB after a warm-up import, {candidate.before / MB:.1f} MB before the timed one, "
        f"{candidate.peak / MB:.1f} MB at its peak. Statements of the apply counted by asyncpg's query logger "
        f"in-process on rosters and files of each size: {counted}; of the dry run (the COPY aside): "
        f"{previewed}. Server, client and PostgreSQL share the "
        f"machine. Load average (1/5/15 min): {load}."
    )
