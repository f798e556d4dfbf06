"""A member's inbox: read it (unread first), count what is unread, mark one or all read."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.notifications.notices import Notification
from app.domain.roster.identity import Principal
from app.ports.notifications import InboxQuery
from app.ports.pagination import Page
from app.services.notifications.members import NotificationUseCase


class ListMyNotifications(NotificationUseCase):
    """Your notifications: every unread one first, newest first, then those you read, newest first.
    A page's cursor holds its place in either part: marking items read while paging moves them to the
    second part, where a later page may show them again."""

    async def __call__(self, principal: Principal, query: InboxQuery) -> Page[Notification]:
        tenant_id, member = await self._member(principal)
        return await self._store.page(tenant_id, member, query)


class CountMyUnread(NotificationUseCase):
    """How many of your notifications you have not read."""

    async def __call__(self, principal: Principal) -> int:
        tenant_id, member = await self._member(principal)
        return await self._store.unread(tenant_id, member)


class MarkNotificationRead(NotificationUseCase):
    """Mark one of your notifications read; reading it again keeps the time of the first reading.
    Anyone else's reads as not found."""

    async def __call__(self, principal: Principal, notification_id: UUID) -> Notification:
        tenant_id, member = await self._member(principal)
        read = await self._store.mark_read(tenant_id, member, notification_id, self._clock.now())
        if read is None:
            raise NotFound("notification", notification_id)
        return read


@dataclass(frozen=True, slots=True, kw_only=True)
class AllRead:
    marked: int


class MarkAllNotificationsRead(NotificationUseCase):
    """Mark every unread notification of yours read; answers how many were unread."""

    async def __call__(self, principal: Principal) -> AllRead:
        tenant_id, member = await self._member(principal)
        return AllRead(marked=await self._store.mark_all_read(tenant_id, member, self._clock.now()))
