"""A webhook endpoint: a URL an admin registers, the events it wants, its signing secrets (rotated
with an overlap) and whether it is enabled; disabled by itself after failing for days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent
from app.domain.integrations.integrations import check_overlap
from app.domain.messages import Message
from app.domain.values import has_control_characters
from app.domain.webhooks.event_patterns import check_patterns, matches

MAX_DESCRIPTION_LENGTH = 500
# A secret is rotated by the same rule as a roster source's credential (``check_overlap``, the
# integrations' ``DEFAULT_OVERLAP``): long enough for a receiver's slowest deploy of the new secret.


class DisabledReason(StrEnum):
    """Why an endpoint receives nothing: an admin disabled it, or it failed for days."""

    ADMIN = "admin"
    FAILING = "failing"


@dataclass(frozen=True, slots=True, kw_only=True)
class SigningSecret:
    """A ``whsec_`` secret kept sealed; deliveries are signed with every secret valid at the time."""

    id: UUID
    sealed: str
    issued_at: datetime
    expires_at: datetime | None = None

    def valid_at(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


def check_description(description: str) -> str:
    if len(description) > MAX_DESCRIPTION_LENGTH or has_control_characters(description):
        raise ValidationFailed(
            Message("The webhook endpoint is not valid."),
            [
                FieldError(
                    ("description",),
                    Message("Give at most {limit} characters on one line.", limit=MAX_DESCRIPTION_LENGTH),
                )
            ],
        )
    return description.strip()


@dataclass(slots=True, kw_only=True)
class WebhookEndpoint(TenantAggregate):
    id: UUID
    tenant_id: UUID
    url: str
    description: str
    event_types: tuple[str, ...]
    enabled: bool
    secrets: list[SigningSecret]
    created_at: datetime
    updated_at: datetime
    disabled_reason: DisabledReason | None = None
    # Since when every attempt to it has failed (None after a success): what disables it after days.
    failing_since: datetime | None = None
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def register(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        url: str,
        event_types: Iterable[str],
        description: str = "",
        enabled: bool = True,
        secret: SigningSecret,
        now: datetime,
    ) -> WebhookEndpoint:
        return cls(
            id=id,
            tenant_id=tenant_id,
            url=url,
            description=check_description(description),
            event_types=check_patterns(event_types),
            enabled=enabled,
            disabled_reason=None if enabled else DisabledReason.ADMIN,
            secrets=[secret],
            created_at=now,
            updated_at=now,
        )

    def change(
        self,
        *,
        url: str | None = None,
        event_types: Iterable[str] | None = None,
        description: str | None = None,
        enabled: bool | None = None,
        now: datetime,
    ) -> None:
        """Fields left None stay. Enabling it again clears the record of its failures."""
        new = (
            url if url is not None else self.url,
            check_patterns(event_types) if event_types is not None else self.event_types,
            check_description(description) if description is not None else self.description,
            enabled if enabled is not None else self.enabled,
        )
        if new == (self.url, self.event_types, self.description, self.enabled):
            return
        if new[3] != self.enabled:
            self.disabled_reason = None if new[3] else DisabledReason.ADMIN
            self.failing_since = None
        self.url, self.event_types, self.description, self.enabled = new
        self._touch(now)

    def rotate(self, secret: SigningSecret, *, overlap: timedelta, now: datetime) -> None:
        """A new secret; the ones valid now keep signing for ``overlap`` more (0: they end now)."""
        end = now + check_overlap(overlap)
        kept = [s for s in self.secrets if s.valid_at(now)]
        self.secrets = [
            s if s.expires_at is not None and s.expires_at <= end else replace(s, expires_at=end) for s in kept
        ]
        self.secrets.append(secret)
        self._touch(now)

    def signing_secrets(self, now: datetime) -> list[SigningSecret]:
        """Newest first; during a rotation a delivery carries a signature with each."""
        return sorted((s for s in self.secrets if s.valid_at(now)), key=lambda s: s.issued_at, reverse=True)

    def wants(self, event_type: str) -> bool:
        return self.enabled and matches(self.event_types, event_type)
