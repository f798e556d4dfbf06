"""The redirect on asyncpg: one hand-written statement resolves the code, judges the click and records it.

No ORM and no transaction block: the statement runs in autocommit, so the click is committed
when it returns, before the redirect is sent. The code names its tenant (``LinkTenants``, in
process once warm), and the statement filters on it: every key used here starts with the tenant,
and on Citus the statement touches the one shard holding the share.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import asyncpg

from app.adapters.postgres.sharing.link_tenants import LinkTenants
from app.domain.sharing.visitors import UNIQUE_VISIT_WINDOW, day_start
from app.domain.storage.months import Month, lowest_id_at
from app.ports.sharing import ClickToRecord, ResolvedLink

# A click's id is made a moment before or after its time is read; a minute covers it many times over.
ID_BEFORE_CLICK = timedelta(minutes=1)
SECONDS_A_DAY = 86_400
MILLISECONDS_A_DAY = SECONDS_A_DAY * 1000  # a UUIDv7's first 48 bits count milliseconds

# $1 code, $2 click id, $3 clicked_at, $4 the visitor's digest (today's salt), $5 their network's
# digests (today's salt first), $6 kind, $7 the UTC day of the click, $8 clicked_at less the
# unique-visit window, $9 the start of the UTC day, $10 the network's daily cap, $11 the tenant the
# code names.
# The click is the ambassador's own when its visitor digest is one the ambassador had that day.
# Any other counted click is capped when the network already made $10 counted clicks, not the
# ambassador's own, on the share since $9; one still counted is unique unless the network (under
# today's or yesterday's digest) made such a click after $8; the ambassador's own is never unique.
# Both look along the partial index of counted clicks that are not the ambassador's own, and read
# at most $10 and 1 of its entries.
# Both also keep to clicks whose id is at least $12, the lowest id of a moment before the unique-visit
# window of the click's day's start (so before $8 and $9, and the same all day), and below $13, the
# lowest id of the month after the one the click's id was made in: clicks are partitioned by the month
# of their id, so only this month's partition (and the last one's, in a month's first two days) is
# read, whatever the age of the table, and neither the months made ahead nor the default partition.
# Nothing is written for a cancelled share or an archived or recalled content. A recalled content's
# link also reads the tenant's recall notice page from its settings, in the same statement, and only
# then: the settings row is never looked at on a live link.
FOLLOW_LINK = """
WITH link AS (
    SELECT s.tenant_id, s.id, s.ambassador_id, s.destination, s.click_param,
           s.status <> 'cancelled' AND c.status NOT IN ('archived', 'recalled') AS live,
           c.status = 'recalled' AS recalled,
           CASE WHEN c.status = 'recalled' THEN (
               SELECT ps.document ->> 'recall_notice_url' FROM programme_settings AS ps WHERE ps.tenant_id = s.tenant_id
           ) END AS notice_url
    FROM shares AS s
    JOIN contents AS c ON c.tenant_id = s.tenant_id AND c.id = s.content_id
    WHERE s.tenant_id = $11::uuid AND s.code = $1::text
), click AS (
    INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, network_hash, kind, is_unique, is_self)
    SELECT link.tenant_id, $2::uuid, link.id, $3::timestamptz, $4::text, ($5::text[])[1], judged.kind,
           judged.kind = 'counted' AND NOT own.is_self AND NOT EXISTS (
               SELECT FROM unnest($5::text[]) AS known (network_hash)
               WHERE (
                   -- Newest first along the index: never a scan of the share's other networks.
                   SELECT earlier.clicked_at FROM clicks AS earlier
                   WHERE earlier.tenant_id = link.tenant_id
                     AND earlier.share_id = link.id
                     AND earlier.network_hash = known.network_hash
                     AND earlier.id >= $12::uuid AND earlier.id < $13::uuid
                     AND earlier.clicked_at > $8::timestamptz
                     AND earlier.kind = 'counted' AND NOT earlier.is_self
                   ORDER BY earlier.clicked_at DESC
                   LIMIT 1
               ) IS NOT NULL
           ),
           own.is_self
    FROM link
    CROSS JOIN LATERAL (
        SELECT EXISTS (
            SELECT FROM ambassador_visitors AS mine
            WHERE mine.tenant_id = link.tenant_id
              AND mine.ambassador_id = link.ambassador_id
              AND mine.day = $7::date
              AND mine.visitor_hash = $4::text
        ) AS is_self
        OFFSET 0  -- judged once: a flattened subquery would be evaluated wherever it is named
    ) AS own
    CROSS JOIN LATERAL (
        SELECT CASE
            WHEN $6::text = 'counted' AND NOT own.is_self AND (
                SELECT count(*) FROM (
                    SELECT FROM clicks AS today
                    WHERE today.tenant_id = link.tenant_id
                      AND today.share_id = link.id
                      AND today.network_hash = ($5::text[])[1]
                      AND today.id >= $12::uuid AND today.id < $13::uuid
                      AND today.clicked_at >= $9::timestamptz
                      AND today.kind = 'counted' AND NOT today.is_self
                    LIMIT $10::int
                ) AS counted_today
            ) >= $10::int THEN 'capped'
            ELSE $6::text
        END AS kind
        OFFSET 0
    ) AS judged
    WHERE link.live
    RETURNING kind, is_unique, is_self
)
SELECT link.destination, link.click_param, link.live, link.recalled, link.notice_url,
       click.kind IS NOT NULL AS recorded,
       coalesce(click.is_unique, false) AS is_unique,
       coalesce(click.is_self, false) AS is_self,
       coalesce(click.kind = 'capped', false) AS capped
