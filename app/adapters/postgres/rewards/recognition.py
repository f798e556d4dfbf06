"""Recognition on PostgreSQL through the unit of work: counters and rollups moved by upserts, badges
earned once per (ambassador, key) by an insert that ignores a conflict, challenge results once per
campaign the same way."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.recognition_tables import (
    PROGRAMME,
    badge_counters,
    badges,
    challenge_results,
    earned_badges,
    leaderboard_rollups,
)
from app.domain.rewards.badges import Badge, EarnedBadge, Metric, criterion_of
from app.domain.rewards.challenges import ChallengeResult, Winner
from app.domain.rewards.periods import EPOCH
from app.ports.recognition import RollupChange

_rollups = leaderboard_rollups.c
_counters = badge_counters.c
_earned = earned_badges.c
_badges = badges.c
_results = challenge_results.c

# A campaign's own-period board of its active members (the challenge's winners are drawn from it).
CAMPAIGN_BOARD = """
SELECT r.ambassador_id, r.points
FROM leaderboard_rollups AS r
JOIN ambassadors AS a ON a.tenant_id = r.tenant_id AND a.id = r.ambassador_id AND a.status = 'active'
WHERE r.tenant_id = :tenant AND r.period_kind = 'campaign' AND r.period_start = :epoch AND r.campaign_id = :campaign
ORDER BY r.points DESC, r.ambassador_id
"""


class PostgresRecognitionStore(_Repository):
    async def add_points(self, changes: Sequence[RollupChange]) -> None:
        summed: dict[tuple[str, date, UUID, UUID], int] = defaultdict(int)
        for change in changes:
            summed[(change.kind.value, change.start, change.campaign_id or PROGRAMME, change.ambassador_id)] += (
                change.points
            )
        rows = [
            {
                "tenant_id": self._tenant_id,
                "period_kind": kind,
                "period_start": start,
                "campaign_id": campaign,
                "ambassador_id": ambassador,
                "points": points,
            }
            for (kind, start, campaign, ambassador), points in sorted(summed.items())
            if points
        ]
        if not rows:
            return
        statement = insert(leaderboard_rollups).values(rows)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[
                    _rollups.tenant_id,
                    _rollups.period_kind,
                    _rollups.period_start,
                    _rollups.campaign_id,
                    _rollups.ambassador_id,
                ],
                set_={"points": _rollups.points + statement.excluded.points},
            )
        )

    async def count(self, ambassador_id: UUID, metric: Metric, periods: Sequence[date], by: int = 1) -> None:
        rows = [
            {
                "tenant_id": self._tenant_id,
                "ambassador_id": ambassador_id,
                "metric": metric.value,
                "period_start": start,
                "count": by,
            }
            for start in sorted(set(periods))
        ]
        statement = insert(badge_counters).values(rows)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[_counters.tenant_id, _counters.ambassador_id, _counters.metric, _counters.period_start],
                set_={"count": _counters.count + statement.excluded.count},
            )
        )

    async def counters(self, ambassador_id: UUID, since: date) -> Mapping[tuple[Metric, date], int]:
        result = await self._session.execute(
            sa.select(_counters.metric, _counters.period_start, _counters.count).where(
                _counters.tenant_id == self._tenant_id,
                _counters.ambassador_id == ambassador_id,
                sa.or_(_counters.period_start >= since, _counters.period_start == EPOCH),
            )
        )
        return {(Metric(row[0]), row[1]): int(row[2]) for row in result}

    async def own_badges(self) -> list[Badge]:
        result = await self._session.execute(
            sa.select(badges).where(_badges.tenant_id == self._tenant_id).order_by(_badges.key)
        )
        return [
            Badge(
                key=row.key,
                name=row.name,
                description=row.description,
                criterion=criterion_of(row.criterion),
                enabled=row.enabled,
            )
            for row in result
        ]

    async def save_badge(self, badge: Badge, now: datetime) -> None:
        values: dict[str, Any] = {
            "name": badge.name,
            "description": badge.description,
            "criterion": badge.criterion.document(),
            "enabled": badge.enabled,
            "updated_at": now,
        }
        statement = insert(badges).values(tenant_id=self._tenant_id, key=badge.key, created_at=now, **values)
        await self._session.execute(
            statement.on_conflict_do_update(index_elements=[_badges.tenant_id, _badges.key], set_=values)
        )

    async def earned(self, ambassador_id: UUID) -> list[EarnedBadge]:
        result = await self._session.execute(
            sa.select(earned_badges)
            .where(_earned.tenant_id == self._tenant_id, _earned.ambassador_id == ambassador_id)
            .order_by(_earned.earned_at, _earned.badge_key)
        )
        return [
            EarnedBadge(
                tenant_id=row.tenant_id,
                ambassador_id=row.ambassador_id,
                badge_key=row.badge_key,
                earned_at=row.earned_at,
                source_event_id=row.source_event_id,
                campaign_id=row.campaign_id,
            )
            for row in result
        ]

    async def earn(self, badges_: Sequence[EarnedBadge]) -> list[EarnedBadge]:
        if not badges_:
            return []
        for badge in badges_:
            self._require_own(badge.tenant_id)
        inserted = await self._session.execute(
            insert(earned_badges)
            .values(
                [
                    {
                        "tenant_id": badge.tenant_id,
                        "ambassador_id": badge.ambassador_id,
                        "badge_key": badge.badge_key,
                        "earned_at": badge.earned_at,
                        "source_event_id": badge.source_event_id,
                        "campaign_id": badge.campaign_id,
                    }
                    for badge in badges_
                ]
            )
            .on_conflict_do_nothing()
            .returning(_earned.ambassador_id, _earned.badge_key)
        )
        stored = {(row.ambassador_id, row.badge_key) for row in inserted}
        new = [badge for badge in badges_ if (badge.ambassador_id, badge.badge_key) in stored]
        for badge in new:
            self._tracker.track(badge)
        return new

    async def campaign_board(self, campaign_id: UUID) -> list[tuple[UUID, int]]:
        result = await self._session.execute(
            sa.text(CAMPAIGN_BOARD), {"tenant": self._tenant_id, "epoch": EPOCH, "campaign": campaign_id}
        )
        return [(row.ambassador_id, int(row.points)) for row in result]

    async def settle(self, result: ChallengeResult) -> bool:
        self._require_own(result.tenant_id)
        inserted = await self._session.execute(
            insert(challenge_results)
            .values(
                tenant_id=result.tenant_id,
                campaign_id=result.campaign_id,
                ended_at=result.ended_at,
                settled_at=result.settled_at,
                winners=[
                    {"ambassador_id": str(w.ambassador_id), "rank": w.rank, "points": w.points} for w in result.winners
                ],
            )
            .on_conflict_do_nothing()
            .returning(_results.campaign_id)
        )
        if inserted.first() is None:
            return False
        self._tracker.track(result)
        return True

    async def challenge_result(self, campaign_id: UUID) -> ChallengeResult | None:
        row = (
            await self._session.execute(
                sa.select(challenge_results).where(
                    _results.tenant_id == self._tenant_id, _results.campaign_id == campaign_id
                )
            )
        ).first()
        if row is None:
            return None
        return ChallengeResult(
            tenant_id=row.tenant_id,
            campaign_id=row.campaign_id,
            ended_at=row.ended_at,
            settled_at=row.settled_at,
            winners=tuple(
                Winner(ambassador_id=UUID(w["ambassador_id"]), rank=w["rank"], points=w["points"]) for w in row.winners
            ),
        )
