"""A year of one tenant's activity for the metrics benchmark, written by server-side SQL (INSERT ...
SELECT over generate_series), then filed into the hourly rollups by the worker's own adapter.

1,000 ambassadors, 300 contents, 200,000 shares posted over the last 365 days on four networks, each
with a potential reach and one self-reported engagement snapshot; clicks within three days of their
share's posting (never in the future), most counted, some by bots or over the daily cap, a few the
ambassador's own, the unique ones flagged. A click's id is a UUIDv7 of its own instant, as the
redirect makes it: the rollups read clicks in id order."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from app.adapters.postgres.database import create_pool, plain_dsn
from app.adapters.postgres.events.delivery_queue import NO_CLICK
from app.adapters.postgres.metrics.rollups import CLICK_POSITION, PostgresMetricRollups
from app.adapters.postgres.storage.partitions import PostgresPartitions
from app.domain.storage.months import Month

AMBASSADORS, CONTENTS, SHARES = 1_000, 300, 200_000
NETWORKS = ("linkedin", "x", "facebook", "instagram")
CLICK_CHUNK = 1_000_000
ROLLUP_BATCH = 100_000
CONCURRENCY = 8
DAY_MS = 86_400_000
# Spans written into the statements as whole numbers: PostgreSQL multiplies integer literals in 32 bits.
HIRED = f"($2::bigint - {400 * DAY_MS})"  # the roster's instant, from $2 the seed's
FIRST_CONTENT, YEAR = 380 * DAY_MS, 365 * DAY_MS


def uuid7(millis: str, digits: str) -> str:
    """A UUIDv7 of the millisecond ``millis`` (a bigint expression), its 18 other hex digits taken
    from ``digits`` (an md5 text)."""
    return f"(lpad(to_hex({millis}), 12, '0') || '7' || substr({digits}, 1, 3) || '8' || substr({digits}, 4, 15))::uuid"


def at(millis: str) -> str:
    return f"(timestamptz 'epoch' + ({millis}) * interval '1 millisecond')"


# $1 tenant, $2 the seed's instant (ms), $3 how many.
EMPLOYEES = f"""
INSERT INTO employees (tenant_id, id, email, given_name, family_name, department, location, idp_subject, status,
                       version, created_at, updated_at)
SELECT $1, {uuid7(HIRED + " + g", "r")}, 'employee' || g || '@acme.example', 'Given' || g,
       'Family' || g, (ARRAY['Sales', 'Marketing', 'Engineering', 'People', 'Finance'])[1 + g % 5],
       (ARRAY['Lyon', 'Paris', 'London', 'Berlin'])[1 + g % 4], 'bench|' || g, 'active', 1,
       {at(HIRED)}, {at(HIRED)}
FROM (SELECT g, md5(random()::text) AS r FROM generate_series(0, $3 - 1) AS g) AS x
"""
AMBASSADORS_SQL = f"""
INSERT INTO ambassadors (tenant_id, id, employee_id, status, consented_at, preferences, version, created_at, updated_at)
SELECT $1, {uuid7(HIRED + " + 1", "md5(e.id::text)")}, e.id, 'active',
       {at(HIRED)},
       '{{"languages": [], "topics": [], "max_shares_per_week": null, "leaderboard_visible": true}}'::jsonb, 1,
       {at(HIRED)}, {at(HIRED)}
FROM employees AS e WHERE e.tenant_id = $1
"""
# $1 tenant, $2 the seed's instant (ms), $3 how many.
CONTENTS_SQL = f"""
INSERT INTO contents (tenant_id, id, status, format, objective, language, locales, topics, link_url, media, shareable,
                      pinned, important, live_from, proposed, created_by, last_edited_by, approved_at, approved_by,
                      version, created_at, updated_at)
SELECT $1, {uuid7("ms", "r")}, 'approved', (ARRAY['article', 'video', 'job_offer', 'event'])[1 + g % 4], 'awareness',
       'fr', jsonb_build_object('fr', jsonb_build_object('title', 'Nouvelle ' || g, 'body', 'Un texte.',
       'captions', jsonb_build_object('linkedin', 'Partagez #employee'))), ARRAY['culture'],
       'https://acme.example/news/' || g || '?from=relais', '[]'::jsonb, true, false, false, {at("ms")}, false,
       'bench|admin', 'bench|admin', {at("ms")}, 'bench|moderator', 3, {at("ms")}, {at("ms")}
FROM (SELECT g, md5(random()::text) AS r, $2::bigint - {FIRST_CONTENT} + g * 3600000 AS ms
      FROM generate_series(0, $3 - 1) AS g) AS x
