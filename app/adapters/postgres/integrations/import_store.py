"""Roster imports on asyncpg: the file's rows COPY'd into staging as they are read, diffed by a fixed
handful of set-based statements, and applied by one.

Both transactions are repeatable read: the dry run's statements all see one roster, and an apply
whose rows someone changes meanwhile fails (as a serialization failure) rather than overwrite them.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.integrations import import_apply_sql as apply_sql
from app.adapters.postgres.integrations import import_diff_sql as diff_sql
from app.adapters.postgres.integrations.import_mappers import roster_import, row_error
from app.adapters.postgres.integrations.import_repeats import Repeats
from app.domain.errors import NotFound
from app.domain.integrations.roster_files import RowProblem
from app.domain.integrations.roster_imports import (
    DEFAULT_MASS_TERMINATION_PERCENT,
    ImportDraft,
    RosterImport,
    RowError,
    StagedRow,
)
from app.domain.integrations.roster_refusals import RosterChanged
from app.domain.messages import Message
from app.ports.pagination import Page, PageRequest

STAGED_COLUMNS = (
    "tenant_id",
    "import_id",
    "line",
    "external_id",
    "given",
    "email",
    "given_name",
    "family_name",
    "department",
    "location",
    "manager_external_id",
    "language",
    "hired_on",
    "terminated_on",
    "problems",
)
VALUE_COLUMNS = STAGED_COLUMNS[5:14]
# Rows noted for repeats at a time (see ``Repeats``).
BATCH = 512

INSERT_IMPORT = """
INSERT INTO roster_imports (
    tenant_id, id, mode, status, file_kind, rows, bad_rows, error_count, to_create, to_update, to_terminate,
    unchanged, active_employees, roster_stamp, created_by, created_at, mass_termination_confirmed, version
) VALUES ($1, $2, $3, 'previewed', $4, 0, 0, 0, 0, 0, 0, 0, 0, '', $5, $6, false, 1)
"""
GET = "SELECT * FROM roster_imports WHERE tenant_id = $1 AND id = $2"
LIST = """
SELECT * FROM roster_imports WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3
"""
ERRORS = """
SELECT r.line, p.item ->> 'column' AS column, p.item ->> 'template' AS template, p.item -> 'params' AS params
FROM roster_import_rows AS r, jsonb_array_elements(r.problems) WITH ORDINALITY AS p(item, position)
WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.problems IS NOT NULL AND r.line > $3
ORDER BY r.line, p.position
LIMIT $4
"""
# What an apply meets when the roster moved under it: a row changed by someone else, an address
# taken, an employee gone.
MOVED = (
    asyncpg.SerializationError,
    asyncpg.UniqueViolationError,
    asyncpg.ForeignKeyViolationError,
    asyncpg.DeadlockDetectedError,
)


def _problems(problems: tuple[RowProblem, ...]) -> str | None:
    if not problems:
        return None
    return json.dumps(
        [
            {
                "column": problem.column,
                "template": problem.message.template if isinstance(problem.message, Message) else problem.message,
                "params": problem.message.params if isinstance(problem.message, Message) else {},
            }
            for problem in problems
        ],
        default=str,
    )


async def _records(
    draft: ImportDraft, rows: AsyncIterable[StagedRow], repeats: Repeats
) -> AsyncIterator[tuple[Any, ...]]:
    tenant_id, import_id = draft.tenant_id, draft.id
    batch: list[StagedRow] = []
    async for row in rows:
        batch.append(row)
        if len(batch) < BATCH:
            continue
        repeats.see(batch)
        for staged in batch:
            yield _record(tenant_id, import_id, staged)
        batch.clear()
    repeats.see(batch)
    for staged in batch:
        yield _record(tenant_id, import_id, staged)


def _listed(lines: list[int]) -> str:
    return ",".join(map(str, lines))


def _record(tenant_id: UUID, import_id: UUID, row: StagedRow) -> tuple[Any, ...]:
    return (
        tenant_id,
        import_id,
        row.line,
        row.external_id,
        row.given,
        *map(row.values.get, VALUE_COLUMNS),
        _problems(row.problems) if row.problems else None,
    )


class PostgresRosterImportStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def preview(self, draft: ImportDraft, rows: AsyncIterable[StagedRow]) -> RosterImport:
        tenant, import_id = draft.tenant_id, draft.id
        async with self._pool.acquire() as connection, connection.transaction(isolation="repeatable_read"):
            await connection.execute(
                INSERT_IMPORT, tenant, import_id, draft.mode.value, draft.file_kind.value, draft.created_by,
                draft.created_at,
            )  # fmt: skip
            repeats = Repeats()
            copied = await connection.copy_records_to_table(
                "roster_import_rows", records=_records(draft, rows, repeats), columns=STAGED_COLUMNS
            )
            await connection.execute(diff_sql.PREPARE)
            prefix = import_id.hex[:24]
            key_lines, address_lines = repeats.key_lines, repeats.address_lines
            await connection.execute(
                diff_sql.CHECK,
                tenant,
                import_id,
                _listed(key_lines),
                None if address_lines is None else _listed(address_lines),
                prefix,
            )
            await connection.execute(diff_sql.MANAGERS, tenant, import_id, prefix)
            summary = await connection.fetchrow(
                diff_sql.SUMMARY, tenant, import_id, draft.mode.value, int(copied.split()[-1])
            )
        return roster_import(summary)

    async def get(self, tenant_id: UUID, import_id: UUID) -> RosterImport | None:
        async with self._pool.acquire() as connection:
            found = await connection.fetchrow(GET, tenant_id, import_id)
        return None if found is None else roster_import(found)

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[RosterImport]:
        async with self._pool.acquire() as connection:
            found = await connection.fetch(LIST, tenant_id, page.after, page.limit + 1)
        items = [roster_import(record) for record in found[: page.limit]]
        return Page(items=items, next_after=items[-1].id if len(found) > page.limit else None)

    async def errors(self, tenant_id: UUID, import_id: UUID, after_line: int, limit: int) -> Sequence[RowError]:
        async with self._pool.acquire() as connection:
            found = await connection.fetch(ERRORS, tenant_id, import_id, after_line, limit)
        return [row_error(record) for record in found]

    async def apply(
        self,
        tenant_id: UUID,
        import_id: UUID,
        *,
        confirm_mass_termination: bool,
        applied_by: str,
        now: datetime,
        today: date,
    ) -> RosterImport:
        try:
            async with self._pool.acquire() as connection, connection.transaction(isolation="repeatable_read"):
                locked = await connection.fetchrow(apply_sql.LOCK, tenant_id, import_id)
                if locked is None:
                    raise NotFound("roster import", import_id)
                imported = roster_import(locked)
                percent = locked["mass_termination_percent"]
                imported.require_applicable(
                    percent=DEFAULT_MASS_TERMINATION_PERCENT if percent is None else percent,
                    confirmed=confirm_mass_termination,
                )
                # A staging emptied by a crash (it is unlogged) must not read as a file naming nobody.
                if locked["current_stamp"] != locked["roster_stamp"] or locked["staged_rows"] != imported.rows:
                    raise RosterChanged()
                applied = await connection.fetchrow(
                    apply_sql.APPLY, tenant_id, import_id, now, today, imported.mode.value, applied_by,
                    confirm_mass_termination,
                )  # fmt: skip
        except MOVED as moved:
            raise RosterChanged() from moved
        return roster_import(applied)
