"""Leaderboards on asyncpg: one hand-written statement per page (see ``leaderboard_sql``), no ORM,
reading only the rollups the worker keeps."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from app.adapters.postgres.rewards.leaderboard_sql import PAGE
from app.adapters.postgres.rewards.recognition_tables import PROGRAMME
from app.domain.rewards.ranking import Standing, ranks
from app.ports.recognition import LeaderboardPage, LeaderboardQuery, LeaderboardRow, MyStanding


class PostgresLeaderboardReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def page(self, tenant_id: UUID, query: LeaderboardQuery) -> LeaderboardPage:
        after = query.after
        row = await self._pool.fetchrow(
            PAGE,
            tenant_id,
            query.period.value,
            query.at,
            query.subject,
            query.campaign_id or PROGRAMME,
            query.scope.value,
            query.department,
            query.location,
            query.limit + 1,
            after.points if after else None,
            after.ambassador_id if after else None,
        )
        assert row is not None  # noqa: S101 - the statement answers one row whatever it finds
        ids = row["ids"] or []
        points = row["points"] or []
        ranked = ranks(points[: query.limit], after)
        rows = tuple(
            LeaderboardRow(
                position=position,
                rank=rank,
                ambassador_id=ids[n],
                given_name=row["given_names"][n],
                family_name=row["family_names"][n],
                points=points[n],
            )
            for n, (position, rank) in enumerate(ranked)
        )
        last = rows[-1] if rows else None
        next_after = None
        if last is not None and len(ids) > query.limit:
            next_after = Standing(
                position=last.position, rank=last.rank, points=last.points, ambassador_id=last.ambassador_id
            )
        me = None
        if row["me_id"] is not None:
            me = MyStanding(
                ambassador_id=row["me_id"],
                rank=int(row["me_above"]) + 1,
                points=int(row["me_points"]),
                visible=bool(row["me_visible"]),
            )
        return LeaderboardPage(
            period=query.period,
            period_start=row["start"],
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            time_zone=row["tz"],
            department=row["department"],
            location=row["location"],
            campaign_found=bool(row["campaign_found"]) or query.campaign_id is None,
            rows=rows,
            me=me,
            next_after=next_after,
        )
