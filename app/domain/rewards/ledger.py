"""The points ledger's entries: append-only, each explaining where its points came from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.events import DomainEvent, EventSource, EventType


class EntryKind(StrEnum):
    """What an entry does to a balance. Awards, reversals and adjustments are earnings (they count
    towards the points an ambassador ever earned); redemptions, refunds and donations move points
    already earned."""

    AWARD = "award"
    REVERSAL = "reversal"
    ADJUSTMENT = "adjustment"
    REDEMPTION = "redemption"
    REFUND = "refund"
    DONATION = "donation"

    @property
    def earning(self) -> bool:
        return self in EARNING_KINDS


EARNING_KINDS = frozenset({EntryKind.AWARD, EntryKind.REVERSAL, EntryKind.ADJUSTMENT})
SPENDING_KINDS = frozenset({EntryKind.REDEMPTION, EntryKind.DONATION})


class EntryStatus(StrEnum):
    """``credited`` entries count in the balance from the start. ``withheld`` ones were flagged for
    review and count in nothing until staff decide: ``released`` (they count from then on) or
    ``reversed`` (they never count). The decision is the only change an entry ever sees."""

    CREDITED = "credited"
    WITHHELD = "withheld"
    RELEASED = "released"
    REVERSED = "reversed"

    @property
    def counted(self) -> bool:
        return self in (EntryStatus.CREDITED, EntryStatus.RELEASED)


class Decision(StrEnum):
    """What staff decide on withheld points: release them (they count) or reverse them (they never do)."""

    RELEASE = "release"
    REVERSE = "reverse"


class CapHit(StrEnum):
    """Which cap cut an award short (the award keeps what the cap still allowed, possibly none)."""

    DAILY = "daily"
    SHARE = "share"


# The rule key of entries that no reward rule made.
ADJUSTMENT_RULE = "adjustment"


@dataclass(slots=True, kw_only=True)
class PointEntry(EventSource):
    """One line of an ambassador's points: ``points`` is signed (negative for reversals, redemptions,
    donations and downward adjustments). ``source_event_id`` with ``rule`` and ``share_id`` (a conversion
    credits several shares) is what makes an award once-only; ``reverses`` names the entry a reversal
    takes back (each entry is reversed at most once). ``reason`` says in words why the entry exists; the
    other fields say it in data."""

    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    points: int
    kind: EntryKind
    status: EntryStatus = EntryStatus.CREDITED
    rule: str
    rule_set_version: int | None = None
    source_event_id: UUID | None = None
    source_event_type: str | None = None
    share_id: UUID | None = None
    campaign_id: UUID | None = None
    conversion_id: UUID | None = None
    multiplier: Decimal = Decimal(1)
    cap_hit: CapHit | None = None
    reason: str
    reverses: UUID | None = None
    actor: str | None = None
    occurred_at: datetime
    recorded_at: datetime
    reviewed_at: datetime | None = None
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @property
    def counted(self) -> bool:
        """Whether the entry's points are in the balance."""
        return self.status.counted

    @property
    def debit(self) -> bool:
        return self.points < 0

    def taking(self, available: int) -> PointEntry:
        """The entry as stored against a balance holding ``available``: a debit that is no spend (a
        reversal, a downward adjustment) takes at most what the balance holds, since points already
        spent stay spent. Anything else is stored as it is."""
        if not self.debit or self.kind in SPENDING_KINDS or not self.counted or -self.points <= available:
            return self
        return replace(self, points=-max(available, 0), pending_events=[])

    def announce(self) -> None:
        """Record the event of a newly stored entry: awarded points (an award or an upward adjustment
        that counts), reversed points (a reversal, a downward adjustment). Spends and withheld awards
        are announced by what they belong to, or when released."""
        if self.kind in SPENDING_KINDS or self.kind is EntryKind.REFUND:
            return
        if self.status is EntryStatus.WITHHELD:
            return
        if self.points > 0:
            self._emit(EventType.POINTS_AWARDED, self.recorded_at)
        elif self.points < 0 or self.kind is EntryKind.REVERSAL:
            self._emit(EventType.POINTS_REVERSED, self.recorded_at)

    def reviewed(self, status: EntryStatus, at: datetime, actor: str) -> PointEntry:
        """The withheld entry once staff decided; released points are announced as awarded."""
        decided = replace(self, status=status, reviewed_at=at, actor=actor, pending_events=[])
        if status is EntryStatus.RELEASED and decided.points > 0:
            decided._emit(EventType.POINTS_AWARDED, at)
        return decided

    def _emit(self, type_: EventType, at: datetime) -> None:
        self.record(DomainEvent(type=type_, tenant_id=self.tenant_id, occurred_at=at, data=self.event_data()))

    def event_data(self) -> dict[str, Any]:
        return {
            "entry_id": str(self.id),
            "ambassador_id": str(self.ambassador_id),
            "points": self.points,
            "kind": self.kind.value,
            "status": self.status.value,
            "rule": self.rule,
            "rule_set_version": self.rule_set_version,
            "source_event_id": str(self.source_event_id) if self.source_event_id else None,
            "share_id": str(self.share_id) if self.share_id else None,
            "campaign_id": str(self.campaign_id) if self.campaign_id else None,
            "conversion_id": str(self.conversion_id) if self.conversion_id else None,
            "reverses": str(self.reverses) if self.reverses else None,
            "occurred_at": self.occurred_at.isoformat(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PointBalance:
    """What an ambassador holds now (never below zero) and has ever earned (for boards)."""

    ambassador_id: UUID
    balance: int = 0
    earned: int = 0


def balance_change(entry: PointEntry) -> tuple[int, int]:
    """What storing the entry adds to (balance, earned)."""
    if not entry.counted:
        return 0, 0
    return entry.points, entry.points if entry.kind.earning else 0
