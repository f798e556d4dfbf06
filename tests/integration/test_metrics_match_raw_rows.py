"""The demo tenant's KPIs computed a second way, with plain SQL over the raw rows (shares, clicks,
engagement snapshots, conversions and their credits, the roster, the ledger), against what the metric
reads answer from the rollups: the same numbers, in total and month by month in the programme's zone,
from the reader and as REST, GraphQL and the CSV export give them to clients."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import asyncpg
import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, plain_dsn
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.demo.run import seed_demo
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.domain.metrics.report import MetricsReport, build_report
from app.domain.metrics.valuation import DEFAULT_CPM_MINOR, Valuation
from app.domain.networks import Network
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from tests.integration.conftest import Mint, bearer
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.worker_helpers import MovableClock

ZONE = "Europe/Paris"

# Per local month of the period ($2 start, $3 end, $4 zone): every figure straight from its table.
RAW = """
WITH posted AS (
    SELECT s.*, date_trunc('month', s.posted_at AT TIME ZONE $4)::date AS month
    FROM shares AS s
    WHERE s.tenant_id = $1 AND s.status = 'posted' AND s.posted_at >= $2 AND s.posted_at < $3
), engagement AS (
    SELECT p.month, p.network, e.impressions, e.reactions, e.comments, e.reshares
    FROM posted AS p
    CROSS JOIN LATERAL (
        SELECT x.* FROM engagement_snapshots AS x
        WHERE x.tenant_id = p.tenant_id AND x.share_id = p.id
        ORDER BY x.source = 'integration' DESC, x.observed_at DESC, x.recorded_at DESC, x.id DESC
        LIMIT 1
    ) AS e
), counted AS (
    SELECT date_trunc('month', k.clicked_at AT TIME ZONE $4)::date AS month, k.is_unique
    FROM clicks AS k
    WHERE k.tenant_id = $1 AND k.kind = 'counted' AND NOT k.is_self AND k.clicked_at >= $2 AND k.clicked_at < $3
), credited AS (
    SELECT date_trunc('month', v.occurred_at AT TIME ZONE $4)::date AS month, v.type,
           c.weight_numerator::numeric / c.weight_denominator AS credit
    FROM conversions AS v
    JOIN conversion_credits AS c ON c.tenant_id = v.tenant_id AND c.conversion_id = v.id
    WHERE v.tenant_id = $1 AND v.attributed AND v.occurred_at >= $2 AND v.occurred_at < $3
      AND NOT EXISTS (
          SELECT FROM conversion_invalidations AS i WHERE i.tenant_id = v.tenant_id AND i.conversion_id = v.id
      )
), months AS (
    SELECT month FROM posted UNION SELECT month FROM counted UNION SELECT month FROM credited
)
SELECT m.month,
       (SELECT count(*) FROM posted AS p WHERE p.month = m.month) AS posted_shares,
       (SELECT count(DISTINCT p.ambassador_id) FROM posted AS p WHERE p.month = m.month) AS active_ambassadors,
       (SELECT coalesce(sum(p.potential_reach), 0) FROM posted AS p WHERE p.month = m.month) AS potential_reach,
       (SELECT coalesce(sum(e.impressions), 0) FROM engagement AS e WHERE e.month = m.month) AS impressions,
       (SELECT coalesce(sum(e.reactions + e.comments + e.reshares), 0) FROM engagement AS e WHERE e.month = m.month)
           AS engagement,
       (SELECT count(*) FROM counted AS k WHERE k.month = m.month) AS clicks,
       (SELECT count(*) FILTER (WHERE k.is_unique) FROM counted AS k WHERE k.month = m.month) AS unique_visitors,
       (SELECT coalesce(sum(c.credit), 0) FROM credited AS c WHERE c.month = m.month) AS conversions,
       (SELECT coalesce(sum(c.credit), 0) FROM credited AS c WHERE c.month = m.month AND c.type = 'lead') AS leads,
       (SELECT coalesce(jsonb_object_agg(n.network, n.impressions), '{}')::text FROM (
            SELECT e.network, sum(e.impressions) AS impressions FROM engagement AS e
            WHERE e.month = m.month GROUP BY e.network
        ) AS n) AS impressions_by_network
