"""Who reads, writes and moderates the space, and the live signal every change of it sends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.community.space import Comment, Post
from app.domain.community.space_refusals import NotTheAuthor
from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.messages import Message
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Principal, Role
from app.ports.live_updates import LiveSignal, SignalKind
from app.ports.unit_of_work import UnitOfWork
from app.services.roster.linking import find_caller, require_caller

STAFF = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR})
MODERATORS = frozenset({Role.ADMIN, Role.MODERATOR})
MEMBERS = frozenset({Role.AMBASSADOR})
PARTICIPANTS = STAFF | MEMBERS
# Signals of the space go to everyone of the tenant who follows it: this stands for "everyone" where a
# person's employee id would.
SPACE_AUDIENCE = UUID(int=0)


@dataclass(frozen=True, slots=True)
class Reader:
    """Who reads: their employee (None for staff not on the roster) and whether they see hidden items."""

    employee_id: UUID | None
    moderator: bool


def is_moderator(principal: Principal) -> bool:
    return bool(principal.roles & MODERATORS)


async def reader(uow: UnitOfWork, principal: Principal, now: datetime) -> Reader:
    """Staff read the space; ambassadors once they joined (active or paused)."""
    principal.require_any(PARTICIPANTS)
    if principal.roles & STAFF:
        caller = await find_caller(uow, principal, now)
        return Reader(caller.employee.id if caller else None, is_moderator(principal))
    caller = await require_caller(uow, principal, now)
    if caller.member.status not in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise NotAnAmbassador(
            Message(
                "Your membership is {status}: join the programme again to read its space.",
                status=caller.member.status.value,
            )
        )
    return Reader(caller.employee.id, moderator=False)


async def writer(uow: UnitOfWork, principal: Principal, now: datetime) -> Employee:
    """The employee who writes: staff on the roster, or an active ambassador."""
    principal.require_any(PARTICIPANTS)
    caller = await require_caller(uow, principal, now)
    if not principal.roles & STAFF and caller.member.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(
            Message(
                "Your membership is {status}: only active ambassadors write in the space; ask a programme manager.",
                status=caller.member.status.value,
            )
        )
    return caller.employee


def author_name(employee: Employee) -> str:
    return f"{employee.profile.given_name} {employee.profile.family_name}".strip()


async def shown_post(uow: UnitOfWork, post_id: UUID, seen_by: Reader, *, for_update: bool = False) -> Post:
    """The post, unless it is hidden from the reader (then as absent as a post that never was)."""
    post = await uow.space.get_post(post_id, for_update=for_update)
    if post is None or (post.hidden is not None and not seen_by.moderator):
        raise NotFound("post", post_id)
    return post


async def shown_comment(
    uow: UnitOfWork, post_id: UUID, comment_id: UUID, seen_by: Reader, *, for_update: bool = False
) -> Comment:
    comment = await uow.space.get_comment(post_id, comment_id, for_update=for_update)
    if comment is None or (comment.hidden is not None and not seen_by.moderator):
        raise NotFound("comment", comment_id)
    return comment


def require_author(author_id: UUID | None, employee_id: UUID, resource: str) -> None:
    if author_id != employee_id:
        raise NotTheAuthor(resource)


async def signal(uow: UnitOfWork, tenant_id: UUID, post_id: UUID) -> None:
    """Tell whoever follows the space that ``post_id`` changed, when the unit of work commits."""
    await uow.live.publish(
        [LiveSignal(tenant_id=tenant_id, employee_id=SPACE_AUDIENCE, kind=SignalKind.SPACE, id=post_id)]
    )
