"""Change some programme settings, optionally guarded by the version the client last read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.events import DomainEvent, EventType
from app.domain.identity import Principal, Role
from app.domain.programme import ProgrammeSettings
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
        async with self._uow(tenant_id) as uow:
            current = await uow.settings.get(for_update=True)
            current.require_version(command.expected_version)
            changed = current.apply(command.changes)
            fields = changed.changed_fields(current)
            if not fields:
                return current
            now = self._clock.now()
            saved = changed.saved(now)
            await uow.settings.save(saved)
            event = DomainEvent(
                type=EventType.SETTINGS_UPDATED,
                tenant_id=tenant_id,
                occurred_at=now,
                data={"version": saved.version, "fields": fields, "by": principal.subject},
            )
            await uow.outbox.append([event])
            await uow.commit()
        return saved
