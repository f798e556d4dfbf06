"""An ambassador replaces their preferences (languages, topics, cadence, leaderboard)."""

from __future__ import annotations

from app.domain.roster.ambassadors import Ambassador, Preferences
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import require_membership


class SetPreferences(UseCase):
    async def __call__(self, principal: Principal, preferences: Preferences) -> Ambassador:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, now, for_update=True)
            ambassador.set_preferences(preferences, now)
            await uow.ambassadors.save(ambassador)
            await uow.commit()
        return ambassador
