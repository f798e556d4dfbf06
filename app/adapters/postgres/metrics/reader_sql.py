"""The statements of the metric reads, built from fixed fragments per grouping: every value a
caller gives is a parameter, but the zone and the first day, written in as literals (checked first).

Every statement takes $1 tenant, then its bounds ($2, $3), then whose facts it counts: $4 a
department, $5 an ambassador, $6 members shown on boards only (see ``Whose``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.adapters.postgres.metrics.rollup_sql import FIGURES
from app.domain.community.surveys_answers import DETRACTORS, PROMOTERS
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery, Period
from app.domain.metrics.sources import GROUPINGS, Source, kpis_from
from app.domain.metrics.valuation import DEFAULT_CURRENCY

TOTAL = "total"
NONE = "none"  # the group of rows without one: shares outside any campaign, employees without a department

# Which reads each KPI needs beyond the figures.
ACTIVE = kpis_from(Source.ACTIVE)
ENROLLED = kpis_from(Source.ROSTER)
COSTS = kpis_from(Source.COSTS)
POINTS = kpis_from(Source.POINTS)
REDEMPTIONS = kpis_from(Source.REDEMPTIONS)
DONATIONS = kpis_from(Source.DONATIONS)
TRAINING = kpis_from(Source.TRAINING)

# The groupings each non-additive read can break down; outside them the KPI is None.
ROSTER_GROUPINGS = GROUPINGS[Source.ROSTER]
LEDGER_GROUPINGS = GROUPINGS[Source.POINTS]

# An hour's facts belong to the local day of its last instant: the hour that holds a local midnight
# opens the new day (in zones whose offset is a whole number of hours, each hour lies in one day).
HOUR = "(m.hour + interval '1 hour' - interval '1 microsecond')"


def _shown(member: str) -> str:
    """The membership aliased ``member`` is shown on boards, as the leaderboards read it."""
    return (
        f"({member}.status = 'active' AND coalesce(({member}.preferences ->> 'leaderboard_visible')::boolean, false))"
    )


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


@dataclass(frozen=True, slots=True)
class Whose:
    """Whose facts a read counts: those of a department's ambassadors ($4), of one ambassador ($5), of
    members shown on boards ($6). A statement names only the conditions its read sets (the others'
    parameters are checked to be unset), so each shape gets a plan that uses its index."""

    department: bool = False
    ambassador: bool = False
    shown: bool = False

    @classmethod
    def of(cls, query: MetricsQuery) -> Whose:
        return cls(
            department=query.department is not None,
            ambassador=query.ambassador_id is not None,
            shown=query.visible_ambassadors_only,
        )

    def rows(self) -> str:
        """Conditions on rows aliased ``m`` with an ``ambassador_id``."""
        ambassador = "AND m.ambassador_id = $5::uuid" if self.ambassador else "AND $5::uuid IS NULL"
        if not (self.department or self.shown):
            return f"{ambassador} AND $4::text IS NULL AND NOT $6::boolean"
        department = "AND de.department = $4::text" if self.department else "AND $4::text IS NULL"
        shown = f"AND {_shown('da')} AND $6::boolean" if self.shown else "AND NOT $6::boolean"
        return f"""{ambassador} AND EXISTS (
    SELECT FROM ambassadors AS da JOIN employees AS de ON de.tenant_id = da.tenant_id AND de.id = da.employee_id
    WHERE da.tenant_id = m.tenant_id AND da.id = m.ambassador_id {department} {shown}
)"""

    def members(self) -> str:
        """Conditions on memberships aliased ``a`` and their employees ``e``."""
        return " ".join(
            (
                "AND e.department = $4::text" if self.department else "AND $4::text IS NULL",
                "AND a.id = $5::uuid" if self.ambassador else "AND $5::uuid IS NULL",
                f"AND {_shown('a')} AND $6::boolean" if self.shown else "AND NOT $6::boolean",
            )
        )


def reads_programme_rollups(grouping: Grouping | None, whose: Whose) -> bool:
    """Totals and time series of everyone's facts read the programme's days and hours
    (``programme_sql``); any other read, the shares' hours (``figures_sql``)."""
    return whose == Whose() and (grouping is None or grouping in TIME_GROUPINGS)


def figures_sql(grouping: Grouping | None, period: Period, whose: Whose) -> str:
    """$1 tenant, $2 first hour, $3 hour after the last, $4-$6 whose facts: the shares' hours."""
    group = _group_sql(grouping, period, HOUR)
    sums = ", ".join(f"sum(m.{name}) AS {name}" for name in FIGURES)
    return f"""
SELECT {group.key} AS key, {group.label} AS label, m.network, {sums}
FROM metric_share_hours AS m {group.joins}
WHERE m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 {whose.rows()}
GROUP BY 1, 2, 3
"""


def active_sql(grouping: Grouping | None, period: Period, whose: Whose) -> str:
    """$1 tenant, $2 first hour, $3 hour after the last, $4-$6 whose facts."""
    group = _group_sql(grouping, period, HOUR)
    return f"""
SELECT {group.key} AS key, count(DISTINCT m.ambassador_id) AS value
FROM metric_share_hours AS m {group.joins}
WHERE m.tenant_id = $1 AND m.hour >= $2 AND m.hour < $3 AND m.posted_shares > 0 {whose.rows()}
GROUP BY 1
"""


