"""The roster imports' store: staging, diffing and applying on PostgreSQL's bulk paths (COPY and
set-based statements), which no repository of single aggregates could do at 100,000 rows."""

from __future__ import annotations

from collections.abc import AsyncIterable, Sequence
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from app.domain.integrations.roster_imports import ImportDraft, RosterImport, RowError, StagedRow
from app.ports.pagination import Page, PageRequest


class RosterImportStore(Protocol):
    async def preview(self, draft: ImportDraft, rows: AsyncIterable[StagedRow]) -> RosterImport:
        """Stage ``rows`` as they come and diff them against the tenant's roster, changing nothing
        of it; answers the import, ``previewed``. Nothing is kept when reading the rows fails."""
        ...

    async def get(self, tenant_id: UUID, import_id: UUID) -> RosterImport | None: ...

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[RosterImport]:
        """Newest first."""
        ...

    async def errors(self, tenant_id: UUID, import_id: UUID, after_line: int, limit: int) -> Sequence[RowError]:
        """The bad rows' problems, by line then column, from the line after ``after_line``."""
        ...

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
        """Apply the dry run's diff in one transaction, or refuse: ``NotFound``, ``ImportAlreadyApplied``,
        ``RosterChanged`` (the roster is not as the dry run saw it), ``MassTermination``."""
        ...
