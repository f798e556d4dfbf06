"""Campaigns: contents grouped under an objective, a period, an audience and goals.

A campaign is a draft until launched; a launched campaign is ``scheduled``, ``active`` or
``ended`` depending on the instant it is read at (``phase``), never by a job; archiving ends
its life. Its slug becomes the ``utm_campaign`` of shared links, so it is fixed at launch.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.content.content_fields import Objective
from app.domain.content.targeting import Targeting
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
CONVERSION_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_NAME = 200
MAX_DESCRIPTION = 5_000
MAX_GOAL = 1_000_000_000
MAX_CONVERSION_TYPES = 20
MAX_MULTIPLIER = Decimal(10)


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    LAUNCHED = "launched"
    ARCHIVED = "archived"


class CampaignPhase(StrEnum):
    """The status clients read."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ACTIVE = "active"
    ENDED = "ended"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True, kw_only=True)
class Goals:
    """Targets to reach; ``conversions`` maps a conversion type (``lead``, ``job_application``) to its target."""

    shares: int | None = None
    clicks: int | None = None
    conversions: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignFields:
    name: str
    slug: str
    description: str | None = None
    objective: Objective | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    targeting: Targeting = field(default_factory=Targeting)
    goals: Goals = field(default_factory=Goals)
    points_multiplier: Decimal = Decimal(1)
    is_challenge: bool = False

    def validated(self) -> CampaignFields:
        errors: list[FieldError] = []
        name = self.name.strip()
        if is_blank(name) or len(name) > MAX_NAME or has_control_characters(name):
            errors.append(
                FieldError(("name",), Message("Give 1-{most} characters, without control characters.", most=MAX_NAME))
            )
        if not SLUG_PATTERN.fullmatch(self.slug):
            errors.append(FieldError(("slug",), "Use 1-63 lowercase letters, digits or inner hyphens."))
        description = self.description.strip() if self.description is not None else None
        if description is not None and (
            len(description) > MAX_DESCRIPTION or has_control_characters(description, multiline=True)
        ):
            errors.append(
                FieldError(
                    ("description",), Message("At most {most} characters, no control characters.", most=MAX_DESCRIPTION)
                )
            )
        if self.starts_at is not None and self.ends_at is not None and self.ends_at <= self.starts_at:
            errors.append(FieldError(("ends_at",), "Must be later than starts_at."))
        targeting, targeting_errors = Targeting.parse(
            departments=self.targeting.departments,
            locations=self.targeting.locations,
            languages=self.targeting.languages,
        )
        errors.extend(targeting_errors)
        _check_goals(self.goals, errors)
        multiplier = _multiplier(self.points_multiplier, errors)
        if errors:
            raise ValidationFailed("The campaign is not valid.", errors)
        return replace(
            self,
            name=name,
            description=description or None,
            targeting=targeting,
            goals=replace(self.goals, conversions=dict(sorted(self.goals.conversions.items()))),
            points_multiplier=multiplier,
        )


