"""Associations the programme lists, and ambassadors' donations of points to the one they choose."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.messages import Message
from app.domain.rewards.catalogue import MAX_COST, checked_text
from app.domain.rewards.refusals import AssociationNotAvailable

MAX_ASSOCIATION_NAME = 200
MAX_ASSOCIATION_DESCRIPTION = 2_000
MAX_WEBSITE = 500
# An association's website: https (in any case), then visible ASCII characters (non-ASCII ones percent-encoded).
HTTPS_ADDRESS = re.compile(r"[Hh][Tt][Tt][Pp][Ss]://[!-~]+")


class AssociationStatus(StrEnum):
    """Active (receives donations) or archived (withdrawn from the list)."""

    ACTIVE = "active"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True, kw_only=True)
class AssociationFields:
    name: str
    description: str | None = None
    website: str | None = None

    def validated(self) -> AssociationFields:
        errors: list[FieldError] = []
        name = checked_text(errors, "name", self.name, MAX_ASSOCIATION_NAME) or ""
        description = checked_text(errors, "description", self.description, MAX_ASSOCIATION_DESCRIPTION, multiline=True)
        website = self.website.strip() if self.website is not None else None
        if website is not None and (len(website) > MAX_WEBSITE or not HTTPS_ADDRESS.fullmatch(website)):
            errors.append(FieldError(("website",), "Give an https:// address."))
        if errors:
            raise ValidationFailed("The association is not valid.", errors)
        return replace(self, name=name, description=description or None, website=website or None)


@dataclass(slots=True, kw_only=True)
class Association(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: AssociationFields
    status: AssociationStatus = AssociationStatus.ACTIVE
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(cls, *, id: UUID, tenant_id: UUID, fields: AssociationFields, now: datetime) -> Association:  # noqa: A002
        return cls(id=id, tenant_id=tenant_id, fields=fields.validated(), created_at=now, updated_at=now)

    def edit(self, changes: Mapping[str, Any], now: datetime) -> None:
        if self.status is AssociationStatus.ARCHIVED:
            raise InvalidTransition("association", self.status, "edited", [])
        unknown = set(changes) - {f.name for f in fields(AssociationFields)}
        if unknown:
            raise ValidationFailed(
                "Unknown association fields.",
                [FieldError((name,), "Not an editable field.") for name in sorted(unknown)],
            )
        updated = replace(self.fields, **changes).validated()
        if updated != self.fields:
            self.fields = updated
            self._touch(now)

    def archive(self, now: datetime) -> None:
        if self.status is AssociationStatus.ARCHIVED:
            raise InvalidTransition("association", self.status, "archived", [])
        self.status = AssociationStatus.ARCHIVED
        self._touch(now)

    def require_active(self) -> None:
        if self.status is not AssociationStatus.ACTIVE:
            raise AssociationNotAvailable()


def require_donated_points(points: int) -> None:
    if not 0 < points <= MAX_COST:
        raise ValidationFailed(
            "The donation is not valid.", [FieldError(("points",), Message("Must be from 1 to {most}.", most=MAX_COST))]
        )


@dataclass(slots=True, kw_only=True)
class Donation(EventSource):
    """Points an ambassador gave to an association: its ledger entry (kind ``donation``) holds the debit."""

    id: UUID
    tenant_id: UUID
    association_id: UUID
    ambassador_id: UUID
    points: int
    entry_id: UUID
    created_at: datetime
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    def announce(self) -> None:
        self.record(
            DomainEvent(
                type=EventType.DONATION_MADE,
                tenant_id=self.tenant_id,
                occurred_at=self.created_at,
                data={
                    "id": str(self.id),
                    "association_id": str(self.association_id),
                    "ambassador_id": str(self.ambassador_id),
                    "points": self.points,
                },
            )
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class DonationTotal:
    """What the programme's ambassadors gave one association."""

    association_id: UUID
    points: int
    donations: int
    donors: int