FROM months AS m
ORDER BY m.month
"""

KPIS = (
    Kpi.POSTED_SHARES,
    Kpi.ACTIVE_AMBASSADORS,
    Kpi.POTENTIAL_REACH,
    Kpi.IMPRESSIONS,
    Kpi.ENGAGEMENT,
    Kpi.ENGAGEMENT_RATE,
    Kpi.CLICKS,
    Kpi.UNIQUE_VISITORS,
    Kpi.CLICK_THROUGH_RATE,
    Kpi.CONVERSIONS,
    Kpi.LEADS,
    Kpi.CONVERSION_RATE,
    Kpi.EARNED_MEDIA_VALUE,
)


@pytest.fixture
async def demo_tenant(engine: AsyncEngine, database_url: str) -> UUID:
    """The demo tenant with every event handled and every click rolled up, as ``make run`` leaves it."""
    seeded = await seed_demo(engine, "http://relais.test")
    async with worker_rounds(engine, database_url) as run:
        await run()
    pool = await create_pool(database_url, size=2)
    try:
        clicks = RollUpClicks(PostgresMetricRollups(pool), MovableClock(), ClickRollupLimits(settle=timedelta(0)))
        while await clicks():
            pass
    finally:
        await pool.close()
    return seeded.tenant_id


def demo_period() -> Period:
    today = datetime.now(UTC).date()
    return Period(first_day=today - timedelta(days=120), last_day=today + timedelta(days=1), time_zone=ZONE)


async def raw_months(database_url: str, tenant_id: UUID, period: Period) -> dict[str, dict[str, Any]]:
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        rows = await connection.fetch(RAW, tenant_id, period.start, period.end, period.time_zone)
    finally:
        await connection.close()
    return {max(row["month"], period.first_day).isoformat(): expected_kpis(row) for row in rows}


def expected_kpis(row: asyncpg.Record) -> dict[str, Any]:
    """The KPIs from one month's raw figures, by the formulas the documentation gives."""
    import json

    impressions, clicks = row["impressions"], row["clicks"]
    conversions = Decimal(row["conversions"])
    by_network = json.loads(row["impressions_by_network"])
    emv = sum(Decimal(count) * DEFAULT_CPM_MINOR[Network(name)] / 1000 for name, count in by_network.items())
    return {
        "posted_shares": row["posted_shares"],
        "active_ambassadors": row["active_ambassadors"],
        "potential_reach": row["potential_reach"],
        "impressions": impressions,
        "engagement": row["engagement"],
        "engagement_rate": round(row["engagement"] / impressions, 4) if impressions else None,
        "clicks": clicks,
        "unique_visitors": row["unique_visitors"],
        "click_through_rate": round(clicks / impressions, 4) if impressions else None,
        "conversions": float(round(conversions, 4)),
        "leads": float(round(Decimal(row["leads"]), 4)),
        "conversion_rate": float(round(conversions / clicks, 4)) if clicks else None,
        "earned_media_value": round(emv),
    }


def answered(report: MetricsReport) -> dict[str, dict[str, Any]]:
    return {
        row.key: {kpi.value: value for kpi, value in row.values.items()}
        for row in report.rows
        if any(row.values.get(kpi) for kpi in (Kpi.POSTED_SHARES, Kpi.CLICKS, Kpi.CONVERSIONS))
    }


async def test_the_metric_reads_answer_what_plain_sql_over_the_raw_rows_computes(
    demo_tenant: UUID, database_url: str
) -> None:
    period = demo_period()
    expected = await raw_months(database_url, demo_tenant, period)
    assert sum(month["clicks"] for month in expected.values()) > 0  # the demo's story is in the period
    assert sum(month["leads"] for month in expected.values()) > 0
    query = MetricsQuery(period=period, kpis=KPIS, group_by=Grouping.MONTH)
    pool = await create_pool(database_url, size=2)
    try:
        bases = await PostgresMetricsReader(pool).bases(demo_tenant, query)
    finally:
        await pool.close()
    rows = [(group.key, group.label, basis) for group, basis in bases.rows]
    report = build_report(query, bases.totals, rows, Valuation())
    assert answered(report) == expected


# The programme's totals that are not rollups: the roster at the period's end and the ledger.
RAW_TOTALS = """
SELECT
    (SELECT count(*) FROM ambassadors AS a
     WHERE a.tenant_id = $1 AND a.consented_at < $3 AND (a.left_at IS NULL OR a.left_at >= $3)) AS enrolled_ambassadors,
    (SELECT coalesce(sum(p.points), 0) FROM points_entries AS p
     WHERE p.tenant_id = $1 AND p.recorded_at >= $2 AND p.recorded_at < $3
       AND p.kind IN ('award', 'reversal', 'adjustment') AND p.status IN ('credited', 'released')) AS points_awarded,
    (SELECT count(*) FROM redemptions AS r
     WHERE r.tenant_id = $1 AND r.created_at >= $2 AND r.created_at < $3
       AND r.status NOT IN ('rejected', 'cancelled')) AS rewards_redeemed,
    (SELECT coalesce(sum(d.points), 0) FROM donations AS d
     WHERE d.tenant_id = $1 AND d.created_at >= $2 AND d.created_at < $3) AS points_donated
"""


