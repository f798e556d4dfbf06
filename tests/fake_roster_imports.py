"""An in-memory roster import store over the fake database: the same diff as PostgreSQL's, row by row."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.integrations.roster_imports import (
    DEFAULT_MASS_TERMINATION_PERCENT,
    DiffCounts,
    ImportDraft,
    ImportStatus,
    RosterImport,
    RowError,
    StagedRow,
)
from app.domain.integrations.roster_refusals import RosterChanged
from app.domain.roster.employees import Employee, EmployeeProfile
from app.ports.pagination import Page, PageRequest
from app.ports.system import IdGenerator
from tests.fake_storage import FakeDatabase

PROFILE_FIELDS = ("email", "given_name", "family_name", "department", "location", "language", "hired_on")


class FakeRosterImportStore:
    def __init__(self, database: FakeDatabase, ids: IdGenerator) -> None:
        self._db = database
        self._ids = ids
        self._imports: dict[tuple[UUID, UUID], RosterImport] = {}
        self._rows: dict[UUID, list[StagedRow]] = {}
        self._stamps: dict[UUID, tuple[int, int]] = {}

    def _roster(self, tenant_id: UUID) -> list[Employee]:
        return [employee for (tenant, _), employee in self._db.employees.items() if tenant == tenant_id]

    def _stamp(self, tenant_id: UUID) -> tuple[int, int]:
        roster = self._roster(tenant_id)
        return len(roster), sum(employee.version for employee in roster)

    def _errors(self, rows: Sequence[StagedRow]) -> list[RowError]:
        keys = Counter(row.external_id for row in rows if row.external_id)
        errors = [RowError(row.line, problem.column, problem.message) for row in rows for problem in row.problems]
        errors += [
            RowError(row.line, "external_id", "The same external id is on another line too.")
            for row in rows
            if row.external_id and keys[row.external_id] > 1
        ]
        return sorted(errors, key=lambda error: error.line)

    async def preview(self, draft: ImportDraft, rows: AsyncIterable[StagedRow]) -> RosterImport:
        staged = [row async for row in rows]
        errors = self._errors(staged)
        bad = {error.line for error in errors}
        by_key = {e.profile.external_id: e for e in self._roster(draft.tenant_id) if e.profile.external_id}
        counts: Counter[str] = Counter()
        for row in staged:
            if row.line not in bad:
                counts[self._action(row, by_key.get(row.external_id or ""))] += 1
        named = {row.external_id for row in staged}
        active = [e for e in self._roster(draft.tenant_id) if e.is_active]
        if draft.mode.value == "full":
            counts["terminate"] += sum(
                1 for e in active if e.profile.external_id and e.profile.external_id not in named
            )
        imported = RosterImport(
            id=draft.id,
            tenant_id=draft.tenant_id,
            mode=draft.mode,
            status=ImportStatus.PREVIEWED,
            file_kind=draft.file_kind,
            rows=len(staged),
            bad_rows=len(bad),
            error_count=len(errors),
            counts=DiffCounts(**{name: counts[name] for name in ("create", "update", "terminate", "unchanged")}),
            active_employees=len(active),
            created_by=draft.created_by,
            created_at=draft.created_at,
        )
        self._imports[(draft.tenant_id, draft.id)] = imported
        self._rows[draft.id] = [row for row in staged if row.line not in bad]
        self._stamps[draft.id] = self._stamp(draft.tenant_id)
        return imported

    def _action(self, row: StagedRow, employee: Employee | None) -> str:
        if employee is None:
            return "create"
        if row.values.get("terminated_on") and employee.is_active:
            return "terminate"
        profile = employee.profile
        changed = any(name in row.values and row.values[name] != getattr(profile, name) for name in PROFILE_FIELDS)
        return "update" if changed else "unchanged"

    async def get(self, tenant_id: UUID, import_id: UUID) -> RosterImport | None:
        return self._imports.get((tenant_id, import_id))

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[RosterImport]:
        mine = sorted((i for (t, _), i in self._imports.items() if t == tenant_id), key=lambda i: i.id, reverse=True)
        mine = [i for i in mine if page.after is None or i.id < page.after]
        items = mine[: page.limit]
        return Page(items=items, next_after=items[-1].id if len(mine) > page.limit else None)

    async def errors(self, tenant_id: UUID, import_id: UUID, after_line: int, limit: int) -> Sequence[RowError]:
        return []

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
        imported = self._imports.get((tenant_id, import_id))
        if imported is None:
            raise NotFound("roster import", import_id)
        imported.require_applicable(percent=DEFAULT_MASS_TERMINATION_PERCENT, confirmed=confirm_mass_termination)
        if self._stamps[import_id] != self._stamp(tenant_id):
            raise RosterChanged()
        by_key = {e.profile.external_id: e for e in self._roster(tenant_id) if e.profile.external_id}
        for row in self._rows[import_id]:
            self._apply_row(tenant_id, row, by_key.get(row.external_id or ""), now)
        if imported.mode.value == "full":
            named = {row.external_id for row in self._rows[import_id]}
            for employee in by_key.values():
                if employee.is_active and employee.profile.external_id not in named:
                    employee.terminate(on=today, now=now)
        applied = replace(imported, status=ImportStatus.APPLIED, applied_by=applied_by, applied_at=now)
        self._imports[(tenant_id, import_id)] = applied
        return applied

    def _apply_row(self, tenant_id: UUID, row: StagedRow, employee: Employee | None, now: datetime) -> None:
        values: dict[str, Any] = {name: row.values[name] for name in PROFILE_FIELDS if name in row.values}
        if employee is None:
            hired = Employee.hire(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                profile=EmployeeProfile(external_id=row.external_id, **values),
                now=now,
            )
            self._db.employees[(tenant_id, hired.id)] = hired
        elif row.values.get("terminated_on") and employee.is_active:
            on = row.values["terminated_on"]
            assert isinstance(on, date)
            employee.terminate(on=on, now=now)
        elif employee.is_active:
            employee.update(values, now)
