"""Training modules and progress in memory, refusing what the PostgreSQL tables' keys and checks refuse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from app.domain.community.training import ModuleStatus, TrainingModule
from app.domain.community.training_progress import ModuleCompletion, TrainingProgress
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(row: Any) -> Any:
    return replace(row, pending_events=[])


class FakeTrainingModuleRepository(_Repository):
    def _rows(self) -> list[TrainingModule]:
        rows = self._tx.training.rows()
        return [r for r in rows if isinstance(r, TrainingModule) and r.tenant_id == self._tenant_id]

    async def add(self, module: TrainingModule) -> None:
        self._require_own(module.tenant_id)
        self._require_tenant_row(module.tenant_id)
        key = ("module", module.tenant_id, module.id)
        if self._tx.training.get(key) is not None:
            raise IntegrityViolationError(f"Training module {module.id} already exists.")
        self._tx.training.put(key, _copy(module))
        self._tracker.track(module)

    async def save(self, module: TrainingModule) -> None:
        self._require_own(module.tenant_id)
        self._tx.training.put(("module", module.tenant_id, module.id), _copy(module))
        self._tracker.track(module)

    async def get(self, module_id: UUID, *, for_update: bool = False) -> TrainingModule | None:
        found = self._tx.training.get(("module", self._tenant_id, module_id))
        return _copy(found) if found is not None else None

    async def list(self, status: ModuleStatus | None, page: PageRequest) -> Page[TrainingModule]:
        rows = [r for r in self._rows() if status is None or r.status is status]
        return keyset_page([_copy(r) for r in rows], page)

    async def missing(self, ambassador_id: UUID, module_ids: Sequence[UUID]) -> Sequence[tuple[UUID, str]]:
        done = {
            row.module_id
            for row in self._tx.training.rows()
            if isinstance(row, TrainingProgress)
            and row.tenant_id == self._tenant_id
            and row.ambassador_id == ambassador_id
            and row.completed_at is not None
        }
        return sorted(
            (m.id, m.fields.title)
            for m in self._rows()
            if m.id in set(module_ids) and m.status is ModuleStatus.PUBLISHED and m.id not in done
        )


class FakeTrainingProgressRepository(_Repository):
    def _rows(self) -> list[TrainingProgress]:
        rows = self._tx.training.rows()
        return [r for r in rows if isinstance(r, TrainingProgress) and r.tenant_id == self._tenant_id]

    def _check(self, item: TrainingProgress) -> None:
        self._require_own(item.tenant_id)
        if self._tx.training.get(("module", item.tenant_id, item.module_id)) is None:
            raise IntegrityViolationError(f"No training module {item.module_id}.")
        if self._tx.ambassadors.get((item.tenant_id, item.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {item.ambassador_id}.")

    async def add(self, item: TrainingProgress) -> None:
        self._check(item)
        if any(r.module_id == item.module_id and r.ambassador_id == item.ambassador_id for r in self._rows()):
            raise IntegrityViolationError("One progress per ambassador and module.")
        self._tx.training.put(("progress", item.tenant_id, item.id), _copy(item))
        self._tracker.track(item)

    async def save(self, item: TrainingProgress) -> None:
        self._check(item)
        self._tx.training.put(("progress", item.tenant_id, item.id), _copy(item))
        self._tracker.track(item)

    async def get(self, module_id: UUID, ambassador_id: UUID, *, for_update: bool = False) -> TrainingProgress | None:
        found = [r for r in self._rows() if r.module_id == module_id and r.ambassador_id == ambassador_id]
        return _copy(found[0]) if found else None

    async def completions(self, module_id: UUID, page: PageRequest) -> Page[TrainingProgress]:
        rows = [r for r in self._rows() if r.module_id == module_id and r.completed_at is not None]
        return keyset_page([_copy(r) for r in rows], page)

    async def summary(self, module_id: UUID) -> ModuleCompletion:
        rows = [r for r in self._rows() if r.module_id == module_id]
        active = [
            a
            for a in self._tx.ambassadors.rows()
            if a.tenant_id == self._tenant_id and a.status is MembershipStatus.ACTIVE
        ]
        return ModuleCompletion(
            module_id=module_id,
            completions=sum(1 for r in rows if r.completed_at is not None),
            in_progress=sum(1 for r in rows if r.completed_at is None),
            active_ambassadors=len(active),
        )
