"""Report an incident: by staff, or flagged on a share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from app.domain.community.incident_values import Assignee, Nature, Severity
from app.domain.community.incidents import FlaggedShare, Incident
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.sharing import ShareFiguresReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.community.incidents.access import (
    INCIDENT_STAFF,
    exposure_of,
    require_employees,
    require_share,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportIncidentCommand:
    """``share_id`` flags a share (its ambassador and content come with it); without one,
    ``ambassador_id`` names who it concerns, if anyone."""

    summary: str
    severity: Severity
    nature: Nature = Nature.UNDETERMINED
    share_id: UUID | None = None
    ambassador_id: UUID | None = None
    assignees: Sequence[Assignee] = ()


class ReportIncident(UseCase):
    """Moderators and admins. A share, an ambassador or an assignee that is not of this
    organisation is refused (``not-found``) and nothing is written. Flagged on a share, the exposure
    is estimated from its figures at once; ``incident.reported`` is recorded."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, figures: ShareFiguresReader) -> None:
        super().__init__(uow, clock, ids)
        self._figures = figures

    async def __call__(self, principal: Principal, command: ReportIncidentCommand) -> Incident:
        principal.require_any(INCIDENT_STAFF)
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        # Read before the unit of work takes its connection; an id of another tenant has no figures.
        figures = await self._figures.figures(tenant_id, [command.share_id]) if command.share_id else {}
        async with self._uow(tenant_id) as uow:
            flagged = exposure = None
            if command.share_id is not None:
                share = await require_share(uow, command.share_id)
                flagged = FlaggedShare(
                    share_id=share.id, ambassador_id=share.ambassador_id, content_id=share.content_id
                )
                exposure = exposure_of(share, figures.get(share.id), now)
            elif command.ambassador_id is not None and await uow.ambassadors.get(command.ambassador_id) is None:
                raise NotFound("ambassador", command.ambassador_id)
            await require_employees(uow, command.assignees)
            incident = Incident.report(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                summary=command.summary,
                severity=command.severity,
                nature=command.nature,
                share=flagged,
                ambassador_id=command.ambassador_id,
                exposure=exposure,
                assignees=command.assignees,
                reported_by=principal.subject,
                now=now,
            )
            await uow.incidents.add(incident)
            await uow.commit()
        return incident
