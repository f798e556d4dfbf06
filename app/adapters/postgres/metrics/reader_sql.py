"""The statements of the metric reads, built from fixed fragments per grouping: every value a
caller gives is a parameter, but the zone and the first day, written in as literals (checked first)."""

from __future__ import annotations

from dataclasses import dataclass

from app.adapters.postgres.metrics.rollup_sql import FIGURES
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, Period
from app.domain.metrics.valuation import DEFAULT_CURRENCY

TOTAL = "total"
NONE = "none"  # the group of rows without one: shares outside any campaign, employees without a department

# Which reads each KPI needs beyond the figures.
ACTIVE = frozenset({Kpi.ACTIVE_AMBASSADORS, Kpi.PARTICIPATION_RATE, Kpi.SHARE_FREQUENCY})
ENROLLED = frozenset({Kpi.ENROLLED_AMBASSADORS, Kpi.PARTICIPATION_RATE})
COSTS = frozenset(
    {Kpi.COST, Kpi.COST_PER_LEAD, Kpi.COST_PER_APPLICATION, Kpi.COST_PER_HIRE, Kpi.COST_PER_CONTACT_REACHED, Kpi.ROI}
)
POINTS = frozenset({Kpi.POINTS_AWARDED})
REDEMPTIONS = frozenset({Kpi.REWARDS_REDEEMED})
DONATIONS = frozenset({Kpi.POINTS_DONATED})

# The groupings each non-additive read can break down; outside them the KPI is None.
ROSTER_GROUPINGS = TIME_GROUPINGS | {Grouping.DEPARTMENT, Grouping.LOCATION}
LEDGER_GROUPINGS = TIME_GROUPINGS | {Grouping.AMBASSADOR, Grouping.DEPARTMENT, Grouping.LOCATION}

CONTENT_JOIN = "JOIN contents AS c ON c.tenant_id = m.tenant_id AND c.id = m.content_id"
EMPLOYEE_JOIN = (
    "JOIN ambassadors AS a ON a.tenant_id = m.tenant_id AND a.id = m.ambassador_id "
    "JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id"
)


@dataclass(frozen=True, slots=True)
class GroupSql:
    key: str  # an expression of the group's key, as text
    label: str = "NULL"
    joins: str = ""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _group_sql(grouping: Grouping | None, period: Period, instant: str, day: str | None = None) -> GroupSql:
    """How rows aliased ``m`` (with ``ambassador_id`` and the rollups' dimensions) are keyed; ``instant``
    is the row's time, ``day`` its local day when it has one instead. A bucket is named by its first
    day within the period. The zone (a known IANA name) and the day are written in as literals."""
    if grouping is None:
        return GroupSql(f"'{TOTAL}'")
    if grouping in TIME_GROUPINGS:
        local = day or f"({instant} AT TIME ZONE {_literal(period.time_zone)})"
        first = _literal(period.first_day.isoformat())
        return GroupSql(f"greatest(date_trunc('{grouping.value}', {local})::date, {first}::date)::text")
    keys = {
        Grouping.CONTENT: GroupSql("m.content_id::text", "c.locales -> c.language ->> 'title'", CONTENT_JOIN),
        Grouping.FORMAT: GroupSql("c.format", joins=CONTENT_JOIN),
        Grouping.TOPIC: GroupSql("t.topic", joins=f"{CONTENT_JOIN} CROSS JOIN LATERAL unnest(c.topics) AS t (topic)"),
        Grouping.AMBASSADOR: GroupSql(
            "m.ambassador_id::text", "concat_ws(' ', e.given_name, e.family_name)", EMPLOYEE_JOIN
        ),
        Grouping.CAMPAIGN: GroupSql(
            f"coalesce(m.campaign_id::text, '{NONE}')",
            "g.name",
            "LEFT JOIN campaigns AS g ON g.tenant_id = m.tenant_id AND g.id = m.campaign_id",
        ),
        Grouping.NETWORK: GroupSql("m.network"),
        Grouping.LANGUAGE: GroupSql("m.language"),
        Grouping.DEPARTMENT: GroupSql(f"coalesce(e.department, '{NONE}')", joins=EMPLOYEE_JOIN),
        Grouping.LOCATION: GroupSql(f"coalesce(e.location, '{NONE}')", joins=EMPLOYEE_JOIN),
    }
    return keys[grouping]


# $4, when not null, limits rows to ambassadors of that department.
DEPARTMENT_FILTER = """
AND ($4::text IS NULL OR EXISTS (
    SELECT FROM ambassadors AS da JOIN employees AS de ON de.tenant_id = da.tenant_id AND de.id = da.employee_id
    WHERE da.tenant_id = m.tenant_id AND da.id = m.ambassador_id AND de.department = $4::text
))
"""


