"""Recruiting's hand-written SQL: the prospects (a page, their facets, the ids a wave's filter
takes) and each cohort's facts, one statement each whatever the number of rows."""

from __future__ import annotations

# Active employees without an active or paused membership; :department, :location, :standing may be null.
_PROSPECTS = """
FROM employees e
LEFT JOIN ambassadors a ON a.tenant_id = e.tenant_id AND a.employee_id = e.id
WHERE e.tenant_id = :tenant_id AND e.status = 'active'
  AND (a.id IS NULL OR a.status IN ('invited', 'left'))
  AND (CAST(:department AS text) IS NULL OR e.department = CAST(:department AS text))
  AND (CAST(:location AS text) IS NULL OR e.location = CAST(:location AS text))
  AND (CAST(:standing AS text) IS NULL OR coalesce(a.status, 'never_invited') = CAST(:standing AS text))
"""

PROSPECT_PAGE = f"""
SELECT e.id, e.given_name, e.family_name, e.department, e.location,
       coalesce(a.status, 'never_invited') AS standing, a.invited_at
{_PROSPECTS}
  AND (CAST(:after AS uuid) IS NULL OR e.id > CAST(:after AS uuid))
ORDER BY e.id
LIMIT :limit
"""

PROSPECT_IDS = f"""
SELECT e.id {_PROSPECTS}
ORDER BY e.id
LIMIT :limit
"""

# Every facet in one pass: grouping sets give the total, each department and each location.
PROSPECT_FACETS = f"""
SELECT GROUPING(e.department) AS no_department, GROUPING(e.location) AS no_location,
       e.department, e.location, count(*) AS prospects
{_PROSPECTS}
GROUP BY GROUPING SETS ((), (e.department), (e.location))
"""

# Each invited member of the waves: joined when they consented after the wave's invitation; their first
# posted share from then on; whether they posted one in the window after their 30-day mark.
COHORTS = """
SELECT m.wave_id, j.joined_at, a.left_at,
  (SELECT min(s.posted_at) FROM shares s
   WHERE s.tenant_id = m.tenant_id AND s.ambassador_id = a.id AND s.status = 'posted'
     AND s.posted_at >= j.joined_at) AS first_share_at,
  EXISTS (SELECT 1 FROM shares s
   WHERE s.tenant_id = m.tenant_id AND s.ambassador_id = a.id AND s.status = 'posted'
     AND s.posted_at >= j.joined_at + CAST(:active_after AS interval)
     AND s.posted_at < j.joined_at + CAST(:active_after AS interval) + CAST(:window AS interval)) AS shared_in_window
FROM invitation_wave_members m
JOIN invitation_waves w ON w.tenant_id = m.tenant_id AND w.id = m.wave_id
JOIN ambassadors a ON a.tenant_id = m.tenant_id AND a.id = m.ambassador_id
CROSS JOIN LATERAL (
  SELECT CASE WHEN a.consented_at >= w.created_at THEN a.consented_at END AS joined_at
) j
WHERE m.tenant_id = :tenant_id AND m.wave_id = ANY(:wave_ids) AND m.outcome = 'invited'
"""
