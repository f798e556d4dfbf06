"""How the schema spreads over a Citus cluster: the distribution key, the reference tables and why
each is global, the tables that stay local, and the statements that distribute them.

Every table with a ``tenant_id`` column is distributed by it, all colocated with ``employees``, so
a tenant's rows of every table sit on the same node and join there; a table declared below as a
reference table is replicated to every node instead (it may be referenced by distributed tables
and must not reference one). ``tests/integration/test_distribution.py`` holds the catalogue to
these rules after every migration.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa

DISTRIBUTION_COLUMN = "tenant_id"
# The first distributed table; the others are colocated with it.
COLOCATION_ANCHOR = "employees"

# Each reference table and why it is global.
REFERENCE_TABLES: Mapping[str, str] = {
    "tenants": "every tenant-owned table references it, and the redirect resolves link prefixes from it",
    "visitor_salts": "the daily salts of visitor digests, shared by all tenants",
    "legacy_share_codes": "the tenant of each share code issued before link prefixes; frozen since 0022",
    "sign_in_codes": "the development sign-in's authorization codes, which arrive without a tenant",
    "integrations": "the public intake names an integration by its id alone; a few rows per tenant",
    "integration_credentials": "a SCIM request names no tenant: its token's digest finds the integration",
}

# Tables Citus must leave on the coordinator, and why.
LOCAL_TABLES: Mapping[str, str] = {
    "alembic_version": "the schema revision, read and written by the migrations only",
}


def is_distributed(table: str, columns: Iterable[str]) -> bool:
    """Distributed by ``tenant_id`` when it has the column and is not declared global or local."""
    return table not in REFERENCE_TABLES and table not in LOCAL_TABLES and DISTRIBUTION_COLUMN in set(columns)


def citus_plan(metadata: sa.MetaData) -> list[str]:
    """The statements that distribute ``metadata``'s tables on a Citus coordinator, in an order Citus
    accepts: reference tables first, then the anchor, then the others, each after what it references."""
    tables = metadata.sorted_tables
    reference = [table.name for table in tables if table.name in REFERENCE_TABLES]
    distributed = [table.name for table in tables if is_distributed(table.name, table.columns.keys())]
    if COLOCATION_ANCHOR not in distributed:
        raise ValueError(f"The colocation anchor {COLOCATION_ANCHOR} is not a distributed table.")
    colocated = [name for name in distributed if name != COLOCATION_ANCHOR]
    return [
        *(f"SELECT create_reference_table('{name}');" for name in reference),
        f"SELECT create_distributed_table('{COLOCATION_ANCHOR}', '{DISTRIBUTION_COLUMN}');",
        *(
            f"SELECT create_distributed_table('{name}', '{DISTRIBUTION_COLUMN}',"
            f" colocate_with => '{COLOCATION_ANCHOR}');"
            for name in colocated
        ),
    ]
