"""Recognition in memory: rollups, counters, badges and challenge results as the PostgreSQL store
keeps them, and a leaderboard reader and a campaign progress reader over the same rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.rewards.badges import Badge, EarnedBadge, Metric
from app.domain.rewards.challenges import ChallengeResult
from app.domain.rewards.periods import EPOCH, Period, PeriodKind
from app.domain.rewards.ranking import Standing, ranks
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.recognition import (
    CampaignProgress,
    GoalProgress,
    LeaderboardPage,
    LeaderboardQuery,
    LeaderboardRow,
    LeaderboardScope,
    MyStanding,
    RollupChange,
)
from tests.fake_storage import FakeDatabase, IntegrityViolationError, _Repository

PROGRAMME = UUID(int=0)
ROLLUP, COUNTER, EARNED, BADGE, RESULT = "rollup", "counter", "earned", "badge", "result"


class FakeRecognitionStore(_Repository):
    def _rows(self, kind: str) -> list[tuple[tuple[Any, ...], Any]]:
        table = self._tx.recognition
        return [
            (key, table.get(key))
            for key in list(self._tx.database.recognition) + list(table._changes)
            if key[0] == kind and key[1] == self._tenant_id and table.get(key) is not None
        ]

    def _member(self, ambassador_id: UUID) -> None:
        if self._tx.ambassadors.get((self._tenant_id, ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {ambassador_id}.")

    async def add_points(self, changes: Sequence[RollupChange]) -> None:
        for change in changes:
            key = (
                ROLLUP,
                self._tenant_id,
                change.kind.value,
                change.start,
                change.campaign_id or PROGRAMME,
                change.ambassador_id,
            )
            self._tx.recognition.put(key, (self._tx.recognition.get(key) or 0) + change.points)

    async def count(self, ambassador_id: UUID, metric: Metric, periods: Sequence[date], by: int = 1) -> None:
        self._member(ambassador_id)
        for start in set(periods):
            key = (COUNTER, self._tenant_id, ambassador_id, metric, start)
            self._tx.recognition.put(key, (self._tx.recognition.get(key) or 0) + by)

    async def counters(self, ambassador_id: UUID, since: date) -> Mapping[tuple[Metric, date], int]:
        return {
            (key[3], key[4]): value
            for key, value in self._rows(COUNTER)
            if key[2] == ambassador_id and (key[4] >= since or key[4] == EPOCH)
        }

    async def own_badges(self) -> list[Badge]:
        return sorted((value for _, value in self._rows(BADGE)), key=lambda badge: badge.key)

    async def save_badge(self, badge: Badge, now: datetime) -> None:
        self._require_tenant_row(self._tenant_id)
        self._tx.recognition.put((BADGE, self._tenant_id, badge.key), badge)

    async def earned(self, ambassador_id: UUID) -> list[EarnedBadge]:
        held = [value for key, value in self._rows(EARNED) if key[2] == ambassador_id]
        return sorted(held, key=lambda badge: (badge.earned_at, badge.badge_key))

    async def earn(self, badges: Sequence[EarnedBadge]) -> list[EarnedBadge]:
        new = []
        for badge in badges:
            self._require_own(badge.tenant_id)
            self._member(badge.ambassador_id)
            key = (EARNED, self._tenant_id, badge.ambassador_id, badge.badge_key)
            if self._tx.recognition.get(key) is not None:
                continue
            self._tx.recognition.put(key, replace(badge, pending_events=[]))
            self._tracker.track(badge)
            new.append(badge)
        return new

    async def campaign_board(self, campaign_id: UUID) -> list[tuple[UUID, int]]:
        board = [
            (key[5], value)
            for key, value in self._rows(ROLLUP)
            if key[2] == PeriodKind.CAMPAIGN.value and key[4] == campaign_id and self._active(key[5])
        ]
        return sorted(board, key=lambda row: (-row[1], row[0]))

    def _active(self, ambassador_id: UUID) -> bool:
        member = self._tx.ambassadors.get((self._tenant_id, ambassador_id))
        return member is not None and member.status is MembershipStatus.ACTIVE

    async def settle(self, result: ChallengeResult) -> bool:
        self._require_own(result.tenant_id)
        key = (RESULT, self._tenant_id, result.campaign_id)
        if self._tx.recognition.get(key) is not None:
            return False
        self._tx.recognition.put(key, replace(result, pending_events=[]))
        self._tracker.track(result)
        return True

    async def challenge_result(self, campaign_id: UUID) -> ChallengeResult | None:
        found: ChallengeResult | None = self._tx.recognition.get((RESULT, self._tenant_id, campaign_id))
        return found


class FakeLeaderboardReader:
    """Boards over the committed rollups, with the PostgreSQL reader's rules (visible active members
    only, the caller's standing beside the page). Time zones other than the settings' are not its
    business: it reads the committed settings."""

    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def page(self, tenant_id: UUID, query: LeaderboardQuery) -> LeaderboardPage:
        settings = self._db.settings.get(tenant_id)
        time_zone = settings.time_zone if settings is not None else "UTC"
        period = Period.holding(query.period, query.at, time_zone)
        campaign = query.campaign_id or PROGRAMME
        people = {
            member.id: (member, self._db.employees[(tenant_id, member.employee_id)])
            for (tenant, _), member in self._db.ambassadors.items()
            if tenant == tenant_id
        }
        me = next(((a, e) for a, e in people.values() if e.profile.idp_subject == query.subject), None)
        points = {
            key[5]: value
            for key, value in self._db.recognition.items()
            if key[0] == ROLLUP and key[:6] == (ROLLUP, tenant_id, query.period.value, period.start, campaign, key[5])
        }

        def shown(ambassador_id: UUID) -> bool:
            member, _ = people[ambassador_id]
            return member.status is MembershipStatus.ACTIVE and member.preferences.leaderboard_visible

        board = sorted(((-p, a) for a, p in points.items() if a in people and shown(a)))
        after = query.after
        if after is not None:
            board = [row for row in board if (row[0], row[1]) > (-after.points, after.ambassador_id)]
        chosen = board[: query.limit]
        ranked = ranks([-p for p, _ in chosen], after)
        rows = tuple(
            LeaderboardRow(
                position=position,
                rank=rank,
                ambassador_id=a,
                given_name=people[a][1].profile.given_name,
                family_name=people[a][1].profile.family_name,
                points=-p,
            )
            for (p, a), (position, rank) in zip(chosen, ranked, strict=True)
        )
        mine = None
        if me is not None and query.scope is LeaderboardScope.PROGRAMME:
            own = points.get(me[0].id, 0)
            above = sum(1 for p, a in board if -p > own and a != me[0].id)
            mine = MyStanding(ambassador_id=me[0].id, rank=above + 1, points=own, visible=shown(me[0].id))
        last = rows[-1] if rows else None
        more = len(board) > query.limit
        return LeaderboardPage(
            period=query.period,
            period_start=period.start,
            starts_at=period.starts_at,
            ends_at=period.ends_at,
            time_zone=time_zone,
            department=None,
            location=None,
            campaign_found=query.campaign_id is None or (tenant_id, query.campaign_id) in self._db.campaigns,
            rows=rows,
            me=mine,
            next_after=Standing(
                position=last.position, rank=last.rank, points=last.points, ambassador_id=last.ambassador_id
            )
            if last and more
            else None,
        )


class FakeCampaignProgressReader:
    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def progress(self, tenant_id: UUID, campaign_id: UUID) -> CampaignProgress | None:
        campaign = self._db.campaigns.get((tenant_id, campaign_id))
        if campaign is None:
            return None
        shares = sum(
            1
            for (tenant, _), share in self._db.shares.items()
            if tenant == tenant_id and share.campaign_id == campaign_id and share.posted_at is not None
        )
        goals = campaign.fields.goals
        return CampaignProgress(
            campaign_id=campaign_id,
            is_challenge=campaign.fields.is_challenge,
            shares=GoalProgress(target=goals.shares, reached=shares),
            clicks=GoalProgress(target=goals.clicks, reached=0),
            conversions={kind: GoalProgress(target=target, reached=0) for kind, target in goals.conversions.items()},
        )
