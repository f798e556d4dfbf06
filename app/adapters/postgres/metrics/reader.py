"""The metric reads on asyncpg, over the hourly rollups (never the clicks).

A read runs only the statements its KPIs need: the figures per group and network, the distinct
ambassadors who posted, the roster at each bucket's end, costs, and the ledger's points, redemptions
and donations. Totals and time series of everyone's facts read ``metric_days`` and, at the edges of
their buckets, ``metric_hours`` (one row a day and network, however many clicks); every other read,
and every read narrowed to some ambassadors (a department, one ambassador, those shown on boards),
``metric_share_hours``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.metrics.programme_sql import PROGRAMME_FIGURES, ranges
from app.adapters.postgres.metrics.reader_sql import (
    ACTIVE,
    COSTS,
    ENROLLED,
    GROWTH,
    LEDGER_GROUPINGS,
    LEDGERS,
    ROSTER_GROUPINGS,
    SCORES,
    TOTAL,
    Whose,
    active_sql,
    costs_sql,
    enrolled_sql,
    figures_sql,
    ledger_sql,
    reads_programme_rollups,
    scores_sql,
)
from app.adapters.postgres.metrics.rollup_sql import FIGURES
from app.domain.metrics.figures import Basis, Figures, Scores
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery, Period
from app.ports.metrics import AmbassadorGrowth, GroupKey, MetricBases

# UUIDv7 ids start at the Unix epoch: a period that began earlier holds ledger rows from there.


class PostgresMetricsReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def bases(self, tenant_id: UUID, query: MetricsQuery) -> MetricBases:
        totals = await self._read(tenant_id, query, None)
        rows = await self._read(tenant_id, query, query.group_by) if query.group_by else {}
        return MetricBases(totals=totals[TOTAL][1], rows=list(rows.values()))

    async def growth(self, tenant_id: UUID, ambassador_id: UUID, periods: Sequence[Period]) -> list[AmbassadorGrowth]:
        starts, ends = [period.start for period in periods], [period.end for period in periods]
        return [
            AmbassadorGrowth(badges_earned=int(record["badges_earned"]), audience_growth=int(record["audience_growth"]))
            for record in await self._pool.fetch(GROWTH, tenant_id, ambassador_id, starts, ends)
        ]

    async def _read(
        self, tenant_id: UUID, query: MetricsQuery, grouping: Grouping | None
    ) -> dict[str, tuple[GroupKey, Basis]]:
        period, wanted = query.period, set(query.kpis)
        buckets = period.buckets(grouping) if grouping in TIME_GROUPINGS else [period]
        rows: dict[str, tuple[GroupKey, Basis]] = {}
        if grouping is None:
            rows[TOTAL] = (GroupKey(key=TOTAL), Basis(weeks=period.weeks))
        for bucket in buckets if grouping in TIME_GROUPINGS else ():
            key = bucket.first_day.isoformat()
            rows[key] = (GroupKey(key=key), Basis(weeks=bucket.weeks))
        whose, narrowing = Whose.of(query), (query.department, query.ambassador_id, query.visible_ambassadors_only)
        common = (tenant_id, period.first_hour, period.end_hour, *narrowing)
        for record in await self._figures(tenant_id, grouping, period, buckets, whose, common):
            key = record["key"]
            group, basis = rows.get(key) or (GroupKey(key=key, label=record["label"]), Basis(weeks=period.weeks))
            figures = _figures(record)
            by_network = dict(basis.by_network)
            by_network[record["network"]] = by_network.get(record["network"], Figures()) + figures
            rows[key] = (group, replace(basis, by_network=by_network))
        if wanted & ACTIVE:
            await self._fill(rows, "active_ambassadors", active_sql(grouping, period, whose), common, period)
        if wanted & ENROLLED and (grouping is None or grouping in ROSTER_GROUPINGS):
            keys = [bucket.first_day.isoformat() for bucket in buckets] if grouping in TIME_GROUPINGS else [TOTAL]
            ends = [bucket.end for bucket in buckets]
            roster = (tenant_id, keys, ends, *narrowing)
            await self._fill(rows, "enrolled_ambassadors", enrolled_sql(grouping, whose), roster, period)
        if wanted & COSTS and not query.narrowed and (grouping is None or grouping in TIME_GROUPINGS):
            days = (tenant_id, period.first_day, period.last_day)
            await self._fill(rows, "cost_minor", costs_sql(grouping, period), days, period)
        made_in_period = (tenant_id, period.start, period.end, *narrowing)
        for kpis, field, ledger in LEDGERS:
            if wanted & kpis and (grouping is None or grouping in LEDGER_GROUPINGS):
                await self._fill(rows, field, ledger_sql(grouping, period, ledger, whose), made_in_period, period)
        answered_in_period = (tenant_id, period.first_day, period.last_day, *narrowing)
        for kpi, kind, field in SCORES:
            if kpi in wanted and (grouping is None or grouping in LEDGER_GROUPINGS):
                statement = scores_sql(grouping, period, whose)
                await self._fill_scores(rows, field, statement, (*answered_in_period, kind), period)
        return rows

    async def _figures(
        self,
        tenant_id: UUID,
        grouping: Grouping | None,
        period: Period,
        buckets: Sequence[Period],
        whose: Whose,
        common: Sequence[Any],
    ) -> list[asyncpg.Record]:
        if not reads_programme_rollups(grouping, whose):
            return list(await self._pool.fetch(figures_sql(grouping, period, whose), *common))
        if grouping is None:
            keyed = [(TOTAL, period.first_hour, period.end_hour)]
        else:
            keyed = [(bucket.first_day.isoformat(), bucket.first_hour, bucket.end_hour) for bucket in buckets]
        return list(await self._pool.fetch(PROGRAMME_FIGURES, tenant_id, *ranges(keyed).arguments()))

    async def _fill(
        self,
        rows: dict[str, tuple[GroupKey, Basis]],
        field: str,
        statement: str,
        arguments: Iterable[Any],
        period: Period,
    ) -> None:
        """Set ``field`` on every row (0 where the statement found nothing), adding the groups it found."""
        found: Mapping[str, Any] = {r["key"]: r["value"] for r in await self._pool.fetch(statement, *arguments)}
        for key in set(rows) | set(found):
            group, basis = rows.get(key) or (GroupKey(key=key), Basis(weeks=period.weeks))
            value: dict[str, Any] = {field: int(found.get(key) or 0)}
            rows[key] = (group, replace(basis, **value))

    async def _fill_scores(
        self,
        rows: dict[str, tuple[GroupKey, Basis]],
        field: str,
        statement: str,
        arguments: Iterable[Any],
        period: Period,
    ) -> None:
        """Set the survey scores ``field`` on every row (none given where the statement found nothing)."""
        found = {r["key"]: r for r in await self._pool.fetch(statement, *arguments)}
        for key in set(rows) | set(found):
            group, basis = rows.get(key) or (GroupKey(key=key), Basis(weeks=period.weeks))
            record = found.get(key)
            scores = Scores() if record is None else Scores(**{name: int(record[name]) for name in SCORE_FIELDS})
            value: dict[str, Any] = {field: scores}
            rows[key] = (group, replace(basis, **value))


SCORE_FIELDS = ("answers", "replies", "total", "promoters", "detractors")


def _figures(record: asyncpg.Record) -> Figures:
    sums: dict[str, Any] = {name: Decimal(record[name]) if name in CREDITS else int(record[name]) for name in FIGURES}
    return Figures(**sums)


CREDITS = frozenset(name for name in FIGURES if isinstance(getattr(Figures(), name), Decimal))
