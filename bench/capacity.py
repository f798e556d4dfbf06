"""What one click, share, ledger entry, outbox event and webhook delivery cost on disk, measured.

A fresh database gets the demo tenant (so every row has real neighbours to point at), then
``--rows`` rows per event table written by server-side SQL in the shape the application writes
them: digests, captions, destinations, reasons and event bodies of the demo's own lengths, UUIDv7
ids in time order. After VACUUM ANALYZE, each table's heap, TOAST and index bytes are divided by its
rows. The figures feed the capacity model of docs/scaling.md; the section "Capacity" of
bench/RESULTS.md is rewritten.

    .venv/bin/python -m bench.capacity [--rows 200000]
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg

from app.adapters.postgres.database import create_engine, plain_dsn
from app.adapters.postgres.migrations import upgrade
from app.demo.run import seed_demo
from bench.feed import fresh_database, write_section
from bench.measure import machine
from bench.metrics_seed import at, uuid7

DATABASE = "relais_bench_capacity"
# The instant the rows start from (ms) is $2; row g is g ms later, so ids stay in time order.
MILLIS = "($2::bigint + g)"

# $1 tenant, $2 start (ms), $3 how many. A posted share of the demo's shape: caption, destination and
# post address of the demo's lengths.
SHARES = f"""
INSERT INTO shares (tenant_id, id, code, ambassador_id, content_id, network, language, caption, status, destination,
                    click_param, post_url, created_at, posted_at, version, potential_reach)
SELECT s.tenant_id, {uuid7(MILLIS, "r")}, 'c' || lpad(to_hex(g), 7, '0'), s.ambassador_id, s.content_id, s.network,
       s.language, s.caption, 'posted', s.destination, s.click_param, s.post_url, {at(MILLIS)}, {at(MILLIS)}, 2,
       s.potential_reach
FROM (SELECT g, md5(g::text || 'share') AS r FROM generate_series(1, $3) AS g) AS x
CROSS JOIN (SELECT * FROM shares WHERE tenant_id = $1 AND status = 'posted' ORDER BY id LIMIT 1) AS s
"""
# A counted click: two 16-byte digests in hex, as the redirect writes them.
CLICKS = f"""
INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, network_hash, kind, is_unique, is_self)
SELECT $1, {uuid7(MILLIS, "r")}, picks.ids[1 + g % cardinality(picks.ids)], {at(MILLIS)}, md5(r), md5(r || 'n'),
       'counted', g % 3 = 0, false
FROM (SELECT g, md5(g::text || 'click') AS r FROM generate_series(1, $3) AS g) AS x
CROSS JOIN (SELECT array_agg(id) AS ids FROM (SELECT id FROM shares WHERE tenant_id = $1 LIMIT 1000) AS s) AS picks
"""
# An award for a posted share: the source event, its share and rule set, the reason the ledger shows.
LEDGER = f"""
INSERT INTO points_entries (tenant_id, id, ambassador_id, points, kind, status, rule, rule_set_version,
                            source_event_id, source_event_type, share_id, multiplier, reason, occurred_at,
                            recorded_at)
SELECT $1, {uuid7(MILLIS, "r")}, a.id, 10, 'award', 'credited', 'share_posted', 3,
       {uuid7(MILLIS, "md5(r)")}, 'share.posted', {uuid7(MILLIS, "md5(r || 's')")}, 1, 'Partage publié sur LinkedIn',
       {at(MILLIS)}, {at(MILLIS)}
FROM (SELECT g, md5(g::text || 'entry') AS r FROM generate_series(1, $3) AS g) AS x
CROSS JOIN (SELECT id FROM ambassadors WHERE tenant_id = $1 ORDER BY id LIMIT 1) AS a
"""
# Each award's key beside the ledger (an award once per source event, rule and share), as the ledger writes it.
LEDGER_KEYS = """
INSERT INTO points_entry_keys (tenant_id, entry_id, kind, source_event_id, rule, share_id)
SELECT tenant_id, id, 'award', source_event_id, rule, share_id FROM points_entries
WHERE tenant_id = $1 AND source_event_id IS NOT NULL
  AND id >= (lpad(to_hex($2::bigint), 12, '0') || repeat('0', 20))::uuid
LIMIT $3
"""
# An event as the outbox keeps it, delivered: the data object of the demo's median length.
OUTBOX = f"""
INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at, delivered_at, resource_version)
SELECT $1, {uuid7(MILLIS, "r")}, e.type, {at(MILLIS)}, e.data, {at(MILLIS)}, {at(MILLIS)}, e.resource_version
FROM (SELECT g, md5(g::text || 'event') AS r FROM generate_series(1, $3) AS g) AS x
CROSS JOIN (
    SELECT * FROM outbox WHERE tenant_id = $1 ORDER BY length(data::text)
    LIMIT 1 OFFSET (SELECT count(*) / 2 FROM outbox WHERE tenant_id = $1)
) AS e
"""
# A delivery that succeeded on its first attempt: the signed body as sent, and its attempt.
DELIVERIES = f"""
INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body, state, attempts,
                                total_attempts, last_status_code, created_at)
