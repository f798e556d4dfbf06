"""The devices' SQL, hand-written for asyncpg."""

from __future__ import annotations

from app.domain.notifications.devices import MAX_DEVICES

_COLUMNS = "id, ambassador_id, platform, token, registered_at"
# A token already known in the tenant moves to this member (a phone changes hands); beyond
# MAX_DEVICES, the member's devices registered longest ago are forgotten.
REGISTER = f"""
WITH saved AS (
  INSERT INTO notification_devices (tenant_id, id, ambassador_id, platform, token, registered_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (tenant_id, token) DO UPDATE
    SET ambassador_id = excluded.ambassador_id, platform = excluded.platform, registered_at = excluded.registered_at
  RETURNING {_COLUMNS}
),
pruned AS (
  DELETE FROM notification_devices d
  WHERE d.tenant_id = $1 AND d.id IN (
    SELECT o.id FROM notification_devices o
    WHERE o.tenant_id = $1 AND o.ambassador_id = $3 AND o.id <> (SELECT id FROM saved)
    ORDER BY o.registered_at DESC, o.id DESC OFFSET {MAX_DEVICES - 1})
)
SELECT {_COLUMNS} FROM saved
"""
LIST = f"""
SELECT {_COLUMNS} FROM notification_devices WHERE tenant_id = $1 AND ambassador_id = $2
ORDER BY registered_at DESC, id DESC
"""
REMOVE = "DELETE FROM notification_devices WHERE tenant_id = $1 AND ambassador_id = $2 AND id = $3"
