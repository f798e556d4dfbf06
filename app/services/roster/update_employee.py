"""Change an employee's profile, optionally guarded by the version the client last saw."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.employees import Employee
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEmployeeCommand:
    employee_id: UUID
    changes: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


class UpdateEmployee(UseCase):
    """Roster writers only; a terminated employee's record is frozen."""

    async def __call__(self, principal: Principal, command: UpdateEmployeeCommand) -> Employee:
        principal.require_any(ROSTER_WRITERS)
        async with self._uow(principal.require_tenant()) as uow:
            employee = await uow.employees.get(command.employee_id, for_update=True)
            if employee is None:
                raise NotFound("employee", command.employee_id)
            employee.require_version(command.expected_version)
            employee.update(command.changes, self._clock.now())
            await uow.employees.save(employee)
            await uow.commit()
        return employee
