"""PostgreSQL repository of incidents, scoped to the unit of work's tenant: an incident and its
timeline read in two statements, a page of them in two as well."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.community.incidents.mappers import (
    action_from_row,
    action_values,
    incident_from_row,
    incident_values,
)
from app.adapters.postgres.community.incidents.tables import incident_actions, incidents
from app.adapters.postgres.repository import _Repository
from app.domain.community.incident_values import IncidentAction
from app.domain.community.incidents import Incident
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import Page, PageRequest

_i = incidents.c
_a = incident_actions.c
Timeline = list[IncidentAction]
_FIXED = ("tenant_id", "id", "share_id", "content_id", "reported_by", "created_at")


class PostgresIncidentRepository(_Repository):
    async def add(self, incident: Incident) -> None:
        self._require_own(incident.tenant_id)
        await self._write(sa.insert(incidents).values(incident_values(incident)), incident)
        await self._append(incident)

    async def save(self, incident: Incident) -> None:
        self._require_own(incident.tenant_id)
        values = {k: v for k, v in incident_values(incident).items() if k not in _FIXED}
        statement = sa.update(incidents).where(_i.tenant_id == self._tenant_id, _i.id == incident.id).values(values)
        await self._write(statement, incident)
        await self._append(incident)

    async def _append(self, incident: Incident) -> None:
        if incident.appended:
            rows = [action_values(incident.tenant_id, incident.id, action) for action in incident.appended]
            await self._write(sa.insert(incident_actions).values(rows))
            incident.appended.clear()

    async def get(self, incident_id: UUID, *, for_update: bool = False) -> Incident | None:
        statement = sa.select(incidents).where(_i.tenant_id == self._tenant_id, _i.id == incident_id)
        row = (await self._session.execute(statement.with_for_update() if for_update else statement)).one_or_none()
        if row is None:
            return None
        timelines = await self._timelines([incident_id])
        return incident_from_row(row, timelines.get(incident_id, []))

    async def list(self, criteria: IncidentFilter, page: PageRequest) -> Page[Incident]:
        statement = sa.select(incidents).where(_i.tenant_id == self._tenant_id)
        if criteria.status is not None:
            statement = statement.where(_i.status == criteria.status.value)
        if criteria.severity is not None:
            statement = statement.where(_i.severity == criteria.severity.value)
        found = await self._page(statement, _i.id, page, lambda row: row)
        timelines = await self._timelines([row.id for row in found.items]) if found.items else {}
        return found.with_items([incident_from_row(row, timelines.get(row.id, [])) for row in found.items])

    async def _timelines(self, incident_ids: Sequence[UUID]) -> dict[UUID, Timeline]:
        statement = (
            sa.select(incident_actions)
            .where(_a.tenant_id == self._tenant_id, _a.incident_id.in_(incident_ids))
            .order_by(_a.incident_id, _a.id)
        )
        timelines: dict[UUID, Timeline] = {}
        for row in (await self._session.execute(statement)).all():
            timelines.setdefault(row.incident_id, []).append(action_from_row(row))
        return timelines
