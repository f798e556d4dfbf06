"""The statements that add facts to the hourly rollups.

Each source is a SELECT of deltas, one row per share and hour with every figure (0 where the fact
says nothing); ``adding`` wraps it in the statement that files the deltas under their share (with
its dimensions) and under the programme's hour and UTC day, per network. Rows are written in key
order, table after table, so two workers adding to the same hours wait for each other instead of
deadlocking.
"""

from __future__ import annotations

FIGURES = (
    "posted_shares",
    "potential_reach",
    "impressions",
    "reactions",
    "comments",
    "reshares",
    "clicks",
    "unique_visitors",
    "leads",
    "signups",
    "job_applications",
    "hires",
    "purchases",
    "custom_conversions",
    "conversion_value_minor",
)

# The conversion types (app/domain/attribution) and the figure each is counted in.
CONVERSION_FIGURES = {
    "lead": "leads",
    "signup": "signups",
    "job_application": "job_applications",
    "hire": "hires",
    "purchase": "purchases",
    "custom": "custom_conversions",
}


def figures(**given: str) -> str:
    """The select list of a delta source: ``given`` expressions, 0 for every other figure."""
    unknown = set(given) - set(FIGURES)
    if unknown:
        raise ValueError(f"Not figures of the rollups: {sorted(unknown)}.")
    return ", ".join(f"{given.get(name, '0')} AS {name}" for name in FIGURES)


def adding(source: str, prelude: str = "") -> str:
    """The statement adding ``source``'s deltas ($1 is the tenant; ``prelude`` adds CTEs before it)."""
    columns = ", ".join(FIGURES)
    sums = ", ".join(f"sum(d.{name}) AS {name}" for name in FIGURES)
    hour_sums = ", ".join(f"sum(f.{name})" for name in FIGURES)
    by_share = ", ".join(f"{name} = metric_share_hours.{name} + excluded.{name}" for name in FIGURES)
    by_hour = ", ".join(f"{name} = metric_hours.{name} + excluded.{name}" for name in FIGURES)
    by_day = ", ".join(f"{name} = metric_days.{name} + excluded.{name}" for name in FIGURES)
    dimensions = "s.ambassador_id, s.content_id, s.campaign_id, s.network, s.language"
    return f"""
WITH {prelude}
delta AS ({source}),
filed AS (
    SELECT d.share_id, d.hour, {dimensions}, {sums}
    FROM delta AS d
    JOIN shares AS s ON s.tenant_id = $1 AND s.id = d.share_id
    GROUP BY d.share_id, d.hour, {dimensions}
),
by_share AS (
    INSERT INTO metric_share_hours (
        tenant_id, share_id, hour, ambassador_id, content_id, campaign_id, network, language, {columns}
    )
    SELECT $1, share_id, hour, ambassador_id, content_id, campaign_id, network, language, {columns}
    FROM filed
    ORDER BY share_id, hour
    ON CONFLICT (tenant_id, share_id, hour) DO UPDATE SET {by_share}
),
by_hour AS (
    INSERT INTO metric_hours (tenant_id, hour, network, {columns})
    SELECT $1, f.hour, f.network, {hour_sums}
    FROM filed AS f
    GROUP BY f.hour, f.network
    ORDER BY f.hour, f.network
    ON CONFLICT (tenant_id, hour, network) DO UPDATE SET {by_hour}
)
INSERT INTO metric_days (tenant_id, day, network, {columns})
SELECT $1, {day_of("f.hour")}, f.network, {hour_sums}
FROM filed AS f
GROUP BY 2, f.network
ORDER BY 2, f.network
ON CONFLICT (tenant_id, day, network) DO UPDATE SET {by_day}
"""


def hour_of(column: str) -> str:
    return f"date_trunc('hour', {column}, 'UTC')"


def day_of(column: str) -> str:
    return f"({column} AT TIME ZONE 'UTC')::date"


# $1 tenant, $2 the last click already added, $3 the last click to add. Counted clicks only:
# never a bot, HEAD, prefetch or capped request, nor the ambassador's own.
ADD_CLICKS = adding(
    f"""
    SELECT k.share_id, {hour_of("k.clicked_at")} AS hour,
           {figures(clicks="1", unique_visitors="k.is_unique::int")}
    FROM clicks AS k
    WHERE k.tenant_id = $1 AND k.id > $2::uuid AND k.id <= $3::uuid
      AND k.kind = 'counted' AND NOT k.is_self
    """
)

