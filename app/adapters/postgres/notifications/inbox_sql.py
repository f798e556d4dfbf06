"""The inbox's SQL, hand-written for asyncpg: a page in two parts (unread, then read), each from
its own index, the unread count and the marks of reading."""

from __future__ import annotations

MEMBER = """
SELECT a.id FROM employees e JOIN ambassadors a ON a.tenant_id = e.tenant_id AND a.employee_id = e.id
WHERE e.tenant_id = $1 AND e.idp_subject = $2
"""
CONTENT_FACTS = """
SELECT c.locales -> c.language ->> 'title' AS title, c.status = 'approved' AS approved, c.live_from,
       c.pinned, c.important
FROM contents c WHERE c.tenant_id = $1 AND c.id = $2
"""
CAMPAIGN_FACTS = """
SELECT k.name, k.is_challenge, k.starts_at, k.ends_at FROM campaigns k WHERE k.tenant_id = $1 AND k.id = $2
"""

_COLUMNS = "n.id, n.ambassador_id, n.kind, n.source_event_id, n.data, n.created_at, n.read_at"
_MINE = "n.tenant_id = $1 AND n.ambassador_id = $2"
# $3 limit, $4 the id to read after (null from the start of that part).
_UNREAD_PART = f"""
  (SELECT {_COLUMNS} FROM notifications n
   WHERE {_MINE} AND n.read_at IS NULL AND ($4::uuid IS NULL OR n.id < $4)
   ORDER BY n.id DESC LIMIT $3)
"""
_READ_PART = f"""
  (SELECT {_COLUMNS} FROM notifications n
   WHERE {_MINE} AND n.read_at IS NOT NULL AND ({{after}} IS NULL OR n.id < {{after}})
   ORDER BY n.id DESC LIMIT $3)
"""
# From the unread part: the rest of it, then the read part from its start.
PAGE_FROM_UNREAD = f"""
SELECT * FROM ({_UNREAD_PART} UNION ALL {_READ_PART.format(after="NULL::uuid")}) p
ORDER BY (p.read_at IS NOT NULL), p.id DESC LIMIT $3
"""
PAGE_IN_READ = _READ_PART.format(after="$4::uuid")
UNREAD = f"SELECT count(*) FROM notifications n WHERE {_MINE} AND n.read_at IS NULL"
MARK_READ = f"""
UPDATE notifications n SET read_at = coalesce(n.read_at, $4) WHERE {_MINE} AND n.id = $3 RETURNING {_COLUMNS}
"""
MARK_ALL_READ = f"UPDATE notifications n SET read_at = $3 WHERE {_MINE} AND n.read_at IS NULL"
