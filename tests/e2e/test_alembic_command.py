"""End to end: the ``alembic`` command, run from the top of the source tree as developers do."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.adapters.postgres.migrations import head_revision
from tests.conftest import _recreate_database

pytestmark = pytest.mark.e2e
ALEMBIC = str(Path(sys.executable).with_name("alembic"))
SOURCE_TREE = Path(__file__).resolve().parents[2]


@pytest.fixture
def scratch_url(database_server: str, worker_name: str) -> Iterator[str]:
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_alembic_{worker_name}"
    asyncio.run(_recreate_database(database_server, name))
    yield base.set(database=name).render_as_string(hide_password=False)
    asyncio.run(_recreate_database(database_server, name, create=False))


def alembic(*args: str, database_url: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELAIS_")}
    if database_url is not None:
        env["RELAIS_DATABASE_URL"] = database_url
    return subprocess.run(
        [ALEMBIC, *args], cwd=SOURCE_TREE, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_alembic_upgrades_the_database_named_by_relais_database_url(scratch_url: str) -> None:
    upgraded = alembic("upgrade", "head", database_url=scratch_url)
    assert upgraded.returncode == 0, upgraded.stderr

    current = alembic("current", database_url=scratch_url)
    assert f"{head_revision()} (head)" in current.stdout, current.stderr


def test_alembic_check_sees_every_capability_table_as_migrated(scratch_url: str) -> None:
    # Autogenerate compares the tables in code with the database: were env.py to miss a
    # capability's tables, a new revision would be written to drop them.
    assert alembic("upgrade", "head", database_url=scratch_url).returncode == 0

    checked = alembic("check", database_url=scratch_url)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No new upgrade operations detected" in checked.stdout


def test_alembic_without_a_database_url_says_what_to_set() -> None:
    refused = alembic("upgrade", "head", database_url=None)
    assert refused.returncode != 0
    assert "set RELAIS_DATABASE_URL" in refused.stderr
