"""Read one incident with its timeline, or page through them."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.incidents import Incident
from app.domain.roster.identity import Principal
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.incidents.access import INCIDENT_STAFF, require_incident


class GetIncident(UseCase):
    """Moderators and admins: the whole file, its timeline oldest entry first."""

    async def __call__(self, principal: Principal, incident_id: UUID) -> Incident:
        principal.require_any(INCIDENT_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            return await require_incident(uow, incident_id)


class ListIncidents(UseCase):
    """Moderators and admins, in the order incidents were reported, by status and severity."""

    async def __call__(self, principal: Principal, criteria: IncidentFilter, page: PageRequest) -> Page[Incident]:
        principal.require_any(INCIDENT_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.incidents.list(criteria, page)
