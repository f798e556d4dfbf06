"""Challenges: a campaign marked ``is_challenge`` has a board over its own period; when it ends, its
winners are fixed once (those ranked within the top N, ties at the edge included) and
``challenge.ended`` is recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.rewards.ranking import ranks

DEFAULT_CHALLENGE_WINNERS = 3
MAX_CHALLENGE_WINNERS = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Winner:
    ambassador_id: UUID
    rank: int
    points: int


def winners(board: Sequence[tuple[UUID, int]], top: int) -> list[Winner]:
    """The winners of a board (ambassador and points, most points first, ties in id order): everyone
    ranked ``top`` or better, so a tie at the edge brings every tied ambassador in. No one with no
    points wins."""
    ranked = ranks([points for _, points in board])
    return [
        Winner(ambassador_id=ambassador_id, rank=rank, points=points)
        for (ambassador_id, points), (_, rank) in zip(board, ranked, strict=True)
        if rank <= top and points > 0
    ]


@dataclass(slots=True, kw_only=True)
class ChallengeResult(EventSource):
    """A challenge's fixed outcome, stored once per campaign."""

    tenant_id: UUID
    campaign_id: UUID
    ended_at: datetime
    settled_at: datetime
    winners: tuple[Winner, ...]
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def settle(
        cls, *, tenant_id: UUID, campaign_id: UUID, ended_at: datetime, now: datetime, winners: Sequence[Winner]
    ) -> ChallengeResult:
        result = cls(
            tenant_id=tenant_id, campaign_id=campaign_id, ended_at=ended_at, settled_at=now, winners=tuple(winners)
        )
        data = {
            "campaign_id": str(campaign_id),
            "ended_at": ended_at.isoformat(),
            "winners": [
                {"ambassador_id": str(w.ambassador_id), "rank": w.rank, "points": w.points} for w in result.winners
            ],
        }
        result.record(DomainEvent(type=EventType.CHALLENGE_ENDED, tenant_id=tenant_id, occurred_at=now, data=data))
        return result
