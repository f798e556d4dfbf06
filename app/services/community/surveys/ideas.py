"""The idea box: ambassadors suggest topics and read their own; staff list them and decide once."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.content.content_fields import ContentFields
from app.domain.content.contents import Content
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.community.surveys.access import AMBASSADORS, IDEA_STAFF, idea_for_change, member_audience


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmitIdeaCommand:
    title: str
    body: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IdeaDecisionCommand:
    idea_id: UUID
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclineIdeaCommand:
    idea_id: UUID
    reason: str
    expected_version: int | None = None


class SubmitIdea(UseCase):
    """Members (active or paused) suggest a topic: a title and what it is about. It waits as ``pending``."""

    async def __call__(self, principal: Principal, command: SubmitIdeaCommand) -> Idea:
        principal.require_any(AMBASSADORS)
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            audience = await member_audience(uow, principal, now)
            idea = Idea.submit(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                ambassador_id=audience.ambassador_id,
                title=command.title,
                body=command.body,
                now=now,
            )
            await uow.ideas.add(idea)
            await uow.commit()
        return idea


class ListMyIdeas(UseCase):
    """A member's own ideas, with the decision on each."""

    async def __call__(self, principal: Principal, status: IdeaStatus | None, page: PageRequest) -> Page[Idea]:
        principal.require_any(AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            audience = await member_audience(uow, principal, self._clock.now())
            return await uow.ideas.list(status, audience.ambassador_id, page)


class ListIdeas(UseCase):
    """Staff (admin, manager) page through every idea, filtered by status (``pending`` is the queue)."""

    async def __call__(self, principal: Principal, status: IdeaStatus | None, page: PageRequest) -> Page[Idea]:
        principal.require_any(IDEA_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.ideas.list(status, None, page)


class GetIdea(UseCase):
    """Staff read any idea; an ambassador only their own (another's reads as missing)."""

    async def __call__(self, principal: Principal, idea_id: UUID) -> Idea:
        staff = bool(principal.roles & IDEA_STAFF)
        if not staff:
            principal.require_any(IDEA_STAFF | AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            idea = await uow.ideas.get(idea_id)
            if idea is not None and not staff:
                audience = await member_audience(uow, principal, self._clock.now())
                idea = idea if idea.ambassador_id == audience.ambassador_id else None
        if idea is None:
            raise NotFound("idea", idea_id)
        return idea


class AcceptIdea(UseCase):
    """Staff (admin, manager) accept a pending idea: it becomes a draft content in the programme's default
    language, its title and body the idea's, written in its author's name (the content's ``created_by``
    is their identity's subject), and the idea links to it. Refused once decided (``idea-already-decided``)."""

    async def __call__(self, principal: Principal, command: IdeaDecisionCommand) -> Idea:
        principal.require_any(IDEA_STAFF)
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            idea = await idea_for_change(uow, command.idea_id, command.expected_version)
            idea.require_pending()
            settings = await uow.settings.get()
            content = Content.create(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                fields=ContentFields.compose(
                    {"title": idea.title, "body": idea.body}, default_language=settings.default_language
                ),
                author=await _author_subject(uow, idea) or principal.subject,
                proposed=False,
                rules=settings,
                now=now,
                shorthand=True,
            )
            await uow.contents.add(content)
            idea.accept(content_id=content.id, by=principal.subject, now=now)
            await uow.ideas.save(idea)
            await uow.commit()
        return idea


class DeclineIdea(UseCase):
    """Staff (admin, manager) decline a pending idea with a reason its author reads. Refused once decided
    (``idea-already-decided``)."""

    async def __call__(self, principal: Principal, command: DeclineIdeaCommand) -> Idea:
        principal.require_any(IDEA_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            idea = await idea_for_change(uow, command.idea_id, command.expected_version)
            idea.decline(reason=command.reason, by=principal.subject, now=self._clock.now())
            await uow.ideas.save(idea)
            await uow.commit()
        return idea


async def _author_subject(uow: UnitOfWork, idea: Idea) -> str | None:
    """The identity the idea's author signs in with, to write the content in their name."""
    member = await uow.ambassadors.get(idea.ambassador_id)
    employee = None if member is None else await uow.employees.get(member.employee_id)
    return None if employee is None else employee.profile.idp_subject
