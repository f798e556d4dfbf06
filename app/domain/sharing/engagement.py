"""Engagement a share earned on its network, as observed at one instant (by an integrator or
the ambassador). Snapshots accumulate; the one observed last is the share's current engagement,
so a late report of an older observation is kept without replacing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message

# A count above this does not fit the column; no post reaches it.
MAX_COUNT = 2_147_483_647
# Clocks disagree a little; an observation further in the future than this is a mistake.
CLOCK_SKEW = timedelta(minutes=5)
COUNTS = ("impressions", "reactions", "comments", "reshares")


@dataclass(frozen=True, slots=True, kw_only=True)
class EngagementSnapshot:
    id: UUID
    tenant_id: UUID
    share_id: UUID
    observed_at: datetime
    impressions: int
    reactions: int
    comments: int
    reshares: int
    recorded_at: datetime
    recorded_by: str

    @classmethod
    def record(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        share_id: UUID,
        observed_at: datetime,
        counts: dict[str, int],
        recorded_by: str,
        now: datetime,
    ) -> EngagementSnapshot:
        errors = [
            FieldError((name,), Message("Give a whole number from 0 to {most}.", most=MAX_COUNT))
            for name in COUNTS
            if isinstance(counts.get(name), bool)
            or not isinstance(counts.get(name), int)
            or not 0 <= counts[name] <= MAX_COUNT
        ]
        if observed_at.tzinfo is None:
            errors.append(FieldError(("observed_at",), "Give the time with its UTC offset."))
        elif observed_at > now + CLOCK_SKEW:
            errors.append(FieldError(("observed_at",), "An observation cannot be in the future."))
        if errors:
            raise ValidationFailed("The engagement snapshot is not valid.", errors)
        return cls(
            id=id,
            tenant_id=tenant_id,
            share_id=share_id,
            observed_at=observed_at,
            impressions=counts["impressions"],
            reactions=counts["reactions"],
            comments=counts["comments"],
            reshares=counts["reshares"],
            recorded_at=now,
            recorded_by=recorded_by,
        )

    def supersedes(self, other: EngagementSnapshot | None) -> bool:
        """Whether this snapshot is more current than ``other`` (observed later; recorded later on a tie)."""
        return other is None or (self.observed_at, self.recorded_at, self.id) > (
            other.observed_at,
            other.recorded_at,
            other.id,
        )
