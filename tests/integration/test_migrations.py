"""Migrations: every revision upgrades and downgrades, and head matches the tables in code."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, make_url

from app.adapters.postgres.database import create_engine
from app.adapters.postgres.metadata import metadata
from app.adapters.postgres.migrations import alembic_config, downgrade, upgrade
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
        return list(compare_metadata(MigrationContext.configure(connection), metadata))

    async with engine.connect() as connection:
        diff = await connection.run_sync(differences)
    await engine.dispose()
    assert diff == [], f"models and migrations disagree; write a migration for: {diff}"
