"""The fan-out's SQL: one statement writes a notification for each person of an audience, the
``notification.created`` event of each to the outbox (with the person's push tokens, none in their
quiet hours) and a live-updates signal of each on the live channel (``relais_live``), whether the
audience is one member or ten thousand.

$1 tenant, $2 the cause (an event's id), $3 kind, $4 data (a JSON document), $5 now; $6 the
audience's own parameter (members' ids, a content's or a campaign's id; none for every member).
"""

from __future__ import annotations

from app.adapters.postgres.integrations.import_diff_sql import UUID7
from app.adapters.postgres.live_updates.channel import CHANNEL
from app.domain.events import EventType
from app.ports.live_updates import SignalKind

NAMED = """
  SELECT a.id AS ambassador_id, a.employee_id FROM ambassadors a
  WHERE a.tenant_id = $1 AND a.id = ANY($6::uuid[]) AND a.status <> 'left'
"""
MEMBERS = """
  SELECT a.id AS ambassador_id, a.employee_id FROM ambassadors a
  WHERE a.tenant_id = $1 AND a.status IN ('active', 'paused')
"""


def _targeted(table: str, condition: str = "") -> str:
    """The active members a content or a campaign targets, by the feed's rules: an empty list lets
    everyone in, a missing department or location matches no non-empty list, and a language target
    is a range reaching the roster language (``fr`` reaches ``fr-CA``)."""
    return f"""
  SELECT a.id AS ambassador_id, a.employee_id
  FROM {table} t
  JOIN ambassadors a ON a.tenant_id = t.tenant_id AND a.status = 'active'
  JOIN employees e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
  WHERE t.tenant_id = $1 AND t.id = $6 {condition}
    AND (cardinality(t.target_departments) = 0 OR e.department = ANY(t.target_departments))
    AND (cardinality(t.target_locations) = 0 OR e.location = ANY(t.target_locations))
    AND (cardinality(t.target_languages) = 0 OR EXISTS (
      SELECT 1 FROM unnest(t.target_languages) AS r(tag)
      WHERE e.language = r.tag OR starts_with(e.language, r.tag || '-')))
"""


CONTENT_AUDIENCE = _targeted("contents", "AND t.status = 'approved'")
CAMPAIGN_AUDIENCE = _targeted("campaigns")

# The outbox rows join the written notifications to their members by primary key, not to the
# ``recipients`` CTE: the planner cannot estimate a join of two CTEs, and its estimate of millions of
# rows would have PostgreSQL compile the statement with JIT, a second spent on every large audience.
_FAN_OUT = """
WITH {claim} audience AS ({audience}),
recipients AS (
  SELECT au.ambassador_id
  FROM audience au
  LEFT JOIN notification_preferences p ON p.tenant_id = $1 AND p.ambassador_id = au.ambassador_id
  WHERE p.ambassador_id IS NULL OR NOT ($3::text = ANY(p.muted_kinds))
),
written AS (
  INSERT INTO notifications (tenant_id, id, ambassador_id, kind, source_event_id, data, created_at)
  SELECT $1, {uuid7}, r.ambassador_id, $3, $2, $4::jsonb, $5 FROM recipients r
  ON CONFLICT (tenant_id, source_event_id, ambassador_id) DO NOTHING
  RETURNING id, ambassador_id
),
announced AS (
  INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)
  SELECT $1, {uuid7}, '{event}', $5,
         jsonb_build_object(
           'id', w.id, 'ambassador_id', w.ambassador_id, 'employee_id', a.employee_id,
           'kind', $3::text, 'data', $4::jsonb, 'created_at', $5::timestamptz,
           'quiet', q.quiet, 'push', NOT q.quiet AND d.tokens IS NOT NULL,
           'devices', CASE WHEN q.quiet THEN '[]'::jsonb ELSE coalesce(d.tokens, '[]'::jsonb) END),
         $5
  FROM written w
  JOIN ambassadors a ON a.tenant_id = $1 AND a.id = w.ambassador_id
  LEFT JOIN notification_preferences p ON p.tenant_id = $1 AND p.ambassador_id = w.ambassador_id
  CROSS JOIN LATERAL (
    SELECT ($5::timestamptz AT TIME ZONE coalesce(p.time_zone, (
      SELECT s.document ->> 'time_zone' FROM programme_settings s WHERE s.tenant_id = $1), 'UTC'))::time AS local
  ) l
  CROSS JOIN LATERAL (
    SELECT coalesce(p.quiet_start IS NOT NULL AND CASE
      WHEN p.quiet_start < p.quiet_end THEN l.local >= p.quiet_start AND l.local < p.quiet_end
      ELSE l.local >= p.quiet_start OR l.local < p.quiet_end END, false) AS quiet
  ) q
  LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('platform', v.platform, 'token', v.token)
                     ORDER BY v.registered_at DESC) AS tokens
    FROM notification_devices v WHERE v.tenant_id = $1 AND v.ambassador_id = w.ambassador_id
  ) d ON true
)
SELECT count(*) FROM written w
JOIN ambassadors m ON m.tenant_id = $1 AND m.id = w.ambassador_id
CROSS JOIN LATERAL (SELECT pg_notify('{channel}', json_build_object(
  'tenant_id', $1::uuid, 'employee_id', m.employee_id, 'kind', '{signal}', 'id', w.id)::text)) n
"""


# A content scheduled for later is announced once, when it goes live: the statement that tells its
# audience first claims it in ``announced_contents``, and tells no one when another worker did.
_CLAIM = """claimed AS (
  INSERT INTO announced_contents (tenant_id, content_id, announced_at) VALUES ($1, $6, $5)
  ON CONFLICT DO NOTHING RETURNING content_id
),"""


def fan_out(audience: str, *, claim: bool = False) -> str:
    if claim:
        audience = f"SELECT * FROM ({audience}) claimed_audience WHERE EXISTS (SELECT 1 FROM claimed)"
    return _FAN_OUT.format(
        claim=_CLAIM if claim else "",
        audience=audience,
        uuid7=UUID7,
        event=EventType.NOTIFICATION_CREATED.value,
        channel=CHANNEL,
        signal=SignalKind.NOTIFICATION.value,
    )


FAN_OUT_NAMED = fan_out(NAMED)
FAN_OUT_MEMBERS = fan_out(MEMBERS)
FAN_OUT_CONTENT = fan_out(CONTENT_AUDIENCE)
FAN_OUT_CAMPAIGN = fan_out(CAMPAIGN_AUDIENCE)
FAN_OUT_SCHEDULED_CONTENT = fan_out(CONTENT_AUDIENCE, claim=True)

# Contents that went live since $2 (and by $1) after their approval, still live and not announced yet,
# in every tenant: the worker's periodic round announces them.
DUE_CONTENTS = """
SELECT c.tenant_id, c.id FROM contents c
WHERE c.status = 'approved' AND c.live_from <= $1 AND c.live_from > $2 AND c.live_from > c.approved_at
  AND (c.expire_at IS NULL OR c.expire_at > $1)
  AND NOT EXISTS (SELECT 1 FROM announced_contents a WHERE a.tenant_id = c.tenant_id AND a.content_id = c.id)
ORDER BY c.live_from
LIMIT $3
"""
