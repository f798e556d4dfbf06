"""What in a live schema Citus would refuse to distribute as ``distribution`` declares it, read
from the PostgreSQL catalogue (``pg_class``, ``pg_attribute``, ``pg_index``, ``pg_constraint``).

Each finding names its table and constraint or index, so a failing check says what to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import asyncpg

from app.adapters.postgres.storage.distribution import DISTRIBUTION_COLUMN, LOCAL_TABLES, REFERENCE_TABLES

# Ordinary and partitioned tables; a partition is distributed along with its parent.
TABLES = """
SELECT c.relname AS name,
       EXISTS (
           SELECT FROM pg_attribute AS a
           WHERE a.attrelid = c.oid AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped
       ) AS has_key
FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname
"""

# Unique indexes (primary keys and unique constraints included), and whether the distribution
# column is one of their key columns (not an expression, not an INCLUDE column).
UNIQUE_KEYS = """
SELECT t.relname AS table_name, coalesce(con.conname, i.relname) AS key_name,
       EXISTS (
           SELECT FROM unnest((x.indkey::int2[])[0:x.indnkeyatts - 1]) AS k (attnum)
           JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = k.attnum
           WHERE a.attname = $2
       ) AS has_key
FROM pg_index AS x
JOIN pg_class AS t ON t.oid = x.indrelid
JOIN pg_class AS i ON i.oid = x.indexrelid
JOIN pg_namespace AS n ON n.oid = t.relnamespace
LEFT JOIN pg_constraint AS con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u')
WHERE n.nspname = $1 AND x.indisunique AND t.relkind IN ('r', 'p') AND NOT t.relispartition
ORDER BY 1, 2
"""

# Foreign keys, and whether some position pairs the distribution column with itself.
FOREIGN_KEYS = """
SELECT t.relname AS table_name, con.conname AS key_name, r.relname AS referenced,
       EXISTS (
           SELECT FROM unnest(con.conkey, con.confkey) AS k (own, other)
           JOIN pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.own
           JOIN pg_attribute AS b ON b.attrelid = con.confrelid AND b.attnum = k.other
           WHERE a.attname = $2 AND b.attname = $2
       ) AS pairs_key
FROM pg_constraint AS con
JOIN pg_class AS t ON t.oid = con.conrelid
JOIN pg_class AS r ON r.oid = con.confrelid
JOIN pg_namespace AS n ON n.oid = t.relnamespace
WHERE n.nspname = $1 AND con.contype = 'f' AND NOT t.relispartition AND con.conparentid = 0
ORDER BY 1, 2
"""


@dataclass(frozen=True, slots=True)
class DistributionAudit:
    """The tables as Citus would take them, and what it would refuse."""

    distributed: frozenset[str]
    reference: frozenset[str]
    local: frozenset[str]
    violations: list[str] = field(default_factory=list)


async def audit_distribution(
    connection: asyncpg.Connection,
    schema: str = "public",
    reference_tables: Mapping[str, str] = REFERENCE_TABLES,
    local_tables: Mapping[str, str] = LOCAL_TABLES,
) -> DistributionAudit:
    key = DISTRIBUTION_COLUMN
    kinds: dict[str, str] = {}
    violations: list[str] = []
    for row in await connection.fetch(TABLES, schema, key):
        name = row["name"]
        if name in reference_tables:
            kinds[name] = "reference"
        elif name in local_tables:
            kinds[name] = "local"
        elif row["has_key"]:
            kinds[name] = "distributed"
        else:
            violations.append(f"{name}: has no {key} column and is declared neither a reference nor a local table")
    absent = sorted((set(reference_tables) | set(local_tables)) - set(kinds))
    violations.extend(f"{name}: declared in the distribution layout but not in the schema" for name in absent)
    violations.extend(
        f"{row['table_name']}.{row['key_name']}: a unique key of a distributed table without {key}"
        for row in await connection.fetch(UNIQUE_KEYS, schema, key)
        if kinds.get(row["table_name"]) == "distributed" and not row["has_key"]
    )
    for row in await connection.fetch(FOREIGN_KEYS, schema, key):
        own, other = kinds.get(row["table_name"]), kinds.get(row["referenced"])
        where = f"{row['table_name']}.{row['key_name']}"
        if own == "distributed" and other == "distributed" and not row["pairs_key"]:
            violations.append(f"{where}: a foreign key to distributed {row['referenced']} not pairing {key} with {key}")
        elif own == "reference" and other == "distributed":
            violations.append(f"{where}: reference table referencing distributed {row['referenced']}")
        elif own != other and "local" in (own, other):
            violations.append(f"{where}: a foreign key between a local table and {row['referenced']}")
    return DistributionAudit(
        distributed=frozenset(name for name, kind in kinds.items() if kind == "distributed"),
        reference=frozenset(name for name, kind in kinds.items() if kind == "reference"),
        local=frozenset(name for name, kind in kinds.items() if kind == "local"),
        violations=violations,
    )
