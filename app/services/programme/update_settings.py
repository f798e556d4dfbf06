"""Change some programme settings, optionally guarded by the version the client last read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.errors import PreconditionFailed
from app.domain.events import DomainEvent, EventType
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.identity import Principal, Role
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateSettingsCommand:
    changes: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


class UpdateSettings(UseCase):
    """Admins only. Only the fields sent change; each is validated and every bad one is reported.
    A change that changes nothing keeps the version and records no event."""

    async def __call__(self, principal: Principal, command: UpdateSettingsCommand) -> ProgrammeSettings:
        principal.require_any(frozenset({Role.ADMIN}))
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            try:
                settings, fields = await self._change(uow, command, now)
            except PreconditionFailed:
                # Two first saves cannot lock a row that does not exist yet: the one that lost
                # applies its change on top of the one that won, as a later save would.
                settings, fields = await self._change(uow, command, now)
            if not fields:
                return settings
            event = DomainEvent(
                type=EventType.SETTINGS_UPDATED,
                tenant_id=tenant_id,
                occurred_at=now,
                data={"version": settings.version, "fields": fields, "by": principal.subject},
            )
            await uow.outbox.append([event])
            await uow.commit()
        return settings

    @staticmethod
    async def _change(
        uow: UnitOfWork, command: UpdateSettingsCommand, now: datetime
    ) -> tuple[ProgrammeSettings, list[str]]:
        current = await uow.settings.get(for_update=True)
        current.require_version(command.expected_version)
        changed = current.apply(command.changes)
        fields = changed.changed_fields(current)
        if not fields:
            return current, []
        saved = changed.saved(now)
        await uow.settings.save(saved)
        return saved, fields
