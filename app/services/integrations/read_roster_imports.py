"""Read roster imports: one, the list, and the problems of an import's bad rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.integrations.roster_imports import RosterImport, RowError
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.ports.integrations import RosterImportStore
from app.ports.pagination import Page, PageRequest
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase


class _ReadsImports(UseCase):
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, store: RosterImportStore) -> None:
        super().__init__(uow, clock, ids)
        self._store = store


class GetRosterImport(_ReadsImports):
    """Admins and integrators, their own organisation's imports only."""

    async def __call__(self, principal: Principal, import_id: UUID) -> RosterImport:
        principal.require_any(ROSTER_WRITERS)
        found = await self._store.get(principal.require_tenant(), import_id)
        if found is None:
            raise NotFound("roster import", import_id)
        return found


class ListRosterImports(_ReadsImports):
    """Admins and integrators: their organisation's imports, newest first."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[RosterImport]:
        principal.require_any(ROSTER_WRITERS)
        return await self._store.list(principal.require_tenant(), page)


@dataclass(frozen=True, slots=True, kw_only=True)
class RowErrorPage:
    items: Sequence[RowError]
    next_line: int | None


class ListRowErrors(_ReadsImports):
    """Admins and integrators: the bad rows' problems of one import, by line, a page at a time."""

    async def __call__(self, principal: Principal, import_id: UUID, after_line: int, limit: int) -> RowErrorPage:
        principal.require_any(ROSTER_WRITERS)
        tenant_id = principal.require_tenant()
        if await self._store.get(tenant_id, import_id) is None:
            raise NotFound("roster import", import_id)
        # One more than asked: the problems of one line are never split across pages.
        items = await self._store.errors(tenant_id, import_id, after_line, limit + 1)
        if len(items) <= limit:
            return RowErrorPage(items=items, next_line=None)
        last_line = items[limit - 1].line
        kept = [item for item in items if item.line <= last_line]
        return RowErrorPage(items=kept, next_line=last_line)
