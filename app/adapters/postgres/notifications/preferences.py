"""Members' notification preferences, on asyncpg; no row reads as the defaults (version 0)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from app.adapters.postgres.notifications.preference_sql import GET, REPLACE
from app.domain.notifications.notices import NotificationKind
from app.domain.notifications.preferences import NotificationPreferences, QuietHours

# A kind a later release retired is dropped from the muted ones, not refused.
_KINDS = frozenset(kind.value for kind in NotificationKind)


class PostgresNotificationPreferencesStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def get(self, tenant_id: UUID, ambassador_id: UUID) -> NotificationPreferences:
        row = await self._pool.fetchrow(GET, tenant_id, ambassador_id)
        return NotificationPreferences() if row is None else _preferences(row)

    async def replace(
        self, tenant_id: UUID, ambassador_id: UUID, preferences: NotificationPreferences, now: datetime
    ) -> NotificationPreferences | None:
        quiet = preferences.quiet_hours
        row = await self._pool.fetchrow(
            REPLACE,
            tenant_id,
            ambassador_id,
            sorted(kind.value for kind in preferences.muted_kinds),
            quiet.start if quiet else None,
            quiet.end if quiet else None,
            preferences.time_zone,
            preferences.weekly_digest,
            preferences.version,
            now,
        )
        return None if row is None else _preferences(row)


def _preferences(row: asyncpg.Record) -> NotificationPreferences:
    start, end = row["quiet_start"], row["quiet_end"]
    return NotificationPreferences(
        muted_kinds=frozenset(NotificationKind(kind) for kind in row["muted_kinds"] if kind in _KINDS),
        quiet_hours=QuietHours(start=start, end=end) if start is not None and end is not None else None,
        time_zone=row["time_zone"],
        weekly_digest=row["weekly_digest"],
        version=row["version"],
    )
