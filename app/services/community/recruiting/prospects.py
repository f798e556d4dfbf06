"""Prospects: active employees who are not members of the programme yet, for staff to recruit from."""

from __future__ import annotations

from app.domain.community.recruiting import Prospect
from app.domain.roster.identity import PROGRAMME_STAFF, Principal
from app.ports.community_recruiting import ProspectFacets, ProspectFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase, check_filters


class ListProspects(UseCase):
    """Admins and managers page through the active employees who are not active or paused members:
    never invited, invited without joining yet, or left. Filtered by exact department, location and
    standing; one statement a page."""

    async def __call__(self, principal: Principal, criteria: ProspectFilter, page: PageRequest) -> Page[Prospect]:
        principal.require_any(PROGRAMME_STAFF)
        check_filters(department=criteria.department, location=criteria.location)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.recruiting.prospects(criteria, page)


class CountProspects(UseCase):
    """Admins and managers count the prospects a filter matches, by department and by location."""

    async def __call__(self, principal: Principal, criteria: ProspectFilter) -> ProspectFacets:
        principal.require_any(PROGRAMME_STAFF)
        check_filters(department=criteria.department, location=criteria.location)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.recruiting.prospect_facets(criteria)