SELECT $1, {uuid7(MILLIS, "r")}, d.endpoint_id, {uuid7(MILLIS, "md5(r)")}, d.event_type, d.body, 'succeeded', 1, 1,
       204, {at(MILLIS)}
FROM (SELECT g, md5(g::text || 'delivery') AS r FROM generate_series(1, $3) AS g) AS x
CROSS JOIN (SELECT * FROM webhook_deliveries WHERE tenant_id = $1 ORDER BY id LIMIT 1) AS d
"""
# The first attempt of each of the $3 deliveries written from $2 on.
ATTEMPTS = f"""
INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempt, attempted_at, status_code, latency_ms)
SELECT tenant_id, id, 1, created_at, 204, 120 FROM webhook_deliveries
WHERE tenant_id = $1 AND state = 'succeeded' AND created_at >= {at("$2::bigint")}
LIMIT $3
"""
# A share's hour in the rollups that outlive the clicks: its clicks, visitors and reach, no conversion.
SHARE_HOURS = f"""
INSERT INTO metric_share_hours (tenant_id, share_id, hour, ambassador_id, content_id, campaign_id, network, language,
                                posted_shares, potential_reach, clicks, unique_visitors)
SELECT $1, s.id, date_trunc('hour', {at("$2::bigint")}) + (x.g / 1000) * interval '1 hour', s.ambassador_id,
       s.content_id, s.campaign_id, s.network, s.language, 0, 0, 1 + x.g % 7, 1 + x.g % 5
FROM generate_series(0, $3 - 1) AS x (g)
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM shares WHERE tenant_id = $1 LIMIT 1000) AS s
  ON s.n = x.g % 1000
"""
WRITES = (
    ("shares", SHARES),
    ("clicks", CLICKS),
    ("points_entries", LEDGER),
    ("points_entry_keys", LEDGER_KEYS),
    ("outbox", OUTBOX),
    ("webhook_deliveries", DELIVERIES),
    ("webhook_delivery_attempts", ATTEMPTS),
    ("metric_share_hours", SHARE_HOURS),
)
# Heap, TOAST and indexes of a table and, when it is partitioned, of all its partitions.
SIZES = """
WITH leaves AS (
    SELECT relid FROM pg_partition_tree($1::regclass) WHERE isleaf
    UNION
    SELECT oid FROM pg_class WHERE oid = $1::regclass AND relkind = 'r'
)
SELECT sum(pg_table_size(relid))::bigint AS heap, sum(pg_indexes_size(relid))::bigint AS indexes FROM leaves
"""


@dataclass(frozen=True, slots=True)
class Footprint:
    table: str
    rows: int
    heap: int
    indexes: int

    @property
    def per_row(self) -> float:
        return (self.heap + self.indexes) / self.rows


async def seed(url: str) -> None:
    engine = create_engine(url)
    try:
        await seed_demo(engine, "http://127.0.0.1:8000")
    finally:
        await engine.dispose()


async def measure(url: str, rows: int) -> list[Footprint]:
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        tenant_id = await connection.fetchval("SELECT id FROM tenants WHERE slug = 'demo'")
        start = int(datetime.now(UTC).timestamp() * 1000) - rows
        for _, statement in WRITES:
            await connection.execute(statement, tenant_id, start, rows, timeout=None)
        await connection.execute("VACUUM ANALYZE")
        footprints = []
        for table, _ in WRITES:
            count = await connection.fetchval(f"SELECT count(*) FROM {table}")
            sizes = await connection.fetchrow(SIZES, table)
            footprints.append(Footprint(table, count, sizes["heap"], sizes["indexes"]))
        return footprints
    finally:
        await connection.close()


def section(footprints: list[Footprint]) -> str:
    lines = [
        "## Capacity",
        "",
        "What a row of each event table costs, heap and TOAST plus every index, after VACUUM ANALYZE, at "
        f"{footprints[0].rows:,} rows or more per table (`python -m bench.capacity`). These are the figures "
        "of the capacity model in docs/scaling.md.",
        "",
        "| table | rows | heap + TOAST | indexes | bytes per row |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines.extend(
        f"| `{footprint.table}` | {footprint.rows:,} | {footprint.heap / 2**20:.1f} MiB | "
        f"{footprint.indexes / 2**20:.1f} MiB | {footprint.per_row:.0f} |"
        for footprint in footprints
    )
    lines += ["", f"Machine: {machine()}. Date: {datetime.now(UTC):%Y-%m-%d}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url:
        upgrade(url)
        asyncio.run(seed(url))
        footprints = asyncio.run(measure(url, args.rows))
    text = section(footprints)
    write_section("Capacity", text)
    print(text)


if __name__ == "__main__":
    main()
