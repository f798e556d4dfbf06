"""Migrations: every revision upgrades and downgrades, and head matches the tables in code."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from uuid import uuid4

import asyncpg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, make_url

from app.adapters.postgres.database import create_engine, plain_dsn
from app.adapters.postgres.metadata import metadata
from app.adapters.postgres.migrations import alembic_config, compared, downgrade, upgrade
from app.adapters.system import Uuid7Generator
from app.domain.storage.months import Month, PartitionedTable
from tests.conftest import _recreate_database


@pytest.fixture
def scratch_url(database_server: str, worker_name: str) -> Iterator[str]:
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_stairway_{worker_name}"
    asyncio.run(_recreate_database(database_server, name))
    yield base.set(database=name).render_as_string(hide_password=False)
    asyncio.run(_recreate_database(database_server, name, create=False))


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(""))
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def test_every_revision_upgrades_downgrades_and_upgrades_again(scratch_url: str) -> None:
    previous = "base"
    for revision in _revisions():
        upgrade(scratch_url, revision)
        downgrade(scratch_url, previous)
        upgrade(scratch_url, revision)
        previous = revision


async def test_schema_at_head_matches_the_tables_in_code(database_url: str) -> None:
    engine = create_engine(database_url, pool_size=1, max_overflow=0)

    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"include_name": compared})
        return list(compare_metadata(context, metadata))

    async with engine.connect() as connection:
        diff = await connection.run_sync(differences)
    await engine.dispose()
    assert diff == [], f"models and migrations disagree; write a migration for: {diff}"


# Revision 0008 on rows written before it: a share of Ada's with her own engagement report and
# the integration's, and one click.
BEFORE_0008 = [
    "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'acme', 'Acme', now())",
    "INSERT INTO employees (tenant_id, id, email, given_name, family_name, status, version, created_at, updated_at,"
    " idp_subject) VALUES ($1, $1, 'ada@acme.example', 'Ada', 'Lovelace', 'active', 1, now(), now(), 'idp|ada')",
    "INSERT INTO ambassadors (tenant_id, id, employee_id, status, preferences, version, created_at, updated_at)"
    " VALUES ($1, $1, $1, 'active', '{}', 1, now(), now())",
    "INSERT INTO contents (tenant_id, id, status, format, language, locales, media, shareable, pinned, important,"
    " proposed, created_by, last_edited_by, version, created_at, updated_at) VALUES"
    " ($1, $1, 'draft', 'other', 'en', '{\"en\": {}}', '[]', true, false, false, false, 'm', 'm', 1, now(), now())",
    "INSERT INTO shares (tenant_id, id, code, ambassador_id, content_id, network, language, caption, status,"
    " destination, click_param, created_at, posted_at, version) VALUES ($1, $1, 'Ab3dE5gH', $1, $1, 'linkedin', 'en',"
    " 'Hi', 'posted', 'https://acme.example/', 'rl_click', now(), now(), 2)",
    "INSERT INTO engagement_snapshots (tenant_id, id, share_id, observed_at, impressions, reactions, comments,"
    " reshares, recorded_at, recorded_by) VALUES ($1, gen_random_uuid(), $1, now(), 10, 1, 0, 0, now(), 'idp|ada'),"
    " ($1, gen_random_uuid(), $1, now(), 20, 2, 0, 0, now(), 'crm-sync')",
    "INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, kind, is_unique, is_self)"
    " VALUES ($1, gen_random_uuid(), $1, now(), 'v', 'counted', true, false)",
]


async def _run(url: str, statement: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(plain_dsn(url))
    try:
        rows: list[asyncpg.Record] = await connection.fetch(statement, *args)
        return rows
    finally:
        await connection.close()


def test_0008_marks_earlier_snapshots_by_who_recorded_them_and_gives_back_capped_clicks_as_counted(
    scratch_url: str,
) -> None:
    tenant = uuid4()
    upgrade(scratch_url, "0007")
    for statement in BEFORE_0008:
        asyncio.run(_run(scratch_url, statement, tenant))

    upgrade(scratch_url, "0008")
    sources = asyncio.run(_run(scratch_url, "SELECT recorded_by, source FROM engagement_snapshots"))
    [click] = asyncio.run(_run(scratch_url, "SELECT kind, network_hash FROM clicks"))
    asyncio.run(_run(scratch_url, "UPDATE clicks SET kind = 'capped', is_unique = false"))
    downgrade(scratch_url, "0007")
    [after] = asyncio.run(_run(scratch_url, "SELECT kind FROM clicks"))

    assert dict(sorted((row["recorded_by"], row["source"]) for row in sources)) == {
        "crm-sync": "integration",
        "idp|ada": "self_reported",
    }
    # No address was kept to digest its network: an empty digest, which no network has.
    assert (click["kind"], click["network_hash"]) == ("counted", "")
    assert after["kind"] == "counted"


def test_0022_gives_each_tenant_its_own_prefix_and_keeps_the_tenant_of_every_code_already_issued(
    scratch_url: str,
) -> None:
    tenant, other = uuid4(), uuid4()
    upgrade(scratch_url, "0020")
    for statement in BEFORE_0008[:5]:
        asyncio.run(_run(scratch_url, statement, tenant))
    another = "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'globex', 'Globex', now())"
    asyncio.run(_run(scratch_url, another, other))

    upgrade(scratch_url, "0022")
    prefixes = asyncio.run(_run(scratch_url, "SELECT id, link_prefix FROM tenants"))
    legacy = asyncio.run(_run(scratch_url, "SELECT code, tenant_id FROM legacy_share_codes"))
    downgrade(scratch_url, "0020")
    [share] = asyncio.run(_run(scratch_url, "SELECT code FROM shares"))

    assert len({row["link_prefix"] for row in prefixes}) == 2
    assert all(len(row["link_prefix"]) == 4 and row["link_prefix"].isalnum() for row in prefixes)
    assert [(row["code"], row["tenant_id"]) for row in legacy] == [("Ab3dE5gH", tenant)]
    assert share["code"] == "Ab3dE5gH"


# An award and its reversal, written before the ledger was partitioned.
ENTRY = (
    "INSERT INTO points_entries (tenant_id, id, ambassador_id, points, kind, status, rule, multiplier, reason,"
    " occurred_at, recorded_at, source_event_id, reverses) VALUES ($1, $2, $1, $3, $4, 'credited', 'share_posted',"
    " 1, 'r', now(), now(), $5, $6)"
)


def test_0023_partitions_the_ledger_and_keeps_refusing_a_repeated_award_or_reversal(scratch_url: str) -> None:
    tenant, ids, event = uuid4(), Uuid7Generator(), uuid4()
    award, taken_back = ids.new_id(), ids.new_id()
    upgrade(scratch_url, "0021")
    for statement in BEFORE_0008[:3]:
        asyncio.run(_run(scratch_url, statement, tenant))
    asyncio.run(_run(scratch_url, ENTRY, tenant, award, 10, "award", event, None))
    asyncio.run(_run(scratch_url, ENTRY, tenant, taken_back, -10, "reversal", None, award))

    upgrade(scratch_url, "0023")
    where = asyncio.run(_run(scratch_url, "SELECT DISTINCT tableoid::regclass::text AS p FROM points_entries"))
    keys = asyncio.run(_run(scratch_url, "SELECT kind, entry_id FROM points_entry_keys ORDER BY kind"))
    with pytest.raises(asyncpg.UniqueViolationError):
        asyncio.run(
            _run(
                scratch_url,
                "INSERT INTO points_entry_keys (tenant_id, entry_id, kind, source_event_id, rule)"
                " VALUES ($1, $2, 'award', $3, 'share_posted')",
                tenant,
                ids.new_id(),
                event,
            )
        )
    downgrade(scratch_url, "0021")
    [kind] = asyncio.run(_run(scratch_url, "SELECT relkind FROM pg_class WHERE relname = 'points_entries'"))
    with pytest.raises(asyncpg.UniqueViolationError):
        asyncio.run(_run(scratch_url, ENTRY, tenant, ids.new_id(), -10, "reversal", None, award))

    assert [row["p"] for row in where] == [Month.made(award).partition_of(PartitionedTable.POINTS_ENTRIES)]
    assert [tuple(row) for row in keys] == [("award", award), ("reversal", taken_back)]
    assert kind["relkind"] == b"r"
