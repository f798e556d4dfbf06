"""Who may do what with surveys and ideas, and finding the ambassador behind a token."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.community.ideas import Idea
from app.domain.community.surveys import Survey
from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, Principal, Role
from app.ports.community_surveys import Audience
from app.ports.unit_of_work import UnitOfWork
from app.services.roster.linking import require_caller

# Staff write, open and close surveys and decide on ideas; analysts also read surveys and results.
SURVEY_STAFF = PROGRAMME_STAFF
SURVEY_READERS = PROGRAMME_STAFF | {Role.ANALYST}
AMBASSADORS = frozenset({Role.AMBASSADOR})
IDEA_STAFF = PROGRAMME_STAFF


def is_reader(principal: Principal) -> bool:
    return bool(principal.roles & SURVEY_READERS)


async def member_audience(uow: UnitOfWork, principal: Principal, now: datetime) -> Audience:
    """The caller as a survey's audience; refused unless they are a member (active or paused)."""
    caller = await require_caller(uow, principal, now)
    member = caller.member
    if member.status not in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise NotAnAmbassador("Only members of the programme answer surveys and suggest ideas; opt in first.")
    profile = caller.employee.profile
    return Audience(
        ambassador_id=member.id, department=profile.department, location=profile.location, language=profile.language
    )


async def survey_for_change(uow: UnitOfWork, survey_id: UUID, expected_version: int | None) -> Survey:
    survey = await uow.surveys.get(survey_id, for_update=True)
    if survey is None:
        raise NotFound("survey", survey_id)
    survey.require_version(expected_version)
    return survey


async def idea_for_change(uow: UnitOfWork, idea_id: UUID, expected_version: int | None) -> Idea:
    idea = await uow.ideas.get(idea_id, for_update=True)
    if idea is None:
        raise NotFound("idea", idea_id)
    idea.require_version(expected_version)
    return idea
