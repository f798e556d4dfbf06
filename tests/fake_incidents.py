"""Incidents in memory, refusing what the PostgreSQL tables' keys and checks refuse."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.community.incident_values import IncidentStatus
from app.domain.community.incidents import Incident
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(incident: Incident) -> Incident:
    return replace(incident, timeline=list(incident.timeline), appended=[], pending_events=[])


class FakeIncidentRepository(_Repository):
    def _check(self, incident: Incident) -> None:
        self._require_own(incident.tenant_id)
        self._require_tenant_row(incident.tenant_id)
        if incident.ambassador_id and self._tx.ambassadors.get((incident.tenant_id, incident.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {incident.ambassador_id}.")
        if (incident.status is IncidentStatus.RESOLVED) != (incident.resolution is not None):
            raise IntegrityViolationError("A resolved incident, and only one, holds its resolution.")

    async def add(self, incident: Incident) -> None:
        self._check(incident)
        if self._tx.incidents.get((incident.tenant_id, incident.id)) is not None:
            raise IntegrityViolationError(f"Incident {incident.id} already exists.")
        self._store(incident)

    async def save(self, incident: Incident) -> None:
        self._check(incident)
        self._store(incident)

    def _store(self, incident: Incident) -> None:
        incident.appended.clear()
        self._tx.incidents.put((incident.tenant_id, incident.id), _copy(incident))
        self._tracker.track(incident)

    async def get(self, incident_id: UUID, *, for_update: bool = False) -> Incident | None:
        found: Incident | None = self._tx.incidents.get((self._tenant_id, incident_id))
        return _copy(found) if found is not None else None

    async def list(self, criteria: IncidentFilter, page: PageRequest) -> Page[Incident]:
        rows: list[Incident] = [
            _copy(row)
            for row in self._tx.incidents.rows()
            if row.tenant_id == self._tenant_id
            and (criteria.status is None or row.status is criteria.status)
            and (criteria.severity is None or row.severity is criteria.severity)
        ]
        return keyset_page(rows, page)
