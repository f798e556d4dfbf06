"""The weekly digest's SQL: one statement prepares the digests of a batch of a tenant's members (the
row that makes each once per week, and its ``digest.prepared`` event with the contents for them and
their impact), however many they are.

$1 tenant, $2 the week (its local Monday), $3 the start of the seven days the digest covers, $4 now,
$5 batch size, $6 the programme's time zone, $7 the last member of the previous batch (members are
read in id order, so a run reads each once).
"""

from __future__ import annotations

from app.adapters.postgres.integrations.import_diff_sql import UUID7
from app.domain.events import EventType
from app.domain.notifications.digests import MAX_SUGGESTED

SCHEDULES = """
SELECT t.id AS tenant_id, s.document ->> 'time_zone' AS time_zone, s.document ->> 'digest_weekday' AS weekday,
       s.document ->> 'digest_time' AS at
FROM tenants t LEFT JOIN programme_settings s ON s.tenant_id = t.id
ORDER BY t.id
"""

PREPARE = f"""
WITH members AS (
  SELECT a.id AS ambassador_id, a.employee_id, e.department, e.location, e.language,
         CASE WHEN jsonb_typeof(a.preferences -> 'max_shares_per_week') = 'number'
              THEN (a.preferences ->> 'max_shares_per_week')::int END AS max_shares
  FROM ambassadors a
  JOIN employees e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
  LEFT JOIN notification_preferences p ON p.tenant_id = a.tenant_id AND p.ambassador_id = a.id
  CROSS JOIN LATERAL (SELECT ($4::timestamptz AT TIME ZONE coalesce(p.time_zone, $6))::time AS local) l
  -- A lookup of each member's row of the week by primary key: the week's rows are new, so the planner's
  -- statistics know none of them and would pick an anti join that reads them all for each member.
  LEFT JOIN LATERAL (
    SELECT d.ambassador_id FROM weekly_digests d
    WHERE d.tenant_id = $1 AND d.ambassador_id = a.id AND d.week = $2 LIMIT 1
  ) done ON true
  WHERE a.tenant_id = $1 AND a.status = 'active' AND coalesce(p.weekly_digest, true)
    AND NOT coalesce(p.quiet_start IS NOT NULL AND CASE
      WHEN p.quiet_start < p.quiet_end THEN l.local >= p.quiet_start AND l.local < p.quiet_end
      ELSE l.local >= p.quiet_start OR l.local < p.quiet_end END, false)
    AND a.id > $7
    AND done.ambassador_id IS NULL
  ORDER BY a.id
  LIMIT $5
),
written AS (
  INSERT INTO weekly_digests (tenant_id, ambassador_id, week, prepared_at)
  SELECT $1, m.ambassador_id, $2, $4 FROM members m
  ON CONFLICT DO NOTHING
  RETURNING ambassador_id
),
announced AS (
  INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)
  SELECT $1, {UUID7}, '{EventType.DIGEST_PREPARED.value}', $4,
         jsonb_build_object(
           'ambassador_id', w.ambassador_id, 'employee_id', m.employee_id, 'week', $2::date,
           'from', $3::timestamptz, 'to', $4::timestamptz,
           'new_contents', coalesce(c.total, 0), 'contents', coalesce(c.list, '[]'::jsonb),
           'impact', jsonb_build_object('shares_posted', s.posted, 'points', pt.points)),
         $4
  FROM written w
  JOIN members m ON m.ambassador_id = w.ambassador_id
  LEFT JOIN LATERAL (
    SELECT count(*) AS total,
           jsonb_agg(jsonb_build_object('id', x.id, 'title', x.title, 'pinned', x.pinned, 'important', x.important)
                     ORDER BY x.rank)
             FILTER (WHERE x.rank <= least(coalesce(m.max_shares, {MAX_SUGGESTED}), {MAX_SUGGESTED})) AS list
    FROM (
      SELECT c.id, c.locales -> c.language ->> 'title' AS title, c.pinned, c.important,
             row_number() OVER (ORDER BY c.pinned DESC, c.important DESC, c.live_from DESC, c.id DESC) AS rank
      FROM contents c
      WHERE c.tenant_id = $1 AND c.status = 'approved' AND c.live_from > $3 AND c.live_from <= $4
        AND (c.expire_at IS NULL OR c.expire_at > $4)
        AND (cardinality(c.target_departments) = 0 OR m.department = ANY(c.target_departments))
        AND (cardinality(c.target_locations) = 0 OR m.location = ANY(c.target_locations))
        AND (cardinality(c.target_languages) = 0 OR EXISTS (
          SELECT 1 FROM unnest(c.target_languages) AS r(tag)
          WHERE m.language = r.tag OR starts_with(m.language, r.tag || '-')))
    ) x
  ) c ON true
  CROSS JOIN LATERAL (
    SELECT count(*) AS posted FROM shares s
    WHERE s.tenant_id = $1 AND s.ambassador_id = w.ambassador_id AND s.status = 'posted'
      AND s.posted_at > $3 AND s.posted_at <= $4
  ) s
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(e.points), 0) AS points FROM points_entries e
    WHERE e.tenant_id = $1 AND e.ambassador_id = w.ambassador_id AND e.kind IN ('award', 'reversal', 'adjustment')
      AND e.occurred_at > $3 AND e.occurred_at <= $4
  ) pt
)
SELECT (SELECT count(*) FROM written) AS prepared, (SELECT count(*) FROM members) AS read,
       (SELECT ambassador_id FROM members ORDER BY ambassador_id DESC LIMIT 1) AS last
"""
