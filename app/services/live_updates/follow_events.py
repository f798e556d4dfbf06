"""Follow one's own live events: points that moved, notifications that arrived, and when to read again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from uuid import UUID

from app.domain.live_updates.events import LiveEventKind
from app.domain.rewards.ledger import PointBalance
from app.domain.roster.identity import Principal, Role
from app.ports.live_updates import LiveListener, LiveSignal, SignalKind
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.roster.linking import require_caller


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveEvent:
    """One event; ``id`` is the notification's for a notification, a fresh time-ordered id otherwise."""

    id: UUID
    kind: LiveEventKind
    points: PointBalance | None = None
    notification_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveFeed:
    """Whose events a stream follows, found when it opens (refusals happen then, not mid-stream)."""

    tenant_id: UUID
    employee_id: UUID
    principal: Principal
    # Points are followed only by whoever may read their own points: ambassadors.
    follows_points: bool


class OpenLiveFeed(UseCase):
    """Any caller linked to an employee of their organisation may follow their own events (the token's
    tenant and subject decide whose: never a parameter). Points are included for ambassadors; a stream
    asked for points only (``points_only``) is refused to anyone else."""

    async def __call__(self, principal: Principal, *, points_only: bool = False) -> LiveFeed:
        tenant_id = principal.require_tenant()
        if points_only:
            principal.require_any(frozenset({Role.AMBASSADOR}))
        async with self._uow(tenant_id) as uow:
            caller = await require_caller(uow, principal, self._clock.now())
            await uow.commit()  # a first use links the token to its employee by e-mail
        return LiveFeed(
            tenant_id=tenant_id,
            employee_id=caller.employee.id,
            principal=principal,
            follows_points=Role.AMBASSADOR in principal.roles,
        )


class FollowLiveFeed(UseCase):
    """The events of an opened feed, as long as the caller reads them and their token is valid.

    It begins with the state as it is (the points balance, for an ambassador), then answers each signal
    by reading the database again: a signal says that something changed, never what, so one lost or
    repeated only delays what the client shows. After the database was lost for a while it says
    ``RESYNC`` with the points read again. It ends with ``EXPIRED`` when the access token expires.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, listener: LiveListener) -> None:
        super().__init__(uow, clock, ids)
        self._listener = listener

    async def __call__(self, feed: LiveFeed, *, resync_first: bool = False) -> AsyncGenerator[LiveEvent, None]:
        # Subscribed before the first read: a change committed in between is read or signalled, never lost.
        async with self._listener.subscribe(feed.tenant_id, feed.employee_id) as signals:
            if (points := await self._points(feed)) is not None:
                yield points
            if resync_first:
                yield self._event(LiveEventKind.RESYNC)
            while True:
                signal = await self._next(feed, signals)
                if signal is None:
                    yield self._event(LiveEventKind.EXPIRED)
                    return
                if signal.kind is SignalKind.NOTIFICATION:
                    yield LiveEvent(
                        id=signal.id or self._ids.new_id(), kind=LiveEventKind.NOTIFICATION, notification_id=signal.id
                    )
                elif signal.kind is SignalKind.POINTS and (points := await self._points(feed)) is not None:
                    yield points
                elif signal.kind is SignalKind.RESYNC:
                    if (points := await self._points(feed)) is not None:
                        yield points
                    yield self._event(LiveEventKind.RESYNC)

    async def _next(self, feed: LiveFeed, signals: AsyncIterator[LiveSignal]) -> LiveSignal | None:
        """The next signal, or None once the token expired."""
        expires_at = feed.principal.expires_at
        if expires_at is None:
            return await anext(signals)
        remaining = (expires_at - self._clock.now()).total_seconds()
        if remaining <= 0:
            return None
        try:
            async with asyncio.timeout(remaining):
                return await anext(signals)
        except TimeoutError:
            return None

    def _event(self, kind: LiveEventKind) -> LiveEvent:
        return LiveEvent(id=self._ids.new_id(), kind=kind)

    async def _points(self, feed: LiveFeed) -> LiveEvent | None:
        """The balance as it is now; None for whoever does not follow points or never joined."""
        if not feed.follows_points:
            return None
        async with self._uow(feed.tenant_id) as uow:
            ambassador = await uow.ambassadors.get_by_employee(feed.employee_id)
            if ambassador is None:
                return None
            balance = await uow.points.balance(ambassador.id)
        return LiveEvent(id=self._ids.new_id(), kind=LiveEventKind.POINTS, points=balance)
