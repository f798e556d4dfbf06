"""The redirect on asyncpg: one hand-written statement resolves the code and records the click.

No ORM and no transaction block: the statement runs in autocommit, so the click is committed
when it returns, before the redirect is sent. ``shares.code`` is unique across tenants (the
public link names no tenant); every other key used here starts with the share's tenant.
"""

from __future__ import annotations

import asyncpg

from app.domain.sharing.visitors import UNIQUE_VISIT_WINDOW
from app.ports.sharing import ClickToRecord, ResolvedLink

# $1 code, $2 click id, $3 clicked_at, $4 the visitor's digests (today's salt first), $5 kind,
# $6 the UTC day of the click, $7 clicked_at less the unique-visit window.
# A counted click is unique unless the same visitor (under today's or yesterday's digest) made a
# counted click on the same share after $7; it is the ambassador's own when its digest is one the
# ambassador had that day. Nothing is written for a cancelled share or an archived content.
FOLLOW_LINK = """
WITH link AS (
    SELECT s.tenant_id, s.id, s.ambassador_id, s.destination, s.click_param,
           s.status <> 'cancelled' AND c.status <> 'archived' AS live
    FROM shares AS s
    JOIN contents AS c ON c.tenant_id = s.tenant_id AND c.id = s.content_id
    WHERE s.code = $1::text
), click AS (
    INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, kind, is_unique, is_self)
    SELECT link.tenant_id, $2::uuid, link.id, $3::timestamptz, ($4::text[])[1], $5::text,
           $5::text = 'counted' AND NOT EXISTS (
               SELECT FROM unnest($4::text[]) AS known (visitor_hash)
               WHERE (
                   -- Newest first along the index: never a scan of the share's other visitors.
                   SELECT earlier.clicked_at FROM clicks AS earlier
                   WHERE earlier.tenant_id = link.tenant_id
                     AND earlier.share_id = link.id
                     AND earlier.visitor_hash = known.visitor_hash
                     AND earlier.clicked_at > $7::timestamptz
                     AND earlier.kind = 'counted'
                   ORDER BY earlier.clicked_at DESC
                   LIMIT 1
               ) IS NOT NULL
           ),
           EXISTS (
               SELECT FROM ambassador_visitors AS own
               WHERE own.tenant_id = link.tenant_id
                 AND own.ambassador_id = link.ambassador_id
                 AND own.day = $6::date
                 AND own.visitor_hash = ($4::text[])[1]
           )
    FROM link
    WHERE link.live
    RETURNING is_unique, is_self
)
SELECT link.destination, link.click_param, link.live,
       click.is_unique IS NOT NULL AS recorded,
       coalesce(click.is_unique, false) AS is_unique,
       coalesce(click.is_self, false) AS is_self
FROM link LEFT JOIN click ON true
"""


class PostgresClickRecorder:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def record(self, click: ClickToRecord) -> ResolvedLink | None:
        row = await self._pool.fetchrow(
            FOLLOW_LINK,
            click.code.value,
            click.id,
            click.clicked_at,
            list(click.visitor_hashes),
            click.kind.value,
            click.day,
            click.clicked_at - UNIQUE_VISIT_WINDOW,
        )
        if row is None:
            return None
        return ResolvedLink(
            destination=row["destination"],
            click_param=row["click_param"],
            live=row["live"],
            recorded=row["recorded"],
            unique=row["is_unique"],
            self_click=row["is_self"],
        )