"""
# $1 tenant, $2 the seed's instant (ms), $3 how many, $4 networks. Posted over the past 365 days.
SHARES_SQL = f"""
WITH a AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ambassadors WHERE tenant_id = $1),
c AS (SELECT id, link_url, row_number() OVER (ORDER BY id) AS n FROM contents WHERE tenant_id = $1),
drawn AS (
    SELECT g, md5(random()::text) AS r, ($2::bigint - 3600000 - floor(random() * {YEAR}))::bigint AS ms,
           1 + floor(random() * {AMBASSADORS})::bigint AS a_n, 1 + floor(random() * {CONTENTS})::bigint AS c_n,
           $4::text[] AS networks, 1 + floor(random() * cardinality($4::text[]))::int AS w,
           200 + floor(random() * 5000)::bigint AS reach
    FROM generate_series(1, $3) AS g
)
INSERT INTO shares (tenant_id, id, code, ambassador_id, content_id, network, language, caption, status, destination,
                    click_param, created_at, posted_at, version, potential_reach)
SELECT $1, {uuid7("d.ms - 300000", "d.r")}, 'm' || lpad(to_hex(d.g), 7, '0'), a.id, c.id, d.networks[d.w], 'fr',
       'Partagez #employee', 'posted', c.link_url || '&utm_source=' || d.networks[d.w], 'rl_click',
       {at("d.ms - 300000")}, {at("d.ms")}, 1, d.reach
FROM drawn AS d JOIN a ON a.n = d.a_n JOIN c ON c.n = d.c_n
ORDER BY 2
"""
# $1 tenant, $2 the seed's instant (ms). Observed within three days of the posting.
SNAPSHOTS = f"""
INSERT INTO engagement_snapshots (tenant_id, id, share_id, observed_at, impressions, reactions, comments, reshares,
                                  recorded_at, recorded_by, source)
SELECT $1, {uuid7("ms", "r")}, id, {at("ms")}, impressions, floor(impressions * random() * 0.05),
       floor(impressions * random() * 0.01), floor(impressions * random() * 0.005), {at("ms")}, 'bench|ambassador',
       'self_reported'
FROM (
    SELECT s.id, md5(random()::text) AS r, floor(random() * 3000)::int AS impressions,
           (posted + floor(random() * least(3 * 86400000, $2::bigint - posted)))::bigint AS ms
    FROM (SELECT id, (extract(epoch FROM posted_at) * 1000)::bigint AS posted FROM shares WHERE tenant_id = $1) AS s
) AS x
ORDER BY 2
"""
# The shares numbered in a random order, so that the clicks drawn (more to the first) fall on any month.
PICKS = """
CREATE TEMPORARY TABLE share_picks AS
SELECT row_number() OVER (ORDER BY md5(id::text)) AS n, id, (extract(epoch FROM posted_at) * 1000)::bigint AS posted
FROM shares WHERE tenant_id = $1
"""
# $1 tenant, $2 the seed's instant (ms), $3 how many, $4 shares. Made within three days of the posting.
CLICKS = f"""
INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, kind, is_unique, is_self, network_hash)
SELECT $1, {uuid7("ms", "r")}, share_id, {at("ms")}, md5(r), kind,
       kind = 'counted' AND NOT is_self AND unique_draw < 0.6, is_self, substr(r, 20, 12)
