"""An integration: a roster source an admin registers (an HRIS sending webhooks, an identity provider
speaking SCIM, a nightly file), the fields it owns and the credentials it proves itself with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent
from app.domain.integrations.roster_records import RosterRecord
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

# The fields an integration may own: every roster field but its key, which always stays.
OWNABLE_FIELDS = (
    "email",
    "given_name",
    "family_name",
    "department",
    "location",
    "manager_external_id",
    "language",
    "hired_on",
    "terminated_on",
)
MAX_NAME_LENGTH = 200
# Long enough for a sender's slowest deploy of a new secret, short enough that a leaked one dies soon.
DEFAULT_OVERLAP = timedelta(hours=24)
MAX_OVERLAP = timedelta(days=7)


class IntegrationKind(StrEnum):
    """How the source talks to Relais."""

    HRIS_WEBHOOK = "hris_webhook"
    SCIM = "scim"
    FILE = "file"


class IntegrationKey(StrEnum):
    """The field that names one employee in the source."""

    EXTERNAL_ID = "external_id"
    EMAIL = "email"


@dataclass(frozen=True, slots=True, kw_only=True)
class Credential:
    """One credential: a webhook secret kept sealed (encrypted), or the digest of a SCIM token; never both."""

    id: UUID
    issued_at: datetime
    expires_at: datetime | None = None
    sealed_secret: str | None = None
    token_digest: str | None = None

    def valid_at(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at

    def expiring(self, at: datetime) -> Credential:
        """This credential valid until ``at`` at the latest (an earlier end stays)."""
        if self.expires_at is not None and self.expires_at <= at:
            return self
        return replace(self, expires_at=at)


def check_name(name: str) -> str:
    if is_blank(name) or has_control_characters(name) or len(name) > MAX_NAME_LENGTH:
        raise ValidationFailed(
            "The integration is not valid.",
            [
                FieldError(
                    ("name",),
                    Message("Give a name of 1 to {limit} characters on one line.", limit=MAX_NAME_LENGTH),
                )
            ],
        )
    return name.strip()


def check_owned_fields(owned: Iterable[str]) -> frozenset[str]:
    fields = frozenset(owned)
    unknown = sorted(fields - set(OWNABLE_FIELDS))
    if unknown:
        raise ValidationFailed(
            "The integration is not valid.",
            [
                FieldError(
                    ("owned_fields",),
                    Message(
                        "Not fields an integration may own: {unknown}; they are: {fields}.",
                        unknown=", ".join(unknown),
                        fields=", ".join(OWNABLE_FIELDS),
                    ),
                )
            ],
        )
    return fields


def check_overlap(overlap: timedelta) -> timedelta:
    if overlap < timedelta(0) or overlap > MAX_OVERLAP:
        raise ValidationFailed(
            "The rotation is not valid.",
            [
                FieldError(
                    ("overlap_seconds",),
                    Message("Give 0 to {limit} seconds.", limit=int(MAX_OVERLAP.total_seconds())),
                )
            ],
        )
    return overlap


@dataclass(slots=True, kw_only=True)
class Integration(TenantAggregate):
    id: UUID
    tenant_id: UUID
    kind: IntegrationKind
    name: str
    key: IntegrationKey
    owned_fields: frozenset[str]
    credentials: list[Credential]
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def register(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        kind: IntegrationKind,
        name: str,
        key: IntegrationKey = IntegrationKey.EXTERNAL_ID,
        owned_fields: Iterable[str] = OWNABLE_FIELDS,
        credential: Credential | None,
        now: datetime,
    ) -> Integration:
        return cls(
            id=id,
            tenant_id=tenant_id,
            kind=kind,
            name=check_name(name),
            key=key,
            owned_fields=check_owned_fields(owned_fields),
            credentials=[credential] if credential is not None else [],
            created_at=now,
            updated_at=now,
        )

    def change(self, *, name: str | None, owned_fields: Iterable[str] | None, now: datetime) -> None:
        new_name = check_name(name) if name is not None else self.name
        new_fields = check_owned_fields(owned_fields) if owned_fields is not None else self.owned_fields
        if (new_name, new_fields) == (self.name, self.owned_fields):
            return
        self.name, self.owned_fields = new_name, new_fields
        self._touch(now)

    def rotate(self, credential: Credential, *, overlap: timedelta, now: datetime) -> None:
        """A new credential; the ones valid now stay valid for ``overlap`` more (0: they end now)."""
        end = now + check_overlap(overlap)
        # The ones already ended can never work again: they are forgotten.
        self.credentials = [c.expiring(end) for c in self.credentials if c.valid_at(now)]
        self.credentials.append(credential)
        self._touch(now)

    def revoke(self, now: datetime) -> None:
        """Every credential ends now; rotating afterwards issues a fresh one."""
        self.credentials = [c.expiring(now) if c.valid_at(now) else c for c in self.credentials]
        self._touch(now)

    def valid_credentials(self, now: datetime) -> list[Credential]:
        """Newest first: during a rotation the new secret is tried before the old."""
        return sorted((c for c in self.credentials if c.valid_at(now)), key=lambda c: c.issued_at, reverse=True)

    def owned(self, record: RosterRecord) -> RosterRecord:
        return record.owned(self.owned_fields)
