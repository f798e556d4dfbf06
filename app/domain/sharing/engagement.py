"""Engagement a share earned on its network, as observed at one instant (by an integrator or
the ambassador). Snapshots accumulate; the share's current engagement is the integration's
snapshot observed last, or, while the integration has reported none, the ambassador's observed
last. A late report of an older observation is kept without replacing the current one.

What an ambassador reports is checked for plausibility, as nothing else vouches for it: nobody
reacts to, comments on or reshares a post they did not see, and a post is seen by so many
people only in proportion to the audience its author has there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.networks import Network
from app.domain.sharing.shares import Share

# A count above this does not fit the column; no post reaches it.
MAX_COUNT = 2_147_483_647
# Clocks disagree a little; an observation further in the future than this is a mistake.
CLOCK_SKEW = timedelta(minutes=5)
COUNTS = ("impressions", "reactions", "comments", "reshares")
INTERACTIONS = ("reactions", "comments", "reshares")
# The most impressions an ambassador may report themselves: this many times their audience on the
# network (a post their contacts react to reaches the contacts' contacts), and never less than the
# floor, so that a small or undeclared audience can still report a post that travelled. Beyond it
# only the integration, which reads the network's own figures, is believed.
SELF_REPORTED_REACH = 50
SELF_REPORTED_FLOOR = 10_000


class EngagementSource(StrEnum):
    """Who reported a snapshot: the programme's integration, which reads the network's own figures,
    or the share's ambassador, who copies what the network shows them."""

    INTEGRATION = "integration"
    SELF_REPORTED = "self_reported"

    @property
    def precedence(self) -> int:
        """Higher wins: the integration's figures over the ambassador's, whenever observed."""
        return 1 if self is EngagementSource.INTEGRATION else 0


def self_reported_ceiling(audience: int) -> int:
    """The most impressions an ambassador with ``audience`` followers on the network may report."""
    return min(MAX_COUNT, max(SELF_REPORTED_FLOOR, audience * SELF_REPORTED_REACH))


@dataclass(frozen=True, slots=True, kw_only=True)
class Reporter:
    """Who reports, and, for an ambassador, their audience on the share's network (0 when they
    declared none or disconnected the account)."""

    subject: str
    source: EngagementSource
    network: Network
    audience: int = 0


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
    source: EngagementSource

    @classmethod
    def record(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        share_id: UUID,
        observed_at: datetime,
        counts: dict[str, int],
        reporter: Reporter,
        now: datetime,
    ) -> EngagementSnapshot:
        errors = [
            FieldError((name,), Message("Give a whole number from 0 to {most}.", most=MAX_COUNT))
            for name in COUNTS
            if isinstance(counts.get(name), bool)
            or not isinstance(counts.get(name), int)
            or not 0 <= counts[name] <= MAX_COUNT
        ]
        if not errors:
            errors = _implausible(counts, reporter)
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
            recorded_by=reporter.subject,
            source=reporter.source,
        )

    def supersedes(self, other: EngagementSnapshot | None) -> bool:
        """Whether this snapshot is more current than ``other``: the integration's over the
        ambassador's, then observed later, then recorded later."""
        return other is None or self._rank() > other._rank()

    def _rank(self) -> tuple[int, datetime, datetime, UUID]:
        return (self.source.precedence, self.observed_at, self.recorded_at, self.id)

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTS}


def engagement_recorded(share: Share, snapshot: EngagementSnapshot, current: EngagementSnapshot) -> DomainEvent:
    """``share.engagement_recorded``: ``snapshot`` was stored for ``share``. ``totals`` are the share's
    engagement once it is stored (``current``: the snapshot itself, unless one that supersedes it
    stands), what engagement milestones are judged by; ``totals_source`` says whose figures they are."""
    return DomainEvent(
        type=EventType.SHARE_ENGAGEMENT_RECORDED,
        tenant_id=share.tenant_id,
        occurred_at=snapshot.recorded_at,
        data={
            "id": str(share.id),
            "ambassador_id": str(share.ambassador_id),
            "content_id": str(share.content_id),
            "campaign_id": str(share.campaign_id) if share.campaign_id else None,
            "network": share.network.value,
            "snapshot_id": str(snapshot.id),
            "source": snapshot.source.value,
            "observed_at": snapshot.observed_at.isoformat(),
            "totals": current.counts(),
            "totals_source": current.source.value,
        },
    )


def _implausible(counts: dict[str, int], reporter: Reporter) -> list[FieldError]:
    """What cannot be true of the counts. An integration may report no impressions (0) for a
    network that does not give them; an ambassador sees them on their post, so reports them."""
    impressions = counts["impressions"]
    errors: list[FieldError] = []
    if impressions > 0 or reporter.source is EngagementSource.SELF_REPORTED:
        errors = [
            FieldError(
                (name,),
                Message(
                    "At most the impressions ({impressions}): only people who saw the post react to it, comment "
                    "on it or reshare it.",
                    impressions=impressions,
                ),
            )
            for name in INTERACTIONS
            if counts[name] > impressions
        ]
    ceiling = self_reported_ceiling(reporter.audience)
    if reporter.source is EngagementSource.SELF_REPORTED and impressions > ceiling:
        message = Message(
            "At most {most} when you report them yourself: {reach} times your audience of {audience} on "
            "{network}, or {floor}. Figures this high are reported by your programme's integration.",
            most=ceiling,
            reach=SELF_REPORTED_REACH,
            audience=reporter.audience,
            network=reporter.network.value,
            floor=SELF_REPORTED_FLOOR,
        )
        errors.insert(0, FieldError(("impressions",), message))
    return errors
