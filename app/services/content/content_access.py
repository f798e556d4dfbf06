"""Who may do what with contents, and loading one of them for a use case (campaigns: ``campaign_access.py``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, Principal, Role
from app.ports.unit_of_work import UnitOfWork
from app.services.roster.linking import require_membership

CONTENT_EDITORS = PROGRAMME_STAFF
CONTENT_REVIEWERS = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR})
CONTENT_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST})
CADENCE_OVERRIDERS = frozenset({Role.ADMIN})


def proposals_only(principal: Principal) -> str | None:
    """None for staff who read every content; an ambassador's subject, whose own proposals are all they read."""
    if principal.roles & CONTENT_READERS:
        return None
    principal.require_any(CONTENT_READERS | {Role.AMBASSADOR})
    return principal.subject


async def readable_content(uow: UnitOfWork, principal: Principal, content_id: UUID) -> Content:
    """The content if the caller may read it; another's proposal reads as missing to an ambassador."""
    author = proposals_only(principal)
    content = await uow.contents.get(content_id)
    if content is None or (author is not None and content.created_by != author):
        raise NotFound("content", content_id)
    return content


async def content_for_change(uow: UnitOfWork, content_id: UUID, expected_version: int | None) -> Content:
    content = await uow.contents.get(content_id, for_update=True)
    if content is None:
        raise NotFound("content", content_id)
    content.require_version(expected_version)
    return content


async def require_active_member(uow: UnitOfWork, principal: Principal, now: datetime) -> None:
    """Proposals come from members of the programme (active or paused), not from anyone with the role."""
    ambassador = await require_membership(uow, principal, now)
    if ambassador.status not in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise NotAnAmbassador("Only members of the programme propose content; opt in first with POST /v1/me/opt-in.")
