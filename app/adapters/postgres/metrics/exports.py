"""The exports on asyncpg: each stream is one server-side cursor in one read-only transaction,
fetched a chunk at a time, so that a million rows cost the server one chunk of memory.

The connection is taken from the pool when the first row is asked for and given back when the rows
are exhausted or closed: a slow reader holds one connection for as long as it reads.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.events.delivery_queue import first_id_at
from app.adapters.postgres.metrics.exports_sql import (
    CONVERSION_COLUMNS,
    CONVERSIONS,
    LEADERBOARD,
    LEADERBOARD_COLUMNS,
    POINT_COLUMNS,
    POINTS,
    SHARE_COLUMNS,
    SHARE_FIGURE_COLUMNS,
    shares_sql,
)
from app.ports.metrics import (
    ConversionExportQuery,
    ExportTable,
    LeaderboardExportQuery,
    PointsExportQuery,
    Rows,
    ShareExportQuery,
)

# Rows fetched per round trip: large enough that round trips cost little, small enough to stay a
# few hundred kilobytes however wide the rows.
PREFETCH = 2000
PROGRAMME = UUID(int=0)  # the leaderboard rollups' campaign of programme-wide boards


class PostgresMetricExports:
    def __init__(self, pool: asyncpg.Pool, *, prefetch: int = PREFETCH) -> None:
        self._pool = pool
        self._prefetch = prefetch

    def shares(self, tenant_id: UUID, query: ShareExportQuery) -> ExportTable:
        period = query.period
        statement = shares_sql(query.on, query.figures)
        columns = SHARE_COLUMNS + (SHARE_FIGURE_COLUMNS if query.figures else ())
        return ExportTable(
            columns=columns, rows=self._rows(statement, tenant_id, period.start, period.end, query.department)
        )

    def conversions(self, tenant_id: UUID, query: ConversionExportQuery) -> ExportTable:
        period = query.period
        rows = self._rows(CONVERSIONS, tenant_id, period.start, period.end, query.department)
        return ExportTable(columns=CONVERSION_COLUMNS, rows=rows)

    def points(self, tenant_id: UUID, query: PointsExportQuery) -> ExportTable:
        period = query.period
        rows = self._rows(POINTS, tenant_id, first_id_at(period.start), first_id_at(period.end))
        return ExportTable(columns=POINT_COLUMNS, rows=rows)

    def leaderboard(self, tenant_id: UUID, query: LeaderboardExportQuery) -> ExportTable:
        campaign = query.campaign_id or PROGRAMME
        rows = self._rows(LEADERBOARD, tenant_id, query.kind.value, query.at, campaign, query.department)
        return ExportTable(columns=LEADERBOARD_COLUMNS, rows=rows)

    async def _rows(self, statement: str, *arguments: Any) -> Rows:
        # Repeatable read: every chunk reads the same snapshot, as one statement would.
        async with (
            self._pool.acquire() as connection,
            connection.transaction(isolation="repeatable_read", readonly=True),
        ):
            async for record in connection.cursor(statement, *arguments, prefetch=self._prefetch):
                yield tuple(record)
