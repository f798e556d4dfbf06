"""Batch reads behind GraphQL DataLoaders: one query for many keys."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, ROSTER_WRITERS, Principal
from app.services.base import UseCase


class LoadEmployees(UseCase):
    async def __call__(self, principal: Principal, employee_ids: Sequence[UUID]) -> list[Employee | None]:
        principal.require_any(ROSTER_READERS | ROSTER_WRITERS)
        async with self._uow(principal.require_tenant()) as uow:
            found = {employee.id: employee for employee in await uow.employees.get_many(employee_ids)}
        return [found.get(employee_id) for employee_id in employee_ids]


class LoadAmbassadorsByEmployee(UseCase):
    async def __call__(self, principal: Principal, employee_ids: Sequence[UUID]) -> list[Ambassador | None]:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            found = {a.employee_id: a for a in await uow.ambassadors.get_many_by_employee(employee_ids)}
        return [found.get(employee_id) for employee_id in employee_ids]
