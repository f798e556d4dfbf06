"""The statements a dry run and an apply send, counted in-process at two sizes: they must not grow
with the rows. asyncpg's query logger sees every statement but the COPY (the same one at any size)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.integrations.import_store import PostgresRosterImportStore
from app.adapters.system import Uuid7Generator
from app.domain.integrations.roster_files import FileKind, RosterFileReader
from app.domain.integrations.roster_imports import ImportDraft, ImportMode, StagedRow, staged
from bench.roster_seed import seed_roster, write_file


async def _rows(path: Path) -> AsyncIterator[StagedRow]:
    reader = RosterFileReader(FileKind.CSV, max_rows=100_000)
    with path.open("rb") as file:
        while chunk := file.read(65536):
            for row in reader.feed(chunk):
                yield staged(row)
    for row in reader.finish():
        yield staged(row)


async def apply_statements(url: str, folder: Path, sizes: tuple[int, ...]) -> dict[int, tuple[int, int]]:
    """For each size, a tenant of that many employees and its file, previewed and applied; the
    statements of the dry run and of the apply (their transaction's begin and commit included)."""
    seen: list[str] = []

    def log(record: Any) -> None:
        seen.append(record.query)

    counts = {}
    pool = await create_pool(url, size=2, query_logger=log)
    try:
        store, ids = PostgresRosterImportStore(pool), Uuid7Generator()
        for size in sizes:
            tenant_id = await seed_roster(url, size, slug=f"statements-{size}")
            path = write_file(folder / f"statements-{size}.csv", size).path
            now = datetime.now(UTC)
            draft = ImportDraft(
                id=ids.new_id(), tenant_id=tenant_id, mode=ImportMode.FULL, file_kind=FileKind.CSV,
                created_by="bench", created_at=now,
            )  # fmt: skip
            seen.clear()
            await store.preview(draft, _rows(path))
            previewed = len(seen)
            seen.clear()
            await store.apply(
                tenant_id, draft.id, confirm_mass_termination=False, applied_by="bench", now=now, today=now.date()
            )
            counts[size] = (previewed, len(seen))
    finally:
        await pool.close()
    return counts