def enrolled_sql(grouping: Grouping | None, whose: Whose) -> str:
    """Members at each bucket's end ($1 tenant, $2 keys, $3 ends, $4-$6 whose): opted in before it,
    not left before it."""
    roster = grouping in (Grouping.DEPARTMENT, Grouping.LOCATION)
    key = f"coalesce(e.{grouping.value}, '{NONE}')" if grouping and roster else "b.key"
    return f"""
SELECT {key} AS key, count(*) AS value
FROM unnest($2::text[], $3::timestamptz[]) AS b (key, ends_at)
JOIN ambassadors AS a ON a.tenant_id = $1 AND a.consented_at < b.ends_at
     AND (a.left_at IS NULL OR a.left_at >= b.ends_at)
JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
WHERE true {whose.members()}
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


def ledger_sql(grouping: Grouping | None, period: Period, ledger: LedgerSql, whose: Whose) -> str:
    """Rows of a ledger-like table made in the period by ambassadors, aliased ``m``, along its
    (tenant, made at) index ($1 tenant, $2 start, $3 end, $4-$6 whose)."""
    group = _group_sql(grouping, period, f"m.{ledger.made_at}")
    joins = group.joins if grouping not in (None, *TIME_GROUPINGS) else ""
    return f"""
SELECT {group.key} AS key, {ledger.value} AS value
FROM {ledger.table} AS m {joins}
WHERE m.tenant_id = $1 AND m.{ledger.made_at} >= $2 AND m.{ledger.made_at} < $3 AND {ledger.condition}
  {whose.rows()}
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
    (TRAINING, "training_completions", LedgerSql("training_progress", "completed_at", "count(*)", "true")),
)

# The survey KPIs, the question kind each reads, and the basis field its scores fill.
SCORES = ((Kpi.SATISFACTION, "satisfaction", "satisfaction_scores"), (Kpi.NPS, "nps", "nps_scores"))


def scores_sql(grouping: Grouping | None, period: Period, whose: Whose) -> str:
    """The scores of one question kind answered on the period's days ($1 tenant, $2 first day, $3 last
    day, $4-$6 whose, $7 the kind), per group. An anonymous answer has no ambassador: it counts in
    totals and time series of everyone, never under a person, a department or a location (the inner
    join on its ambassador drops it), nor in a read narrowed to some ambassadors."""
    group = _group_sql(grouping, period, "", day="m.answered_on")
    joins = group.joins if grouping not in (None, *TIME_GROUPINGS) else ""
    return f"""
SELECT {group.key} AS key, count(DISTINCT m.id) AS answers, count(*) AS replies, sum(r.score) AS total,
       count(*) FILTER (WHERE r.score >= {PROMOTERS}) AS promoters,
       count(*) FILTER (WHERE r.score <= {DETRACTORS}) AS detractors
FROM survey_answers AS m
JOIN surveys AS s ON s.tenant_id = m.tenant_id AND s.id = m.survey_id
CROSS JOIN LATERAL (
    SELECT (reply ->> 'score')::int AS score FROM jsonb_array_elements(m.replies) AS reply
    WHERE s.questions -> ((reply ->> 'question')::int) ->> 'kind' = $7::text AND reply ->> 'score' IS NOT NULL
) AS r {joins}
WHERE m.tenant_id = $1 AND m.answered_on >= $2::date AND m.answered_on <= $3::date {whose.rows()}
GROUP BY 1
"""


# One ambassador's badges earned and audience growth in each period ($1 tenant, $2 ambassador, $3 starts,
# $4 ends): an account's growth is its latest audience observed before the end less its latest before
# the start (none: zero, so an account connected in the period brings its whole audience).
GROWTH = """
SELECT b.n,
       (SELECT count(*) FROM earned_badges AS eb
        WHERE eb.tenant_id = $1 AND eb.ambassador_id = $2::uuid
          AND eb.earned_at >= b.starts_at AND eb.earned_at < b.ends_at) AS badges_earned,
       (SELECT coalesce(sum(coalesce(closing.audience_size, 0) - coalesce(opening.audience_size, 0)), 0)
        FROM social_accounts AS s
        LEFT JOIN LATERAL (
            SELECT o.audience_size FROM audience_observations AS o
            WHERE o.tenant_id = s.tenant_id AND o.social_account_id = s.id AND o.observed_at < b.starts_at
            ORDER BY o.observed_at DESC LIMIT 1
        ) AS opening ON true
        LEFT JOIN LATERAL (
            SELECT o.audience_size FROM audience_observations AS o
            WHERE o.tenant_id = s.tenant_id AND o.social_account_id = s.id AND o.observed_at < b.ends_at
            ORDER BY o.observed_at DESC LIMIT 1
        ) AS closing ON true
        WHERE s.tenant_id = $1 AND s.ambassador_id = $2::uuid) AS audience_growth
FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS b (starts_at, ends_at, n)
ORDER BY b.n
"""
