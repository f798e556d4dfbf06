"""Ports of recognition (rewards): badges, leaderboard rollups and boards, challenges and the
progress of campaigns against their goals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from app.domain.rewards.badges import Badge, EarnedBadge, Metric
from app.domain.rewards.challenges import ChallengeResult
from app.domain.rewards.periods import PeriodKind
from app.domain.rewards.ranking import LeaderboardScope, Standing


@dataclass(frozen=True, slots=True, kw_only=True)
class RollupChange:
    """Points to add to one ambassador's rollup of one period (``campaign_id`` None: programme-wide)."""

    ambassador_id: UUID
    kind: PeriodKind
    start: date
    campaign_id: UUID | None
    points: int


class RecognitionStore(Protocol):
    """The unit of work's tenant's badges, counters, rollups and challenge results."""

    async def add_points(self, changes: Sequence[RollupChange]) -> None:
        """Add each change to its rollup (created at zero when missing), in the unit of work."""
        ...

    async def count(self, ambassador_id: UUID, metric: Metric, periods: Sequence[date], by: int = 1) -> None:
        """Add ``by`` to the ambassador's counter of ``metric`` in each period bucket."""
        ...

    async def counters(self, ambassador_id: UUID, since: date) -> Mapping[tuple[Metric, date], int]:
        """The ambassador's counters of buckets starting on ``since`` or later, and the all-time ones."""
        ...

    async def own_badges(self) -> list[Badge]:
        """The tenant's own badges and overrides of the defaults, by key."""
        ...

    async def save_badge(self, badge: Badge, now: datetime) -> None:
        """Store the tenant's badge (or override), replacing one of the same key."""
        ...

    async def earned(self, ambassador_id: UUID) -> list[EarnedBadge]:
        """The badges the ambassador holds, in the order earned."""
        ...

    async def earn(self, badges: Sequence[EarnedBadge]) -> list[EarnedBadge]:
        """Store the badges not held yet (each once per ambassador and key, whoever writes first) and
        send their events to the outbox; answers those stored now."""
        ...

    async def campaign_board(self, campaign_id: UUID) -> list[tuple[UUID, int]]:
        """A campaign's own-period rollups of active members, most points first, ties by ambassador id."""
        ...

    async def settle(self, result: ChallengeResult) -> bool:
        """Store a challenge's result and its event, unless one is stored already (then False)."""
        ...

    async def challenge_result(self, campaign_id: UUID) -> ChallengeResult | None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardQuery:
    """One page of a board. ``subject`` is the caller's (their own standing is read with the page);
    ``department``/``location`` None in those scopes means the caller's own."""

    period: PeriodKind
    scope: LeaderboardScope
    at: datetime
    subject: str
    campaign_id: UUID | None = None
    department: str | None = None
    location: str | None = None
    limit: int = 20
    after: Standing | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardRow:
    position: int
    rank: int
    ambassador_id: UUID
    given_name: str
    family_name: str
    points: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MyStanding:
    """The caller's own rank and points, shown beside every page, visible to the boards or not."""

    ambassador_id: UUID
    rank: int
    points: int
    visible: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardPage:
    period: PeriodKind
    period_start: date
    starts_at: datetime | None
    ends_at: datetime | None
    time_zone: str
    department: str | None
    location: str | None
    campaign_found: bool
    rows: tuple[LeaderboardRow, ...] = ()
    me: MyStanding | None = None
    next_after: Standing | None = None


class LeaderboardReader(Protocol):
    """Boards read from the rollups in one statement, the caller's standing included."""

    async def page(self, tenant_id: UUID, query: LeaderboardQuery) -> LeaderboardPage: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class GoalProgress:
    """One goal: its target (None when the campaign sets none) and what was reached."""

    target: int | None
    reached: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignProgress:
    campaign_id: UUID
    is_challenge: bool
    shares: GoalProgress
    clicks: GoalProgress
    conversions: Mapping[str, GoalProgress] = field(default_factory=dict)


class CampaignProgressReader(Protocol):
    async def progress(self, tenant_id: UUID, campaign_id: UUID) -> CampaignProgress | None:
        """Posted shares, counted clicks (not the ambassadors' own) and credited conversions by type
        against the campaign's goals, in one statement; None when the tenant has no such campaign."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DueChallenge:
    tenant_id: UUID
    campaign_id: UUID
    ends_at: datetime


class ChallengeSchedule(Protocol):
    """Across tenants: launched challenges that ended before ``now`` and have no result yet."""

    async def due(self, now: datetime, limit: int) -> list[DueChallenge]: ...


__all__ = ["LeaderboardScope"]
