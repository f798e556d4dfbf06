"""Take-downs: an ambassador's posts of recalled contents, to remove and confirm; staff follow them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from uuid import UUID

from app.domain.community.recall import TakeDown, TakeDownProgress
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal, Role
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.roster.linking import find_caller, require_membership

TAKEDOWN_FOLLOWERS = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR})
AMBASSADORS = frozenset({Role.AMBASSADOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentTakeDowns:
    """A page of a content's take-downs with the progress of all of them."""

    progress: TakeDownProgress
    page: Page[TakeDown]


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmTakeDownCommand:
    take_down_id: UUID


class ListMyTakeDowns(UseCase):
    """An ambassador's own take-downs (pending first to act on: filter by status), in the order they
    were requested; none before they join."""

    async def __call__(self, principal: Principal, criteria: TakeDownFilter, page: PageRequest) -> Page[TakeDown]:
        principal.require_any(AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            caller = await find_caller(uow, principal, self._clock.now())
            if caller is None or caller.ambassador is None:
                return Page(items=[], next_after=None)
            mine = replace(criteria, ambassador_id=caller.ambassador.id, content_id=None)
            return await uow.takedowns.list(mine, page)


class ConfirmTakeDown(UseCase):
    """The ambassador says they removed their post. Only their own take-down (another's reads as not
    found), whatever their membership now; confirming one already confirmed answers it as it is."""

    async def __call__(self, principal: Principal, command: ConfirmTakeDownCommand) -> TakeDown:
        principal.require_any(AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await require_membership(uow, principal, now, for_update=False)
            take_down = await uow.takedowns.get(command.take_down_id, for_update=True)
            if take_down is None or take_down.ambassador_id != member.id:
                raise NotFound("take-down", command.take_down_id)
            if take_down.confirm(now):
                await uow.takedowns.save(take_down)
                await uow.commit()
        return take_down


class ListContentTakeDowns(UseCase):
    """A content's take-downs with their progress (admin, manager, moderator); a content of another
    organisation, or none, is not found."""

    async def __call__(
        self, principal: Principal, content_id: UUID, criteria: TakeDownFilter, page: PageRequest
    ) -> ContentTakeDowns:
        principal.require_any(TAKEDOWN_FOLLOWERS)
        async with self._uow(principal.require_tenant()) as uow:
            if await uow.contents.get(content_id) is None:
                raise NotFound("content", content_id)
            listed = await uow.takedowns.list(replace(criteria, content_id=content_id), page)
            return ContentTakeDowns(progress=await uow.takedowns.progress(content_id), page=listed)
