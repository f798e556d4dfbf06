"""The notification preferences' SQL, hand-written for asyncpg."""

from __future__ import annotations

_COLUMNS = "muted_kinds, quiet_start, quiet_end, time_zone, weekly_digest, version"
GET = f"SELECT {_COLUMNS} FROM notification_preferences WHERE tenant_id = $1 AND ambassador_id = $2"
# $8 the version the member read (0: none stored yet).
REPLACE = f"""
INSERT INTO notification_preferences AS p
  (tenant_id, ambassador_id, muted_kinds, quiet_start, quiet_end, time_zone, weekly_digest, version, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $9)
ON CONFLICT (tenant_id, ambassador_id) DO UPDATE
  SET muted_kinds = excluded.muted_kinds, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
      time_zone = excluded.time_zone, weekly_digest = excluded.weekly_digest, version = p.version + 1,
      updated_at = excluded.updated_at
  WHERE p.version = $8
RETURNING {_COLUMNS}
"""
