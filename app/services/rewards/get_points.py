"""Read points: one's own balance and entries, or (staff) an ambassador's."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.ledger import PointBalance, PointEntry
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.roster.linking import require_membership

POINTS_STAFF = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST})


@dataclass(frozen=True, slots=True, kw_only=True)
class PointsStatement:
    """A balance and one page of the entries behind it."""

    balance: PointBalance
    entries: Page[PointEntry]


class GetMyPoints(UseCase):
    """An ambassador's own balance (never below zero), the points they ever earned and their entries,
    newest first, each explaining itself. Whoever has not joined has none."""

    async def __call__(self, principal: Principal, page: PageRequest) -> PointsStatement:
        principal.require_any(frozenset({Role.AMBASSADOR}))
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, self._clock.now(), for_update=False)
            return PointsStatement(
                balance=await uow.points.balance(ambassador.id),
                entries=await uow.points.entries(ambassador.id, page.newest_first()),
            )


class GetAmbassadorPoints(UseCase):
    """Staff (admin, manager, moderator, analyst): an ambassador's balance and entries, newest first."""

    async def __call__(self, principal: Principal, ambassador_id: UUID, page: PageRequest) -> PointsStatement:
        principal.require_any(POINTS_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            if await uow.ambassadors.get(ambassador_id) is None:
                raise NotFound("ambassador", ambassador_id)
            return PointsStatement(
                balance=await uow.points.balance(ambassador_id),
                entries=await uow.points.entries(ambassador_id, page.newest_first()),
            )