async def test_the_roster_and_ledger_figures_match_their_tables_month_by_month(
    demo_tenant: UUID, database_url: str
) -> None:
    period = demo_period()
    months = period.buckets(Grouping.MONTH)
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        total = dict(await connection.fetchrow(RAW_TOTALS, demo_tenant, period.start, period.end))
        expected = {
            month.first_day.isoformat(): dict(
                await connection.fetchrow(RAW_TOTALS, demo_tenant, month.start, month.end)
            )
            for month in months
        }
    finally:
        await connection.close()
    assert total["enrolled_ambassadors"] > 0
    assert total["points_awarded"] > 0
    kpis = (Kpi.ENROLLED_AMBASSADORS, Kpi.POINTS_AWARDED, Kpi.REWARDS_REDEEMED, Kpi.POINTS_DONATED)
    query = MetricsQuery(period=period, kpis=kpis, group_by=Grouping.MONTH)
    pool = await create_pool(database_url, size=2)
    try:
        bases = await PostgresMetricsReader(pool).bases(demo_tenant, query)
    finally:
        await pool.close()
    rows = [(group.key, group.label, basis) for group, basis in bases.rows]
    report = build_report(query, bases.totals, rows, Valuation())
    assert {kpi.value: value for kpi, value in report.totals.items()} == total
    assert {row.key: {kpi.value: value for kpi, value in row.values.items()} for row in report.rows} == expected


def _number(cell: str) -> int | float | None:
    """A CSV cell as a client reads it back: empty for none, else the number written."""
    if cell == "":
        return None
    return float(cell) if "." in cell else int(cell)


async def test_rest_graphql_and_the_csv_export_answer_what_plain_sql_over_the_raw_rows_computes(
    demo_tenant: UUID, database_url: str, client: httpx.AsyncClient, mint: Mint
) -> None:
    period = demo_period()
    expected = await raw_months(database_url, demo_tenant, period)
    assert sum(month["impressions"] for month in expected.values()) > 0
    headers = bearer(mint(demo_tenant, "analyst", subject="analyst-raw-rows"))
    params = httpx.QueryParams(
        [
            ("from", period.first_day.isoformat()),
            ("to", period.last_day.isoformat()),
            ("tz", ZONE),
            ("group_by", "month"),
            *(("kpi", kpi.value) for kpi in KPIS),
        ]
    )
    rest = await client.get("/v1/metrics", params=params, headers=headers)
    assert rest.status_code == 200, rest.text
    by_rest = {row["key"]: row["values"] for row in rest.json()["rows"]}
    assert {key: values for key, values in by_rest.items() if _has_activity(values)} == expected

    exported = await client.get("/v1/exports/metrics.csv", params=params, headers=headers)
    assert exported.status_code == 200, exported.text
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert lines[-1]["key"] == "total"
    by_csv = {
        line["key"]: {kpi.value: _number(line[kpi.value]) for kpi in KPIS} for line in lines if line["key"] != "total"
    }
    assert {key: values for key, values in by_csv.items() if _has_activity(values)} == expected

    kpis = ", ".join(kpi.name for kpi in KPIS)
    document = f"""{{ metrics(from: "{period.first_day}", to: "{period.last_day}", tz: "{ZONE}", groupBy: MONTH,
        kpis: [{kpis}]) {{ rows {{ key values {{ kpi value }} }} }} }}"""
    graphql = await client.post("/graphql", json={"query": document}, headers=headers)
    assert "errors" not in graphql.json(), graphql.text
    by_graphql = {
        row["key"]: {Kpi[value["kpi"]].value: value["value"] for value in row["values"]}
        for row in graphql.json()["data"]["metrics"]["rows"]
    }
    assert {key: values for key, values in by_graphql.items() if _has_activity(values)} == expected


def _has_activity(values: dict[str, Any]) -> bool:
    return any(values.get(kpi.value) for kpi in (Kpi.POSTED_SHARES, Kpi.CLICKS, Kpi.CONVERSIONS))
