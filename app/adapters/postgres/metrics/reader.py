"""The metric reads on asyncpg, over the hourly rollups (never the clicks).

A read runs only the statements its KPIs need: the figures per group and network, the distinct
ambassadors who posted, the roster at each bucket's end, costs, and the ledger's points, redemptions
and donations. Totals and time series without a department read ``metric_hours`` (at most 24 rows a
day and network, however many clicks); every
other read ``metric_share_hours``, summed by the group's own columns before it is keyed and named.
Totals are the rows' sum when the rows are parts of the whole (times, contents, ambassadors, ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.events.delivery_queue import first_id_at
from app.adapters.postgres.metrics.reader_sql import (
    ACTIVE,
    COSTS,
    ENROLLED,
    LEDGER_GROUPINGS,
    LEDGERS,
    PARTITIONS,
    ROSTER_GROUPINGS,
    TOTAL,
    WITHOUT_FIGURES,
    active_sql,
    bucket_arguments,
    costs_sql,
    enrolled_sql,
    figures_sql,
    ledger_sql,
)
from app.adapters.postgres.metrics.rollup_sql import FIGURES
from app.domain.metrics.figures import Basis, Figures
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery, Period
from app.ports.metrics import GroupKey, MetricBases


class PostgresMetricsReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def bases(self, tenant_id: UUID, query: MetricsQuery) -> MetricBases:
        rows = await self._read(tenant_id, query, query.group_by) if query.group_by else {}
        # Rows that cut the period or the programme into parts add up to the totals: not read twice.
        summed = _summed(basis for _, basis in rows.values()) if query.group_by in PARTITIONS else None
        totals = await self._read(tenant_id, query, None, figures=summed)
        return MetricBases(totals=totals[TOTAL][1], rows=list(rows.values()))

    async def _read(
        self,
        tenant_id: UUID,
        query: MetricsQuery,
        grouping: Grouping | None,
        figures: Mapping[str, Figures] | None = None,
    ) -> dict[str, tuple[GroupKey, Basis]]:
        """The rows of ``grouping`` (the totals when None); ``figures``, when given, are the totals'
        figures already known, not read again."""
        period, wanted = query.period, set(query.kpis)
        buckets = period.buckets(grouping) if grouping in TIME_GROUPINGS else [period]
        rows: dict[str, tuple[GroupKey, Basis]] = {}
        if grouping is None:
            rows[TOTAL] = (GroupKey(key=TOTAL), Basis(by_network=figures or {}, weeks=period.weeks))
        for bucket in buckets if grouping in TIME_GROUPINGS else ():
            key = bucket.first_day.isoformat()
            rows[key] = (GroupKey(key=key), Basis(weeks=bucket.weeks))
        common: tuple[Any, ...] = (tenant_id, period.start, period.end, query.department)
        if grouping in TIME_GROUPINGS:
            common += bucket_arguments(period, grouping)
        by_share = query.department is not None or grouping not in (None, *TIME_GROUPINGS)
        # Breakdowns take their groups and names from the figures; totals and times read them when a KPI does.
        if figures is None and not wanted - WITHOUT_FIGURES and grouping in (None, *TIME_GROUPINGS):
            figures = {}
        statement = figures_sql(grouping, period, by_share)
        for record in await self._pool.fetch(statement, *common) if figures is None else []:
            key = record["key"]
            group, basis = rows.get(key) or (GroupKey(key=key, label=record["label"]), Basis(weeks=period.weeks))
            by_network = dict(basis.by_network)
            by_network[record["network"]] = by_network.get(record["network"], Figures()) + _figures(record)
            rows[key] = (group, replace(basis, by_network=by_network))
        if wanted & ACTIVE:
            await self._fill(rows, "active_ambassadors", active_sql(grouping, period), common, period)
        if wanted & ENROLLED and (grouping is None or grouping in ROSTER_GROUPINGS):
            keys = [bucket.first_day.isoformat() for bucket in buckets] if grouping in TIME_GROUPINGS else [TOTAL]
            ends = [bucket.end for bucket in buckets]
            roster = (tenant_id, keys, ends, query.department)
            await self._fill(rows, "enrolled_ambassadors", enrolled_sql(grouping), roster, period)
        if wanted & COSTS and query.department is None and (grouping is None or grouping in TIME_GROUPINGS):
            days = (tenant_id, period.first_day, period.last_day)
            await self._fill(rows, "cost_minor", costs_sql(grouping, period), days, period)
        ledger_ids = (tenant_id, first_id_at(period.start), first_id_at(period.end), query.department)
        for kpis, field, ledger in LEDGERS:
            if wanted & kpis and (grouping is None or grouping in LEDGER_GROUPINGS):
                await self._fill(rows, field, ledger_sql(grouping, period, ledger), ledger_ids, period)
        return rows

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


def _summed(bases: Iterable[Basis]) -> dict[str, Figures]:
    by_network: dict[str, Figures] = {}
    for basis in bases:
        for network, figures in basis.by_network.items():
            by_network[network] = by_network.get(network, Figures()) + figures
    return by_network


def _figures(record: asyncpg.Record) -> Figures:
    sums: dict[str, Any] = {name: Decimal(record[name]) if name in CREDITS else int(record[name]) for name in FIGURES}
    return Figures(**sums)


CREDITS = frozenset(name for name in FIGURES if isinstance(getattr(Figures(), name), Decimal))
