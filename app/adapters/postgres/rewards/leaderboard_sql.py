"""The one statement of a leaderboard page: period bounds in the tenant's zone, the caller, the page
along the ranking index and the caller's own rank, on the rollups alone.

$1 tenant, $2 period kind, $3 the instant whose period is read, $4 the caller's subject, $5 the
campaign (all zeros: programme-wide), $6 scope, $7 department, $8 location, $9 rows to read (the
page's size plus one), $10/$11 the points and ambassador of the last row of the page before.

The page walks the ranking index of the members shown on boards (``shown``, kept by triggers) and
stops after the page; the caller's rank is one plus the members above them, summed over the board's
distinct scores (``leaderboard_scores``), so neither grows with the ledger nor with the rank."""

from __future__ import annotations

PAGE = """
WITH bounds AS (
    SELECT z.tz,
           CASE WHEN $2::text IN ('week', 'month', 'quarter')
                THEN date_trunc($2::text, $3::timestamptz AT TIME ZONE z.tz)::date
                ELSE DATE '1970-01-01' END AS start
    FROM (
        SELECT coalesce((SELECT s.document ->> 'time_zone' FROM programme_settings AS s WHERE s.tenant_id = $1), 'UTC')
            AS tz
    ) AS z
),
me AS (
    SELECT a.id, e.department, e.location,
           a.status = 'active' AND coalesce((a.preferences ->> 'leaderboard_visible')::boolean, false) AS visible
    FROM employees AS e
    JOIN ambassadors AS a ON a.tenant_id = e.tenant_id AND a.employee_id = e.id
    WHERE e.tenant_id = $1 AND e.idp_subject = $4::text
),
scope AS (
    SELECT CASE WHEN $6::text = 'department' THEN coalesce($7::text, (SELECT department FROM me)) END AS department,
           CASE WHEN $6::text = 'location' THEN coalesce($8::text, (SELECT location FROM me)) END AS location
),
board AS NOT MATERIALIZED (
    SELECT r.ambassador_id, r.points, e.given_name, e.family_name
    FROM leaderboard_rollups AS r
    JOIN ambassadors AS a ON a.tenant_id = r.tenant_id AND a.id = r.ambassador_id
    JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
    WHERE r.tenant_id = $1 AND r.period_kind = $2::text AND r.period_start = (SELECT start FROM bounds)
      AND r.campaign_id = $5::uuid AND r.shown
      AND ($6::text <> 'department' OR e.department = (SELECT department FROM scope))
      AND ($6::text <> 'location' OR e.location = (SELECT location FROM scope))
),
page AS (
    SELECT * FROM board
    WHERE $10::bigint IS NULL OR board.points < $10::bigint
       OR (board.points = $10::bigint AND board.ambassador_id > $11::uuid)
    ORDER BY board.points DESC, board.ambassador_id
    LIMIT $9::int
),
mine AS (
    SELECT me.id, me.visible, coalesce(r.points, 0) AS points
    FROM me
    LEFT JOIN leaderboard_rollups AS r
        ON r.tenant_id = $1 AND r.period_kind = $2::text AND r.period_start = (SELECT start FROM bounds)
       AND r.campaign_id = $5::uuid AND r.ambassador_id = me.id
    WHERE ($6::text <> 'department' OR me.department = (SELECT department FROM scope))
      AND ($6::text <> 'location' OR me.location = (SELECT location FROM scope))
)
SELECT b.tz, b.start,
       CASE WHEN $2::text IN ('week', 'month', 'quarter') THEN b.start::timestamp AT TIME ZONE b.tz
            WHEN $2::text = 'campaign' THEN c.starts_at END AS starts_at,
       CASE $2::text
            WHEN 'week' THEN (b.start + 7)::timestamp AT TIME ZONE b.tz
            WHEN 'month' THEN (b.start + interval '1 month') AT TIME ZONE b.tz
            WHEN 'quarter' THEN (b.start + interval '3 months') AT TIME ZONE b.tz
            WHEN 'campaign' THEN c.ends_at END AS ends_at,
       c.id IS NOT NULL AS campaign_found,
       (SELECT department FROM scope) AS department, (SELECT location FROM scope) AS location,
       p.ids, p.points, p.given_names, p.family_names,
       m.id AS me_id, m.visible AS me_visible, m.points AS me_points, above.n AS me_above
FROM bounds AS b
LEFT JOIN campaigns AS c ON c.tenant_id = $1 AND c.id = $5::uuid
LEFT JOIN LATERAL (
    SELECT array_agg(page.ambassador_id ORDER BY page.points DESC, page.ambassador_id) AS ids,
           array_agg(page.points ORDER BY page.points DESC, page.ambassador_id) AS points,
           array_agg(page.given_name ORDER BY page.points DESC, page.ambassador_id) AS given_names,
           array_agg(page.family_name ORDER BY page.points DESC, page.ambassador_id) AS family_names
    FROM page
) AS p ON true
LEFT JOIN mine AS m ON true
LEFT JOIN LATERAL (
    -- A programme's or a campaign's board sums its scores above the caller's (one row per distinct
    -- score); a department's or a location's counts its members above them.
    SELECT CASE WHEN $6::text IN ('department', 'location')
                THEN (SELECT count(*) FROM board WHERE board.points > m.points)
                ELSE (SELECT coalesce(sum(s.members), 0) FROM leaderboard_scores AS s
                      WHERE s.tenant_id = $1 AND s.period_kind = $2::text
                        AND s.period_start = (SELECT start FROM bounds) AND s.campaign_id = $5::uuid
                        AND s.points > m.points)
           END AS n
) AS above ON m.id IS NOT NULL
"""
