"""The roster benchmark's data: a tenant of 100,000 employees seeded by COPY, and the nightly file the
HRIS would send about them (some moved, some hired, a few gone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import asyncpg

from app.adapters.postgres.database import plain_dsn
from bench.leaderboard_seed import _uuid7

HEADER = "external_id,email,given_name,family_name,department,location,manager_external_id,language,hired_on"
EMPLOYEE_COLUMNS = (
    "tenant_id",
    "id",
    "external_id",
    "email",
    "given_name",
    "family_name",
    "department",
    "location",
    "manager_id",
    "language",
    "status",
    "hired_on",
    "version",
    "created_at",
    "updated_at",
)
TEAM = 50  # each employee's manager leads the team of 50 before theirs


@dataclass(frozen=True, slots=True)
class RosterFile:
    path: Path
    rows: int
    creates: int
    updates: int
    terminations: int


def key(number: int) -> str:
    return f"E{number:07d}"


def manager_of(number: int) -> int | None:
    return None if number < TEAM else (number // TEAM - 1) * TEAM


def department(number: int, moved: bool) -> str:
    return f"Department {(number + (1 if moved else 0)) % 40}"


def hired_on(number: int) -> date:
    return date(2010 + number % 15, 1 + number % 12, 1 + number % 28)


async def seed_roster(url: str, employees: int, slug: str = "bench") -> UUID:
    """A tenant of ``employees`` active employees, each with an external id and a manager, by COPY."""
    now = datetime.now(UTC)
    millis = int(now.timestamp() * 1000)
    tenant_id = _uuid7(millis, employees + 1)
    ids = [_uuid7(millis, number) for number in range(employees)]
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        await connection.execute(
            "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, $2, 'Acme', $3)", tenant_id, slug, now
        )
        rows = []
        for number in range(employees):
            manager = manager_of(number)
            rows.append(
                (
                    tenant_id, ids[number], key(number), f"person{number}@acme.example", f"Given{number}",
                    f"Family{number}", department(number, False), f"City {number % 7}",
                    None if manager is None else ids[manager], "en", "active", hired_on(number), 1, now, now,
                )
            )  # fmt: skip
        await connection.copy_records_to_table("employees", records=rows, columns=EMPLOYEE_COLUMNS)
        await connection.execute("VACUUM ANALYZE employees")
    finally:
        await connection.close()
    return tenant_id


def write_file(path: Path, employees: int, *, moved_every: int = 10, gone_every: int = 100) -> RosterFile:
    """The HRIS's full roster: one in ``gone_every`` employees left (absent), one in ``moved_every``
    changed department (0: none of either), and as many hires as leavers: ``employees`` rows."""
    gone = {number for number in range(employees) if gone_every and number % gone_every == gone_every - 1}
    hires = len(gone)
    rows = updates = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(HEADER + "\r\n")
        for number in [n for n in range(employees) if n not in gone] + list(range(employees, employees + hires)):
            moved = bool(moved_every) and number < employees and number % moved_every == 0
            updates += moved
            manager = manager_of(number)
            file.write(
                f"{key(number)},person{number}@acme.example,Given{number},Family{number},"
                f"{department(number, moved)},City {number % 7},{'' if manager is None else key(manager)},en,"
                f"{hired_on(number).isoformat()}\r\n"
            )
            rows += 1
    return RosterFile(path, rows, hires, updates, len(gone))
