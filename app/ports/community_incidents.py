"""Ports of incidents: their repository, used inside the unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from app.domain.community.incident_values import IncidentStatus, Severity
from app.domain.community.incidents import Incident
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    status: IncidentStatus | None = None
    severity: Severity | None = None


class IncidentRepository(Protocol):
    async def add(self, incident: Incident) -> None: ...

    async def save(self, incident: Incident) -> None:
        """Store its changes and append the timeline entries it gained since it was read."""
        ...

    async def get(self, incident_id: UUID, *, for_update: bool = False) -> Incident | None:
        """The incident with its whole timeline, oldest entry first."""
        ...

    async def list(self, criteria: IncidentFilter, page: PageRequest) -> Page[Incident]:
        """In the order they were reported, each with its timeline."""
        ...
