"""Staff review the points the velocity guard withheld: list them, release them or reverse them."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import InvalidTransition, NotFound
from app.domain.rewards.ledger import Decision, EntryStatus, PointEntry
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase

REVIEWERS = frozenset({Role.ADMIN, Role.MODERATOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewPointsCommand:
    entry_id: UUID
    decision: Decision


class ListWithheldPoints(UseCase):
    """Admins and moderators: entries awaiting review, oldest first."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[PointEntry]:
        principal.require_any(REVIEWERS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.points.withheld(page)


class ReviewPoints(UseCase):
    """Admins and moderators decide once on a withheld entry: released points count in the balance from
    now on (and are announced as awarded); reversed points never count. An entry already decided, or
    never withheld, is refused as an invalid transition."""

    async def __call__(self, principal: Principal, command: ReviewPointsCommand) -> PointEntry:
        principal.require_any(REVIEWERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            entry = await uow.points.get(command.entry_id)
            if entry is None:
                raise NotFound("points entry", command.entry_id)
            wanted = EntryStatus.RELEASED if command.decision is Decision.RELEASE else EntryStatus.REVERSED
            decided = entry.reviewed(wanted, now, principal.subject)
            if entry.status is not EntryStatus.WITHHELD or not await uow.points.review(decided):
                raise InvalidTransition("points entry", entry.status.value, wanted.value, _allowed(entry))
            await uow.commit()
        return decided


def _allowed(entry: PointEntry) -> list[str]:
    return [decision.value for decision in Decision] if entry.status is EntryStatus.WITHHELD else []
