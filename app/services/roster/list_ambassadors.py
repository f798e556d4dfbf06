"""Page through memberships, filtered by status or by the employee's department and location."""

from __future__ import annotations

from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal
from app.ports.pagination import Page, PageRequest
from app.ports.roster import AmbassadorFilter
from app.services.base import UseCase, check_filters


class ListAmbassadors(UseCase):
    async def __call__(self, principal: Principal, criteria: AmbassadorFilter, page: PageRequest) -> Page[Ambassador]:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        check_filters(department=criteria.department, location=criteria.location)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.ambassadors.list(criteria, page)
