"""Page through the roster, filtered by department, location, status or a search text."""

from __future__ import annotations

from app.domain.roster.employees import Employee
from app.domain.roster.identity import ROSTER_READERS, ROSTER_WRITERS, Principal
from app.ports.pagination import Page, PageRequest
from app.ports.roster import EmployeeFilter
from app.services.base import UseCase, check_filters


class ListEmployees(UseCase):
    async def __call__(self, principal: Principal, criteria: EmployeeFilter, page: PageRequest) -> Page[Employee]:
        principal.require_any(ROSTER_READERS | ROSTER_WRITERS)
        check_filters(department=criteria.department, location=criteria.location, q=criteria.query)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.employees.list(criteria, page)
