"""Read the programme settings (the defaults until an admin saves them)."""

from __future__ import annotations

from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.identity import ROSTER_READERS, Principal
from app.services.base import UseCase

SETTINGS_READERS = ROSTER_READERS


class GetSettings(UseCase):
    """Admins, managers, moderators and analysts may read them."""

    async def __call__(self, principal: Principal) -> ProgrammeSettings:
        principal.require_any(SETTINGS_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.settings.get()