def figures_sql(grouping: Grouping | None, period: Period, by_share: bool) -> str:
    """$1 tenant, $2 start, $3 end, $4 department (by share only)."""
    group = _group_sql(grouping, period, "m.hour")
    source = "metric_share_hours" if by_share else "metric_hours"
    sums = ", ".join(f"sum(m.{name}) AS {name}" for name in FIGURES)
    # The programme's hours know no department: they are read only when none is asked for.
    department = DEPARTMENT_FILTER if by_share else "AND $4::text IS NULL"
    return f"""
SELECT {group.key} AS key, {group.label} AS label, m.network, {sums}
FROM {source} AS m {group.joins}
WHERE m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 {department}
GROUP BY 1, 2, 3
"""


def active_sql(grouping: Grouping | None, period: Period) -> str:
    """$1 tenant, $2 start, $3 end, $4 department."""
    group = _group_sql(grouping, period, "m.hour")
    return f"""
SELECT {group.key} AS key, count(DISTINCT m.ambassador_id) AS value
FROM metric_share_hours AS m {group.joins}
WHERE m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 AND m.posted_shares > 0 {DEPARTMENT_FILTER}
GROUP BY 1
"""


def enrolled_sql(grouping: Grouping | None) -> str:
    """Members at each bucket's end ($1 tenant, $2 keys, $3 ends, $4 department): opted in before it,
    not left before it."""
    roster = grouping in (Grouping.DEPARTMENT, Grouping.LOCATION)
    key = f"coalesce(e.{grouping.value}, '{NONE}')" if grouping and roster else "b.key"
    return f"""
SELECT {key} AS key, count(*) AS value
FROM unnest($2::text[], $3::timestamptz[]) AS b (key, ends_at)
JOIN ambassadors AS a ON a.tenant_id = $1 AND a.consented_at < b.ends_at
     AND (a.left_at IS NULL OR a.left_at >= b.ends_at)
JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
WHERE $4::text IS NULL OR e.department = $4::text
GROUP BY 1
"""


# The programme's currency, as the worker reads it: costs left in an earlier currency are not added.
PROGRAMME_CURRENCY = (
    "coalesce((SELECT p.document ->> 'currency' FROM programme_settings AS p WHERE p.tenant_id = $1), "
    + _literal(DEFAULT_CURRENCY)
    + ")"
)


def costs_sql(grouping: Grouping | None, period: Period) -> str:
    """$1 tenant, $2 first day, $3 last day: the costs in the programme's currency."""
    group = _group_sql(grouping, period, "", day="m.incurred_on")
    return f"""
SELECT {group.key} AS key, sum(m.amount_minor) AS value
FROM programme_costs AS m
WHERE m.tenant_id = $1 AND m.incurred_on >= $2::date AND m.incurred_on <= $3::date
  AND m.currency = {PROGRAMME_CURRENCY}
GROUP BY 1
"""


@dataclass(frozen=True, slots=True)
class LedgerSql:
    table: str
    made_at: str
    value: str
    condition: str


def ledger_sql(grouping: Grouping | None, period: Period, ledger: LedgerSql) -> str:
    """Rows of a ledger-like table made in the period by ambassadors, aliased ``m``. Ids are UUIDv7:
    $2 and $3 are the first ids of the period's start and end, so the primary key finds the rows
    ($1 tenant, $4 department)."""
    group = _group_sql(grouping, period, f"m.{ledger.made_at}")
    joins = group.joins if grouping not in (None, *TIME_GROUPINGS) else ""
    return f"""
SELECT {group.key} AS key, {ledger.value} AS value
FROM {ledger.table} AS m {joins}
WHERE m.tenant_id = $1 AND m.id >= $2::uuid AND m.id < $3::uuid AND {ledger.condition} {DEPARTMENT_FILTER}
GROUP BY 1
"""


LEDGERS = (
    (
        POINTS,
        "points_awarded",
        LedgerSql(
            "points_entries",
            "recorded_at",
            "sum(m.points)",
            "m.kind IN ('award', 'reversal', 'adjustment') AND m.status IN ('credited', 'released')",
        ),
    ),
    (
        REDEMPTIONS,
        "rewards_redeemed",
        LedgerSql("redemptions", "created_at", "count(*)", "m.status NOT IN ('rejected', 'cancelled')"),
    ),
    (DONATIONS, "points_donated", LedgerSql("donations", "created_at", "sum(m.points)", "true")),
)
