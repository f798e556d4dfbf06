"""Behaviour shared by tenant-owned aggregates: versioning and recording events."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.errors import PreconditionFailed
from app.domain.events import DomainEvent, EventSource, EventType


def require_version(current: int, expected: int | None) -> None:
    """Refuse a change based on a stale read (the client's ``If-Match``)."""
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"This resource changed since you read it (it is at version {current}); "
            "read it again and retry with the new ETag."
        )


class TenantAggregate(EventSource):
    """Mixin: the version bumps on every change so clients can send ``If-Match``."""

    tenant_id: UUID
    updated_at: datetime
    version: int

    def require_version(self, expected: int | None) -> None:
        require_version(self.version, expected)

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1

    def _emit(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        self.record(DomainEvent(type=type_, tenant_id=self.tenant_id, occurred_at=now, data=data))
