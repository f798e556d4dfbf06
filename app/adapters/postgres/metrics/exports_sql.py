"""The statements of the exports: each reads one tenant's rows in a stable order, every value a
parameter. $1 is always the tenant."""

from __future__ import annotations

from app.ports.metrics import ShareTime

AMBASSADOR_JOIN = (
    "JOIN ambassadors AS a ON a.tenant_id = {t}.tenant_id AND a.id = {t}.ambassador_id "
    "JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id"
)

SHARE_COLUMNS = (
    "share_id",
    "ambassador_id",
    "ambassador",
    "content_id",
    "content",
    "campaign_id",
    "campaign",
    "network",
    "language",
    "status",
    "created_at",
    "posted_at",
    "post_url",
    "potential_reach",
)
SHARE_FIGURE_COLUMNS = ("impressions", "reactions", "comments", "reshares", "clicks", "unique_visitors")

# A share not posted sorts after every date in the index of the posted order (see ``ShareRow``).
SHARE_INSTANTS = {ShareTime.CREATED: "s.created_at", ShareTime.POSTED: "coalesce(s.posted_at, 'infinity'::timestamptz)"}


def shares_sql(on: ShareTime, figures: bool) -> str:
    """$2/$3 the period's bounds, $4 the department (or null)."""
    instant = SHARE_INSTANTS[on]
    figure_columns = "".join(f", f.{name}" for name in SHARE_FIGURE_COLUMNS) if figures else ""
    # The share's figures to date, summed over the hours of its rollup (one probe of its key).
    figure_join = (
        "LEFT JOIN LATERAL (SELECT "
        + ", ".join(f"coalesce(sum(m.{name}), 0)::bigint AS {name}" for name in SHARE_FIGURE_COLUMNS)
        + " FROM metric_share_hours AS m WHERE m.tenant_id = s.tenant_id AND m.share_id = s.id) AS f ON true"
        if figures
        else ""
    )
    return f"""
SELECT s.id, s.ambassador_id, concat_ws(' ', e.given_name, e.family_name), s.content_id,
       c.locales -> c.language ->> 'title', s.campaign_id, g.name, s.network, s.language, s.status,
       s.created_at, s.posted_at, s.post_url, s.potential_reach{figure_columns}
FROM shares AS s
{AMBASSADOR_JOIN.format(t="s")}
JOIN contents AS c ON c.tenant_id = s.tenant_id AND c.id = s.content_id
LEFT JOIN campaigns AS g ON g.tenant_id = s.tenant_id AND g.id = s.campaign_id
{figure_join}
WHERE s.tenant_id = $1 AND {instant} >= $2 AND {instant} < $3 AND ($4::text IS NULL OR e.department = $4::text)
ORDER BY {instant}, s.id
"""


CONVERSION_COLUMNS = (
    "conversion_id",
    "type",
    "external_id",
    "occurred_at",
    "recorded_at",
    "value_minor",
    "currency",
    "attributed",
    "unattributed_reason",
    "invalidated",
    "model",
    "window_days",
    "share_id",
    "ambassador_id",
    "content_id",
    "campaign_id",
    "credit",
)

# $2/$3 the period's bounds, $4 the department (or null: then unattributed conversions are listed too).
CONVERSIONS = """
SELECT v.id, v.type, v.external_id, v.occurred_at, v.recorded_at, v.value_minor, v.currency, v.attributed,
       v.unattributed_reason,
       EXISTS (SELECT FROM conversion_invalidations AS i WHERE i.tenant_id = v.tenant_id AND i.conversion_id = v.id),
       v.model, v.window_days, k.share_id, k.ambassador_id, k.content_id, k.campaign_id,
       round(k.weight_numerator::numeric / k.weight_denominator, 4)
FROM conversions AS v
LEFT JOIN conversion_credits AS k ON k.tenant_id = v.tenant_id AND k.conversion_id = v.id
WHERE v.tenant_id = $1 AND v.occurred_at >= $2 AND v.occurred_at < $3
  AND ($4::text IS NULL OR EXISTS (
      SELECT FROM ambassadors AS a JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
      WHERE a.tenant_id = k.tenant_id AND a.id = k.ambassador_id AND e.department = $4::text
  ))
ORDER BY v.occurred_at, v.id, k.share_id
"""

POINT_COLUMNS = (
    "entry_id",
    "ambassador_id",
    "ambassador",
    "points",
    "kind",
    "status",
    "rule",
    "rule_set_version",
    "reason",
    "multiplier",
    "cap_hit",
    "share_id",
    "campaign_id",
    "conversion_id",
    "reverses",
    "actor",
    "occurred_at",
    "recorded_at",
    "reviewed_at",
)

# $2/$3 the first ids of the period's bounds: an entry's id (a UUIDv7) is made when it is recorded,
# so the range walks the primary key in the order entries were recorded, with no sort.
POINTS = f"""
SELECT p.id, p.ambassador_id, concat_ws(' ', e.given_name, e.family_name), p.points, p.kind, p.status, p.rule,
       p.rule_set_version, p.reason, p.multiplier, p.cap_hit, p.share_id, p.campaign_id, p.conversion_id,
       p.reverses, p.actor, p.occurred_at, p.recorded_at, p.reviewed_at
FROM points_entries AS p
{AMBASSADOR_JOIN.format(t="p")}
WHERE p.tenant_id = $1 AND p.id >= $2 AND p.id < $3
ORDER BY p.id
"""

LEADERBOARD_COLUMNS = (
    "rank",
    "ambassador_id",
    "given_name",
    "family_name",
    "department",
    "location",
    "points",
    "period_start",
)

# $2 the period kind, $3 the instant whose period is read, $4 the campaign (all zeros: programme-wide),
# $5 the department (or null). The bounds are the board's (``leaderboard_sql.PAGE``); members shown on
# boards only, tied members sharing a rank (1, 1, 3).
LEADERBOARD = """
WITH bounds AS (
    SELECT CASE WHEN $2::text IN ('week', 'month', 'quarter')
                THEN date_trunc($2::text, $3::timestamptz AT TIME ZONE z.tz)::date
                ELSE DATE '1970-01-01' END AS start
    FROM (
        SELECT coalesce((SELECT s.document ->> 'time_zone' FROM programme_settings AS s WHERE s.tenant_id = $1), 'UTC')
            AS tz
    ) AS z
)
SELECT rank() OVER (ORDER BY r.points DESC), r.ambassador_id, e.given_name, e.family_name, e.department,
       e.location, r.points, r.period_start
FROM leaderboard_rollups AS r
JOIN ambassadors AS a ON a.tenant_id = r.tenant_id AND a.id = r.ambassador_id
JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
WHERE r.tenant_id = $1 AND r.period_kind = $2::text AND r.period_start = (SELECT start FROM bounds)
  AND r.campaign_id = $4::uuid AND r.shown AND ($5::text IS NULL OR e.department = $5::text)
ORDER BY r.points DESC, r.ambassador_id
"""