FROM (
    SELECT p.id AS share_id, md5(random()::text) AS r, random() AS unique_draw,
           (p.posted + floor(random() * least(3 * 86400000, $2::bigint - p.posted)))::bigint AS ms,
           CASE WHEN draw < 0.86 THEN 'counted' WHEN draw < 0.93 THEN 'bot' WHEN draw < 0.98 THEN 'capped'
                ELSE 'prefetch' END AS kind,
           draw < 0.02 AS is_self
    FROM (SELECT 1 + floor(power(random(), 1.5) * $4::int)::bigint AS n, random() AS draw
          FROM generate_series(1, $3)) AS g
    JOIN share_picks AS p USING (n)
) AS x
ORDER BY 2
"""


class MetricsSeed:
    def __init__(self, url: str) -> None:
        self._url = plain_dsn(url)
        self._now = datetime.now(UTC)
        self._millis = int(self._now.timestamp() * 1000)
        self._clicks = 0
        self.tenant_id = UUID(int=(self._millis << 80) | (0x7 << 76) | (0x8 << 60) | 1)

    @property
    def now(self) -> datetime:
        return self._now

    async def year(self) -> dict[str, float]:
        """The tenant, its roster, contents, shares and snapshots, timed; then the shares filed."""
        timings: dict[str, float] = {}
        connection = await asyncpg.connect(self._url)
        try:
            started = time.monotonic()
            await connection.execute(
                "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'bench', 'Acme', $2)",
                self.tenant_id,
                self._now - timedelta(days=400),
            )
            await connection.execute(EMPLOYEES, self.tenant_id, self._millis, AMBASSADORS)
            await connection.execute(AMBASSADORS_SQL, self.tenant_id, self._millis)
            await connection.execute(CONTENTS_SQL, self.tenant_id, self._millis, CONTENTS)
            await connection.execute(SHARES_SQL, self.tenant_id, self._millis, SHARES, list(NETWORKS))
            await connection.execute(SNAPSHOTS, self.tenant_id, self._millis)
            await connection.execute("VACUUM ANALYZE")
            timings["roster, contents, shares and snapshots by SQL"] = time.monotonic() - started
        finally:
            await connection.close()
        pool = await create_pool(self._url, size=CONCURRENCY)
        try:
            rollups = PostgresMetricRollups(pool)
            found = await pool.fetch("SELECT id FROM shares WHERE tenant_id = $1", self.tenant_id)
            shares = [row["id"] for row in found]
            for add in (rollups.add_posted_share, rollups.refresh_engagement):
                started = time.monotonic()
                await _concurrently(add, self.tenant_id, shares)
                timings[f"`{add.__name__}` for each share"] = time.monotonic() - started
        finally:
            await pool.close()
        return timings

    async def clicks(self, total: int) -> tuple[float, float]:
        """Add clicks until there are ``total``; then the click figures are rolled up anew from every
        click, as the worker reads them. Answers (seconds to write them, seconds to roll them up)."""
        # Clicks are partitioned by the month of their id: the year's months get theirs first, as the
        # worker would have made them while that year went by.
        months = await create_pool(self._url, size=1)
        try:
            await PostgresPartitions(months).create([Month.of(self._now).plus(-back) for back in range(14)])
        finally:
            await months.close()
        connection = await asyncpg.connect(self._url)
        try:
            started = time.monotonic()
            await connection.execute(PICKS, self.tenant_id)
            while self._clicks < total:
                size = min(CLICK_CHUNK, total - self._clicks)
                await connection.execute(CLICKS, self.tenant_id, self._millis, size, SHARES)
                self._clicks += size
            await connection.execute("DROP TABLE share_picks")
            await connection.execute("VACUUM ANALYZE clicks")
            written = time.monotonic() - started
            # The new clicks are dated in the past, before the rollups' position: it starts over, from
            # click figures set back to zero, so that every click is read once.
            await connection.execute("UPDATE metric_share_hours SET clicks = 0, unique_visitors = 0")
            await connection.execute("UPDATE metric_hours SET clicks = 0, unique_visitors = 0")
            await connection.execute("UPDATE metric_days SET clicks = 0, unique_visitors = 0")
            await connection.execute(
                "UPDATE click_positions SET last_click_id = $1::uuid WHERE handler = $2", NO_CLICK, CLICK_POSITION
            )
        finally:
            await connection.close()
        pool = await create_pool(self._url, size=2)
        try:
            rollups = PostgresMetricRollups(pool)
            started = time.monotonic()
            while True:
                now = datetime.now(UTC)
                lease = now + timedelta(minutes=10)
                read = await rollups.add_clicks(
                    settled_before=now, now=now, leased_until=lease, tenants=1, batch=ROLLUP_BATCH
                )
                if not read:
                    break
            rolled = time.monotonic() - started
        finally:
            await pool.close()
        await _vacuum(self._url)
        return written, rolled

    async def row_counts(self) -> dict[str, int]:
        connection = await asyncpg.connect(self._url)
        try:
            tables = ("clicks", "metric_share_hours", "metric_hours", "metric_days")
            return {table: int(await connection.fetchval(f"SELECT count(*) FROM {table}")) for table in tables}
        finally:
            await connection.close()


async def _concurrently(add: Callable[[UUID, UUID], Awaitable[None]], tenant_id: UUID, shares: list[UUID]) -> None:
    async def one_by_one(part: list[UUID]) -> None:
        for share_id in part:
            await add(tenant_id, share_id)

    await asyncio.gather(*(one_by_one(shares[n::CONCURRENCY]) for n in range(CONCURRENCY)))


async def _vacuum(url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()
