"""Follow the space live: a signal each time a post changes (published, edited, commented, reacted to,
answered, moderated), whichever replica or worker made the change."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from uuid import UUID

from app.domain.community.space_signals import SpaceSignal, SpaceSignalKind
from app.domain.roster.identity import Principal
from app.ports.live_updates import LiveListener, LiveSignal, SignalKind
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.community.space.access import SPACE_AUDIENCE, reader


@dataclass(frozen=True, slots=True, kw_only=True)
class SpaceFeed:
    tenant_id: UUID
    principal: Principal


class OpenSpaceFeed(UseCase):
    """Whoever reads the space follows it: staff, and ambassadors who joined (active or paused)."""

    async def __call__(self, principal: Principal) -> SpaceFeed:
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            await reader(uow, principal, self._clock.now())
            await uow.commit()  # a first use links the token to its employee by e-mail
        return SpaceFeed(tenant_id=tenant_id, principal=principal)


class FollowSpaceFeed(UseCase):
    """The signals of the space, until the caller stops reading or their token expires. A signal says
    which post changed, never how: a hidden post is signalled too, and reading it tells whether the
    reader may see it."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, listener: LiveListener) -> None:
        super().__init__(uow, clock, ids)
        self._listener = listener

    async def __call__(self, feed: SpaceFeed) -> AsyncGenerator[SpaceSignal, None]:
        async with self._listener.subscribe(feed.tenant_id, SPACE_AUDIENCE) as signals:
            while True:
                signal = await self._next(feed, signals)
                if signal is None:
                    yield SpaceSignal(id=self._ids.new_id(), kind=SpaceSignalKind.EXPIRED)
                    return
                if signal.kind is SignalKind.SPACE and signal.id is not None:
                    yield SpaceSignal(id=self._ids.new_id(), kind=SpaceSignalKind.POST, post_id=signal.id)
                elif signal.kind is SignalKind.RESYNC:
                    yield SpaceSignal(id=self._ids.new_id(), kind=SpaceSignalKind.RESYNC)

    async def _next(self, feed: SpaceFeed, signals: AsyncIterator[LiveSignal]) -> LiveSignal | None:
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
