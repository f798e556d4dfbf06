"""Behaviour shared by tenant-owned aggregates: versioning and recording events."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.errors import PreconditionFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.messages import Message

# The version expected by a client who wants the change only if the resource does not exist yet (as a
# creation would): no stored version meets it. Versions count up from 0.
ONLY_IF_ABSENT = -2


def require_version(current: int, expected: int | None) -> None:
    """Refuse a change based on a stale read (the version the client read)."""
    if expected == ONLY_IF_ABSENT:
        raise PreconditionFailed(
            Message(
                "This resource already exists (at version {current}), and the change was asked only if it "
                "did not; read it and change it with the version you read.",
                current=current,
            )
        )
    if expected is not None and expected < 0:
        # No version is negative: the client named none of ours (an If-Match that is no ETag of ours).
        raise PreconditionFailed(
            Message(
                "The version you sent is no version of this resource (it is at version {current}); "
                "read it again and retry with the version you read.",
                current=current,
            )
        )
    if expected is not None and expected != current:
        raise PreconditionFailed(
            Message(
                "This resource changed since you read it (version {current}, you sent {expected}); "
                "read it again and retry with its new version.",
                current=current,
                expected=expected,
            )
        )


class TenantAggregate(EventSource):
    """Mixin: the version bumps on every change so clients can say which version they read."""

    tenant_id: UUID
    updated_at: datetime
    version: int

    def require_version(self, expected: int | None) -> None:
        require_version(self.version, expected)

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1

    def _emit(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        self.record(
            DomainEvent(type=type_, tenant_id=self.tenant_id, occurred_at=now, data=data, resource_version=self.version)
        )
