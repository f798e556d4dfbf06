"""Who handles incidents, and the lookups every use case of incidents shares."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from app.domain.community.incident_values import Assignee, Exposure
from app.domain.community.incidents import Incident
from app.domain.errors import NotFound
from app.domain.roster.identity import Role
from app.domain.sharing.shares import Share
from app.ports.sharing import ShareStats
from app.ports.unit_of_work import UnitOfWork

# Incidents are private matters: moderators and admins alone report, read and handle them. Ambassadors
# see the reminders addressed to them in their notifications, never the file.
INCIDENT_STAFF = frozenset({Role.ADMIN, Role.MODERATOR})


async def require_incident(uow: UnitOfWork, incident_id: UUID, *, for_update: bool = False) -> Incident:
    incident = await uow.incidents.get(incident_id, for_update=for_update)
    if incident is None:
        raise NotFound("incident", incident_id)
    return incident


async def require_share(uow: UnitOfWork, share_id: UUID) -> Share:
    """The share in this organisation: another organisation's is as unknown as one that never existed."""
    share = await uow.shares.get(share_id)
    if share is None:
        raise NotFound("share", share_id)
    return share


async def require_employees(uow: UnitOfWork, assignees: Sequence[Assignee]) -> None:
    wanted = list(dict.fromkeys(assignee.employee_id for assignee in assignees))
    if not wanted:
        return
    found = {employee.id for employee in await uow.employees.get_many(wanted)}
    missing = next((employee_id for employee_id in wanted if employee_id not in found), None)
    if missing is not None:
        raise NotFound("employee", missing)


def exposure_of(share: Share, stats: ShareStats | None, now: datetime) -> Exposure:
    """The share's reach as its figures tell it now: the audience when it was confirmed, the
    network's impressions when reported, and the counted clicks on its link."""
    stats = stats or ShareStats()
    return Exposure(
        potential_reach=share.potential_reach,
        impressions=stats.engagement.impressions if stats.engagement else None,
        clicks=stats.clicks,
        unique_clicks=stats.unique_clicks,
        estimated_at=now,
    )
