"""The roster import's baseline: plain asyncpg, the bare minimum a merge of the file takes. The raw
file is COPY'd into a staging table and merged into a copy of the roster with one ``INSERT … ON
CONFLICT`` (managers resolved by a join); no validation, no dry run, no terminations, no events."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import asyncpg

from app.adapters.postgres.database import plain_dsn

STAGING = """
CREATE UNLOGGED TABLE IF NOT EXISTS baseline_staging (
    external_id text, email text, given_name text, family_name text, department text, location text,
    manager_external_id text, language text, hired_on text
)
"""
MERGE = """
INSERT INTO {table} AS e (
    tenant_id, id, external_id, email, given_name, family_name, department, location, manager_id, language,
    status, hired_on, version, created_at, updated_at
)
SELECT $1, gen_random_uuid(), s.external_id, s.email, s.given_name, s.family_name, s.department, s.location,
       m.id, s.language, 'active', s.hired_on::date, 1, now(), now()
FROM baseline_staging AS s
LEFT JOIN {table} AS m ON m.tenant_id = $1 AND m.external_id = s.manager_external_id
ON CONFLICT (tenant_id, external_id) DO UPDATE
SET email = excluded.email, given_name = excluded.given_name, family_name = excluded.family_name,
    department = excluded.department, location = excluded.location, manager_id = excluded.manager_id,
    language = excluded.language, hired_on = excluded.hired_on, version = e.version + 1, updated_at = now()
WHERE (e.email, e.given_name, e.family_name, e.department, e.location, e.manager_id, e.language, e.hired_on)
    IS DISTINCT FROM (excluded.email, excluded.given_name, excluded.family_name, excluded.department,
                      excluded.location, excluded.manager_id, excluded.language, excluded.hired_on)
"""


@dataclass(frozen=True, slots=True)
class Merged:
    copy_seconds: float
    merge_seconds: float
    merged: int

    @property
    def seconds(self) -> float:
        return self.copy_seconds + self.merge_seconds


def _table(number: int) -> str:
    return f"baseline_employees_{number}"


async def baseline_copies(url: str, tenant_id: UUID, count: int) -> None:
    """Copies of the roster, with every index of the real one, for the baseline's rounds."""
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        for number in range(count):
            table = _table(number)
            await connection.execute(f"CREATE TABLE {table} (LIKE employees INCLUDING ALL)")
            copy = f"INSERT INTO {table} SELECT * FROM employees WHERE tenant_id = $1"  # noqa: S608 - our own name
            await connection.execute(copy, tenant_id)
            await connection.execute(f"VACUUM ANALYZE {table}")
        await connection.execute(STAGING)
    finally:
        await connection.close()


async def merge(url: str, tenant_id: UUID, path: Path, number: int) -> Merged:
    """One round: the file COPY'd and merged into roster copy ``number``, timed from the first byte."""
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        await connection.execute("TRUNCATE baseline_staging")
        started = time.monotonic()
        async with connection.transaction():
            await connection.copy_to_table("baseline_staging", source=path, format="csv", header=True)
            copied = time.monotonic()
            status = await connection.execute(MERGE.format(table=_table(number)), tenant_id)
        done = time.monotonic()
    finally:
        await connection.close()
    return Merged(copied - started, done - copied, int(status.split()[-1]))