# $1 tenant, $2 share. Files the posted share once (its count and its potential reach).
ADD_POSTED_SHARE = adding(
    prelude="""
    newly_filed AS (
        INSERT INTO metric_shares (tenant_id, share_id, filed)
        SELECT s.tenant_id, s.id, true FROM shares AS s
        WHERE s.tenant_id = $1 AND s.id = $2::uuid AND s.status = 'posted'
        ON CONFLICT (tenant_id, share_id) DO UPDATE SET filed = true WHERE NOT metric_shares.filed
        RETURNING share_id
    ),""",
    source=f"""
    SELECT s.id AS share_id, {hour_of("s.posted_at")} AS hour,
           {figures(posted_shares="1", potential_reach="coalesce(s.potential_reach, 0)")}
    FROM newly_filed AS n
    JOIN shares AS s ON s.tenant_id = $1 AND s.id = n.share_id
    """,
)

# $1 tenant, $2 share: its row in metric_shares, made if missing, then locked until the commit.
LOCK_ENGAGEMENT = """
WITH made AS (
    INSERT INTO metric_shares (tenant_id, share_id)
    SELECT s.tenant_id, s.id FROM shares AS s WHERE s.tenant_id = $1 AND s.id = $2::uuid AND s.status = 'posted'
    ON CONFLICT DO NOTHING
)
SELECT 1
"""
ADDED_ENGAGEMENT = """
SELECT impressions, reactions, comments, reshares FROM metric_shares
WHERE tenant_id = $1 AND share_id = $2::uuid
FOR UPDATE
"""
# The integration's latest snapshot, else the ambassador's (as the share's figures read it).
CURRENT_ENGAGEMENT = """
(
    SELECT impressions, reactions, comments, reshares FROM engagement_snapshots
    WHERE tenant_id = $1 AND share_id = $2::uuid AND source = 'integration'
    ORDER BY observed_at DESC, recorded_at DESC, id DESC
    LIMIT 1
)
UNION ALL
(
    SELECT impressions, reactions, comments, reshares FROM engagement_snapshots
    WHERE tenant_id = $1 AND share_id = $2::uuid AND source = 'self_reported'
    ORDER BY observed_at DESC, recorded_at DESC, id DESC
    LIMIT 1
)
LIMIT 1
"""
# $1 tenant, $2 share, $3-$6 the differences to add under the hour it was posted.
ADD_ENGAGEMENT = adding(
    f"""
    SELECT s.id AS share_id, {hour_of("s.posted_at")} AS hour,
           {figures(impressions="$3::bigint", reactions="$4::bigint", comments="$5::bigint", reshares="$6::bigint")}
    FROM shares AS s
    WHERE s.tenant_id = $1 AND s.id = $2::uuid AND s.status = 'posted'
    """
)
SET_ADDED_ENGAGEMENT = """
UPDATE metric_shares SET impressions = $3, reactions = $4, comments = $5, reshares = $6
WHERE tenant_id = $1 AND share_id = $2::uuid
"""


def _credits(sign: str, applied: str) -> str:
    """Deltas of a conversion's credits: each type counted by the credit's weight, its value weighted
    likewise when it is in the programme's currency (its settings', else $3, the default currency);
    another currency's value is not added."""
    weight = f"({sign} * cc.weight_numerator::numeric / cc.weight_denominator)"
    by_type = {
        figure: f"CASE WHEN v.type = '{kind}' THEN {weight} ELSE 0 END" for kind, figure in CONVERSION_FIGURES.items()
    }
    currency = (
        "coalesce((SELECT p.document ->> 'currency' FROM programme_settings AS p WHERE p.tenant_id = $1), $3::text)"
    )
    value = f"CASE WHEN v.currency = {currency} THEN coalesce(v.value_minor, 0) * {weight} ELSE 0 END"
    return f"""
    SELECT cc.share_id, {hour_of("v.occurred_at")} AS hour,
           {figures(**by_type, conversion_value_minor=value)}
    FROM {applied} AS a
    JOIN conversions AS v ON v.tenant_id = $1 AND v.id = a.conversion_id
    JOIN conversion_credits AS cc ON cc.tenant_id = $1 AND cc.conversion_id = v.id
    """


# $1 tenant, $2 conversion, $3 the default currency. Added once, unless it was invalidated first.
ADD_CONVERSION = adding(
    prelude="""
    applied AS (
        INSERT INTO metric_conversions (tenant_id, conversion_id)
        SELECT v.tenant_id, v.id FROM conversions AS v
        WHERE v.tenant_id = $1 AND v.id = $2::uuid AND v.attributed
          AND NOT EXISTS (
              SELECT FROM conversion_invalidations AS i WHERE i.tenant_id = $1 AND i.conversion_id = $2::uuid
          )
        ON CONFLICT DO NOTHING
        RETURNING conversion_id
    ),""",
    source=_credits("1", "applied"),
)

# $1 tenant, $2 conversion, $3 the default currency. Taken out once, if it was added.
REMOVE_CONVERSION = adding(
    prelude="""
    removed AS (
        DELETE FROM metric_conversions WHERE tenant_id = $1 AND conversion_id = $2::uuid
        RETURNING conversion_id
    ),""",
    source=_credits("-1", "removed"),
)
