"""The rewards catalogue: what ambassadors may turn their points into.

A reward is a symbolic gift, an experience (lunch with the leadership, event access, a training) or a
donation to one of the programme's associations. It costs points, may have a stock (units left) and a
limit per person, may be offered only in a window, and may need a manager's approval. Archiving ends
its life; redemptions already made go on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent
from app.domain.messages import Message
from app.domain.rewards.refusals import RewardNotAvailable
from app.domain.values import has_control_characters, is_blank

MAX_NAME = 200
MAX_DESCRIPTION = 2_000
MAX_COST = 1_000_000
MAX_STOCK = 1_000_000
MAX_PER_PERSON = 1_000


class RewardKind(StrEnum):
    """What a reward is: a symbolic gift, an experience, or a donation to an association."""

    GIFT = "gift"
    EXPERIENCE = "experience"
    DONATION = "donation"


class RewardStatus(StrEnum):
    """Active (in the catalogue) or archived (withdrawn)."""

    ACTIVE = "active"
    ARCHIVED = "archived"


def checked_text(
    errors: list[FieldError], name: str, value: str | None, most: int, *, multiline: bool = False
) -> str | None:
    """``value`` stripped, or an error on ``name`` when it is blank, too long or holds control characters."""
    if value is None:
        return None
    text = value.strip()
    if is_blank(text) or len(text) > most or has_control_characters(text, multiline=multiline):
        errors.append(FieldError((name,), Message("Give 1-{most} characters, without control characters.", most=most)))
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class RewardFields:
    """``stock`` is the units left (None: unlimited); ``per_person_limit`` the redemptions one ambassador
    may hold at once, rejected and cancelled ones aside (None: no limit). A donation names its association."""

    name: str
    kind: RewardKind
    cost: int
    description: str | None = None
    stock: int | None = None
    per_person_limit: int | None = None
    available_from: datetime | None = None
    available_until: datetime | None = None
    requires_approval: bool = False
    association_id: UUID | None = None

    def validated(self) -> RewardFields:
        errors: list[FieldError] = []
        name = checked_text(errors, "name", self.name, MAX_NAME) or ""
        description = checked_text(errors, "description", self.description, MAX_DESCRIPTION, multiline=True)
        if not 0 < self.cost <= MAX_COST:
            errors.append(FieldError(("cost",), Message("Must be from 1 to {most} points.", most=MAX_COST)))
        if self.stock is not None and not 0 <= self.stock <= MAX_STOCK:
            errors.append(FieldError(("stock",), Message("Must be from 0 to {most}, or null.", most=MAX_STOCK)))
        if self.per_person_limit is not None and not 0 < self.per_person_limit <= MAX_PER_PERSON:
            errors.append(
                FieldError(("per_person_limit",), Message("Must be from 1 to {most}, or null.", most=MAX_PER_PERSON))
            )
        start, end = self.available_from, self.available_until
        if start is not None and end is not None and end <= start:
            errors.append(FieldError(("available_until",), "Must be later than available_from."))
        if (self.kind is RewardKind.DONATION) != (self.association_id is not None):
            errors.append(FieldError(("association_id",), "A donation names its association; other kinds name none."))
        if errors:
            raise ValidationFailed("The reward is not valid.", errors)
        return replace(self, name=name, description=description or None)


@dataclass(slots=True, kw_only=True)
class Reward(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: RewardFields
    status: RewardStatus = RewardStatus.ACTIVE
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        fields: RewardFields,
        author: str,
        now: datetime,
    ) -> Reward:
        return cls(
            id=id,
            tenant_id=tenant_id,
            fields=fields.validated(),
            created_by=author,
            created_at=now,
            updated_at=now,
        )

    def edit(self, changes: Mapping[str, Any], now: datetime) -> None:
        if self.status is RewardStatus.ARCHIVED:
            raise InvalidTransition("reward", self.status, "edited", [])
        unknown = set(changes) - {f.name for f in fields(RewardFields)} | ({"kind"} & set(changes))
        if unknown:
            raise ValidationFailed(
                "Some reward fields cannot be changed.",
                [FieldError((name,), "Not an editable field.") for name in sorted(unknown)],
            )
        updated = replace(self.fields, **changes).validated()
        if updated != self.fields:
            self.fields = updated
            self._touch(now)

    def archive(self, now: datetime) -> None:
        if self.status is RewardStatus.ARCHIVED:
            raise InvalidTransition("reward", self.status, "archived", [])
        self.status = RewardStatus.ARCHIVED
        self._touch(now)

    def available_at(self, now: datetime) -> bool:
        """Offered now: active and inside its window (stock aside)."""
        start, end = self.fields.available_from, self.fields.available_until
        return self.status is RewardStatus.ACTIVE and (start is None or start <= now) and (end is None or now < end)

    def require_available(self, now: datetime) -> None:
        if self.status is RewardStatus.ARCHIVED:
            raise RewardNotAvailable(Message("This reward was withdrawn from the catalogue; choose another one."))
        start, end = self.fields.available_from, self.fields.available_until
        if start is not None and now < start:
            raise RewardNotAvailable(
                Message("This reward is offered from {start}; redeem it then.", start=start.isoformat())
            )
        if end is not None and now >= end:
            raise RewardNotAvailable(
                Message("This reward was offered until {end}; choose another one.", end=end.isoformat())
            )
