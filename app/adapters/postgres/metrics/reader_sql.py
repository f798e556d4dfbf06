"""The statements of the metric reads, built from fixed fragments per grouping: every value a
caller gives is a parameter, but the zone and the first day, written in as literals (checked first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.adapters.postgres.metrics.rollup_sql import FIGURES
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, Period

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

# The KPIs computed without the rollups' figures: from the posting ambassadors, the roster, costs, the ledger.
WITHOUT_FIGURES = frozenset(
    {
        Kpi.ACTIVE_AMBASSADORS,
        Kpi.ENROLLED_AMBASSADORS,
        Kpi.PARTICIPATION_RATE,
        Kpi.COST,
        Kpi.POINTS_AWARDED,
        Kpi.REWARDS_REDEEMED,
        Kpi.POINTS_DONATED,
    }
)
# The groupings that file each share hour under one group: their rows' figures add up to the totals'
# (a content with several topics counts under each).
PARTITIONS = frozenset(Grouping) - {Grouping.TOPIC}

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


def _group_sql(
    grouping: Grouping | None, period: Period, instant: str, day: str | None = None, *, bucketed: bool = False
) -> GroupSql:
    """How rows aliased ``m`` (with ``ambassador_id`` and the rollups' dimensions) are keyed; ``instant``
    is the row's time, ``day`` its local day when it has one instead. A bucket is named by its first
    day within the period. The zone (a known IANA name) and the day are written in as literals; a
    ``bucketed`` statement is given the buckets instead ($5 their starts in order, $6 their keys), so
    that a row's bucket is a binary search, not a conversion to local time, and the planner knows how
    few groups there are."""
    if grouping is None:
        return GroupSql(f"'{TOTAL}'")
    if grouping in TIME_GROUPINGS:
        if bucketed:
            return GroupSql(f"($6::text[])[width_bucket({instant}, $5::timestamptz[])]")
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


# The rollups' columns each grouping that is not a time reads (its key, its label's and its joins').
GROUP_COLUMNS: dict[Grouping | None, tuple[str, ...]] = {
    None: (),
    Grouping.CONTENT: ("content_id",),
    Grouping.FORMAT: ("content_id",),
    Grouping.TOPIC: ("content_id",),
    Grouping.AMBASSADOR: ("ambassador_id",),
    Grouping.CAMPAIGN: ("campaign_id",),
    Grouping.NETWORK: (),
    Grouping.LANGUAGE: ("language",),
    Grouping.DEPARTMENT: ("ambassador_id",),
    Grouping.LOCATION: ("ambassador_id",),
}


def bucket_arguments(period: Period, grouping: Grouping) -> tuple[list[datetime], list[str]]:
    """$5 and $6 of a bucketed statement: each bucket's start, in order, and its key."""
    buckets = period.buckets(grouping)
    return [bucket.start for bucket in buckets], [bucket.first_day.isoformat() for bucket in buckets]


# $4, when not null, limits rows to ambassadors of that department ($1's). Not correlated with the
# row, the department's ambassadors are read once into a hash each row is looked up in (an EXISTS
# per row would probe two indexes for each of millions of share hours).
DEPARTMENT_FILTER = """
AND ($4::text IS NULL OR m.ambassador_id IN (
    SELECT da.id FROM ambassadors AS da JOIN employees AS de ON de.tenant_id = da.tenant_id AND de.id = da.employee_id
    WHERE da.tenant_id = $1 AND de.department = $4::text
))
"""


def figures_sql(grouping: Grouping | None, period: Period, by_share: bool) -> str:
    """$1 tenant, $2 start, $3 end, $4 department (by share only); by time, $5 and $6 the buckets
    (``bucket_arguments``). By any other grouping, the share hours are summed by the group's own
    columns first, then keyed and named: the joins and text keys then cost one row per group, not one
    per share and hour (millions over a year)."""
    group = _group_sql(grouping, period, "m.hour", bucketed=True)
    # The programme's hours know no department: they are read only when none is asked for.
    department = DEPARTMENT_FILTER if by_share else "AND $4::text IS NULL"
    where = f"m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 {department}"
    sums = ", ".join(f"sum(m.{name}) AS {name}" for name in FIGURES)
    if not by_share or grouping in TIME_GROUPINGS:
        source = "metric_share_hours" if by_share else "metric_hours"
        return f"""
SELECT {group.key} AS key, {group.label} AS label, m.network, {sums}
FROM {source} AS m {group.joins}
WHERE {where}
GROUP BY 1, 2, 3
"""
    columns = ", ".join(f"m.{name}" for name in ("tenant_id", *GROUP_COLUMNS[grouping], "network"))
    return f"""
SELECT {group.key} AS key, {group.label} AS label, m.network, {sums}
FROM (
    SELECT {columns}, {sums}
    FROM metric_share_hours AS m
    WHERE {where}
    GROUP BY {columns}
) AS m {group.joins}
GROUP BY 1, 2, 3
"""


def active_sql(grouping: Grouping | None, period: Period) -> str:
    """$1 tenant, $2 start, $3 end, $4 department; by time, $5 and $6 the buckets. Each group's
    ambassadors are made distinct by hashing, then counted (``count(DISTINCT)`` would sort them)."""
    group = _group_sql(grouping, period, "m.hour", bucketed=True)
    return f"""
SELECT d.key, count(*) AS value
FROM (
    SELECT DISTINCT {group.key} AS key, m.ambassador_id
    FROM metric_share_hours AS m {group.joins}
    WHERE m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 AND m.posted_shares > 0 {DEPARTMENT_FILTER}
) AS d
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


def costs_sql(grouping: Grouping | None, period: Period) -> str:
    """$1 tenant, $2 first day, $3 last day."""
    group = _group_sql(grouping, period, "", day="m.incurred_on")
    return f"""
SELECT {group.key} AS key, sum(m.amount_minor) AS value
FROM programme_costs AS m
WHERE m.tenant_id = $1 AND m.incurred_on >= $2::date AND m.incurred_on <= $3::date
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
