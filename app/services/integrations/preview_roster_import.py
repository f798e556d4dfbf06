"""Dry-run a roster file: read it as it streams in, stage its rows, and diff them against the roster."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass

from app.domain.integrations.roster_files import FileKind, RosterFileReader
from app.domain.integrations.roster_imports import MAX_ROWS, ImportDraft, ImportMode, RosterImport, StagedRow, staged
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.ports.integrations import RosterImportStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewRosterImportCommand:
    mode: ImportMode
    file_kind: FileKind
    chunks: AsyncIterable[bytes]


class PreviewRosterImport(UseCase):
    """Admins and integrators. The file is read chunk by chunk and its rows copied to the import's
    staging as they are read, so a file of 100,000 rows is never held whole. Each row goes through
    ``read_record`` (a plain CSV row through ``read_plain_cells``, to the same result); the diff then
    checks what needs the whole file and the roster (duplicate external ids or addresses within the
    file, an address another employee holds, managers known neither to the file nor to the roster).
    The roster is not changed: the answer is the dry run, with the counts to create, update,
    terminate and leave unchanged, and every bad row's problems."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, store: RosterImportStore, max_rows: int = MAX_ROWS
    ) -> None:
        super().__init__(uow, clock, ids)
        self._store = store
        self._max_rows = max_rows

    async def __call__(self, principal: Principal, command: PreviewRosterImportCommand) -> RosterImport:
        principal.require_any(ROSTER_WRITERS)
        draft = ImportDraft(
            id=self._ids.new_id(),
            tenant_id=principal.require_tenant(),
            mode=command.mode,
            file_kind=command.file_kind,
            created_by=principal.subject,
            created_at=self._clock.now(),
        )
        reader = RosterFileReader(command.file_kind, max_rows=self._max_rows)
        return await self._store.preview(draft, _staged_rows(reader, command.chunks))


async def _staged_rows(reader: RosterFileReader, chunks: AsyncIterable[bytes]) -> AsyncIterator[StagedRow]:
    async for chunk in chunks:
        for row in reader.feed(chunk):
            yield staged(row)
    for row in reader.finish():
        yield staged(row)