@dataclass(slots=True, kw_only=True)
class Campaign(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: CampaignFields
    status: CampaignStatus
    created_by: str
    launched_at: datetime | None = None
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
        fields: CampaignFields,
        author: str,
        now: datetime,
    ) -> Campaign:
        return cls(
            id=id,
            tenant_id=tenant_id,
            fields=fields.validated(),
            status=CampaignStatus.DRAFT,
            created_by=author,
            created_at=now,
            updated_at=now,
        )

    def phase(self, now: datetime) -> CampaignPhase:
        if self.status is not CampaignStatus.LAUNCHED:
            return CampaignPhase(self.status.value)
        starts_at, ends_at = self.fields.starts_at, self.fields.ends_at
        if starts_at is not None and now < starts_at:
            return CampaignPhase.SCHEDULED
        if ends_at is not None and now >= ends_at:
            return CampaignPhase.ENDED
        return CampaignPhase.ACTIVE

    def is_active_at(self, moment: datetime) -> bool:
        return self.phase(moment) is CampaignPhase.ACTIVE

    def edit(self, changes: Mapping[str, Any], now: datetime) -> None:
        if self.status is CampaignStatus.ARCHIVED:
            raise InvalidTransition("campaign", self.status, "edited", [])
        unknown = set(changes) - {f.name for f in fields(CampaignFields)}
        if unknown:
            raise ValidationFailed(
                "Unknown campaign fields.", [FieldError((name,), "Not an editable field.") for name in sorted(unknown)]
            )
        updated = replace(self.fields, **changes).validated()
        if self.status is CampaignStatus.LAUNCHED:
            _require_launchable(updated)
            if updated.slug != self.fields.slug:
                raise ValidationFailed(
                    "The slug of a launched campaign is fixed.",
                    [FieldError(("slug",), "It is the utm_campaign of links already shared; it cannot change now.")],
                )
        if updated != self.fields:
            self.fields = updated
            self._touch(now)

    def launch(self, now: datetime) -> None:
        if self.status is not CampaignStatus.DRAFT:
            raise InvalidTransition("campaign", self.status, "launched", self._allowed())
        _require_launchable(self.fields)
        self.status = CampaignStatus.LAUNCHED
        self.launched_at = now
        self._touch(now)
        self._announce(EventType.CAMPAIGN_LAUNCHED, now)

    def archive(self, now: datetime) -> None:
        if self.status is CampaignStatus.ARCHIVED:
            raise InvalidTransition("campaign", self.status, "archived", [])
        self.status = CampaignStatus.ARCHIVED
        self._touch(now)
        self._announce(EventType.CAMPAIGN_ARCHIVED, now)

    def require_open(self) -> None:
        """Contents can be added to or removed from any campaign but an archived one."""
        if self.status is CampaignStatus.ARCHIVED:
            raise InvalidTransition("campaign", self.status, "given contents", [])

    def _allowed(self) -> list[str]:
        return {CampaignStatus.DRAFT: ["launch", "archive"], CampaignStatus.LAUNCHED: ["archive"]}.get(self.status, [])

    def _announce(self, type_: EventType, now: datetime) -> None:
        starts_at, ends_at = self.fields.starts_at, self.fields.ends_at
        self._emit(
            type_,
            now,
            {
                "id": str(self.id),
                "slug": self.fields.slug,
                "status": self.status.value,
                "starts_at": starts_at.isoformat() if starts_at else None,
                "ends_at": ends_at.isoformat() if ends_at else None,
            },
        )


def _require_launchable(fields: CampaignFields) -> None:
    if fields.starts_at is None:
        raise ValidationFailed(
            "A campaign needs a start to be launched.", [FieldError(("starts_at",), "Set when the campaign starts.")]
        )


def _check_goals(goals: Goals, errors: list[FieldError]) -> None:
    for name in ("shares", "clicks"):
        value = getattr(goals, name)
        if value is not None and not 0 < value <= MAX_GOAL:
            errors.append(FieldError(("goals", name), Message("Must be from 1 to {most}, or null.", most=MAX_GOAL)))
    if len(goals.conversions) > MAX_CONVERSION_TYPES:
        errors.append(
            FieldError(("goals", "conversions"), Message("At most {most} conversion types.", most=MAX_CONVERSION_TYPES))
        )
    for kind, target in goals.conversions.items():
        if not CONVERSION_TYPE.fullmatch(kind):
            errors.append(FieldError(("goals", "conversions", kind), "Name it with 1-40 lowercase letters, digits, _."))
        elif not 0 < target <= MAX_GOAL:
            errors.append(
                FieldError(("goals", "conversions", kind), Message("Must be from 1 to {most}.", most=MAX_GOAL))
            )


def _multiplier(value: Decimal, errors: list[FieldError]) -> Decimal:
    try:
        rounded = Decimal(value).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        rounded = Decimal(0)
    if not Decimal(1) <= rounded <= MAX_MULTIPLIER or rounded != value:
        errors.append(
            FieldError(
                ("points_multiplier",),
                Message("Must be from 1 to {most}, with at most two decimals.", most=MAX_MULTIPLIER),
            )
        )
    return rounded
