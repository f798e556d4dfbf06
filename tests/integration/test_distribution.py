"""The schema at head is one Citus can distribute by tenant, as ``distribution`` declares it: read
from the catalogue after the migrations, and shown to fail on a scratch schema built wrong."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from app.adapters.postgres.database import plain_dsn
from app.adapters.postgres.storage.distribution_audit import audit_distribution


@pytest.fixture
async def connection(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        yield connection
    finally:
        await connection.close()


async def test_every_key_of_the_migrated_schema_carries_the_tenant_where_citus_needs_it(
    connection: asyncpg.Connection,
) -> None:
    audit = await audit_distribution(connection)

    assert audit.violations == []
    assert audit.reference == {
        "tenants",
        "visitor_salts",
        "legacy_share_codes",
        "sign_in_codes",
        "integrations",
        "integration_credentials",
    }
    assert audit.local == {"alembic_version"}
    assert {"employees", "shares", "clicks", "contents", "outbox", "integration_deliveries"} <= audit.distributed
    assert not audit.distributed & audit.reference


# A scratch schema with one table of each mistake the audit exists to catch, and one done right.
SCRATCH = "citus_audit_scratch"
BAD_SCHEMA = f"""
CREATE SCHEMA {SCRATCH};
SET LOCAL search_path = {SCRATCH};
CREATE TABLE tenants (id uuid PRIMARY KEY);
CREATE TABLE orphans (id int PRIMARY KEY);
CREATE TABLE links (
    tenant_id uuid REFERENCES tenants (id), id uuid, code text,
    CONSTRAINT pk_links PRIMARY KEY (tenant_id, id), CONSTRAINT uq_links_code UNIQUE (code)
);
CREATE UNIQUE INDEX uq_links_lower_code ON links (lower(code));
CREATE UNIQUE INDEX uq_links_tenant_id_lower_code ON links (tenant_id, lower(code));
CREATE TABLE pins (tenant_id uuid, id uuid CONSTRAINT pk_pins PRIMARY KEY);
CREATE TABLE visits (
    tenant_id uuid, id uuid, link_tenant_id uuid, link_id uuid,
    CONSTRAINT pk_visits PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_visits_link FOREIGN KEY (link_tenant_id, link_id) REFERENCES links (tenant_id, id),
    CONSTRAINT fk_visits_own_link FOREIGN KEY (tenant_id, link_id) REFERENCES links (tenant_id, id)
);
CREATE TABLE lookups (
    code text PRIMARY KEY, tenant_id uuid, link_id uuid,
    CONSTRAINT fk_lookups_links FOREIGN KEY (tenant_id, link_id) REFERENCES links (tenant_id, id)
);
"""


async def test_the_audit_names_each_table_and_key_citus_would_refuse(connection: asyncpg.Connection) -> None:
    try:
        async with connection.transaction():
            await connection.execute(BAD_SCHEMA)
        audit = await audit_distribution(
            connection,
            SCRATCH,
            reference_tables={"tenants": "every table references it", "lookups": "global", "ghosts": "gone"},
            local_tables={},
        )
    finally:
        await connection.execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE")

    assert audit.violations == [
        "orphans: has no tenant_id column and is declared neither a reference nor a local table",
        "ghosts: declared in the distribution layout but not in the schema",
        "links.uq_links_code: a unique key of a distributed table without tenant_id",
        "links.uq_links_lower_code: a unique key of a distributed table without tenant_id",
        "pins.pk_pins: a unique key of a distributed table without tenant_id",
        "lookups.fk_lookups_links: reference table referencing distributed links",
        "visits.fk_visits_link: a foreign key to distributed links not pairing tenant_id with tenant_id",
    ]
    assert audit.reference == {"tenants", "lookups"}
    assert audit.distributed == {"links", "pins", "visits"}
