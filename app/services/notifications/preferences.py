"""A member's notification preferences: read them, replace them as a whole."""

from __future__ import annotations

from dataclasses import replace

from app.domain.aggregate import require_version
from app.domain.errors import PreconditionFailed
from app.domain.messages import Message
from app.domain.notifications.preferences import NotificationPreferences
from app.domain.roster.identity import Principal
from app.ports.notifications import NotificationPreferencesStore, NotificationStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.notifications.members import NotificationUseCase


class PreferencesUseCase(NotificationUseCase):
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        store: NotificationStore,
        preferences: NotificationPreferencesStore,
    ) -> None:
        super().__init__(uow, clock, ids, store)
        self._preferences = preferences


class GetNotificationPreferences(PreferencesUseCase):
    """Your notification preferences; until you change them, every kind, no quiet hours, the programme's
    time zone and the weekly digest (version 0)."""

    async def __call__(self, principal: Principal) -> NotificationPreferences:
        tenant_id, member = await self._member(principal)
        return await self._preferences.get(tenant_id, member)


class SetNotificationPreferences(PreferencesUseCase):
    """Replace your notification preferences as a whole: the kinds you do not want (neither in your
    inbox nor pushed), your quiet hours (notifications still reach your inbox, but none is pushed to
    your devices), the time zone they are in (the programme's when null) and whether you get the weekly
    digest. Given the version you read, only if they did not change since."""

    async def __call__(
        self, principal: Principal, preferences: NotificationPreferences, expected_version: int | None
    ) -> NotificationPreferences:
        tenant_id, member = await self._member(principal)
        current = await self._preferences.get(tenant_id, member)
        require_version(current.version, expected_version)
        stored = await self._preferences.replace(
            tenant_id, member, replace(preferences, version=current.version), self._clock.now()
        )
        if stored is None:
            raise PreconditionFailed(
                Message("Your notification preferences changed while this change was made; read them and retry.")
            )
        return stored