FROM link LEFT JOIN click ON true
"""


@functools.lru_cache(maxsize=4)
def _lowest_id_looked_back_at(day: date) -> UUID:
    """From a click of ``day`` (its UTC day), the statement looks back no further than the unique-visit
    window of the day's first instant, less a moment: the same bound all day, worked out once."""
    return lowest_id_at(day_start(day) - UNIQUE_VISIT_WINDOW - ID_BEFORE_CLICK)


@functools.lru_cache(maxsize=4)
def _lowest_id_of_next_month(id_day: int) -> UUID:
    """The upper bound of the look-back for a click whose id was made on the ``id_day``-th day since the
    epoch: the next month's lowest id. From the id, not the click's time, which a caller may set apart
    from it (the demo's story dates its clicks in the past)."""
    return Month.of(datetime.fromtimestamp(id_day * SECONDS_A_DAY, UTC)).plus(1).lowest_id


def follow_link_arguments(click: ClickToRecord, tenant_id: UUID) -> tuple[object, ...]:
    """``FOLLOW_LINK``'s $1 to $13 for this click of a code of ``tenant_id``."""
    return (
        click.code.value,
        click.id,
        click.clicked_at,
        click.visitor_hash,
        list(click.network_hashes),
        click.kind.value,
        click.day,
        click.clicked_at - UNIQUE_VISIT_WINDOW,
        day_start(click.day),
        click.daily_cap,
        tenant_id,
        _lowest_id_looked_back_at(click.day),
        _lowest_id_of_next_month((click.id.int >> 80) // MILLISECONDS_A_DAY),
    )


class PostgresClickRecorder:
    def __init__(self, pool: asyncpg.Pool, tenants: LinkTenants | None = None) -> None:
        self._pool = pool
        self._tenants = tenants or LinkTenants(pool)

    async def record(self, click: ClickToRecord) -> ResolvedLink | None:
        tenant_id = self._tenants.known(click.code) or await self._tenants.look_up(click.code)
        if tenant_id is None:
            return None
        row = await self._pool.fetchrow(FOLLOW_LINK, *follow_link_arguments(click, tenant_id))
        if row is None:
            return None
        return ResolvedLink(
            destination=row["destination"],
            click_param=row["click_param"],
            live=row["live"],
            recorded=row["recorded"],
            unique=row["is_unique"],
            self_click=row["is_self"],
            capped=row["capped"],
            recalled=row["recalled"],
            notice_url=row["notice_url"],
        )
