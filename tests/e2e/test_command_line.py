"""The ``relais`` command without a usable database: one line saying what is wrong and how to fix it."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.adapters.postgres.migrations import head_revision
from tests.conftest import _recreate_database

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))
# Each run imports the whole application (seconds on a busy machine): one command of each kind.
NEEDS_A_DATABASE = [
    ("token", "--tenant", "demo", "--role", "admin"),
    ("tenants", "create", "acme", "--name", "Acme"),
    ("serve",),
    ("db", "current"),
]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once the probe is closed


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RELAIS, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def assert_one_line_failure(done: subprocess.CompletedProcess[str], *wanted: str) -> str:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for text in wanted:
        assert text in lines[0]
    assert done.stdout == ""
    return lines[0]


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("RELAIS_")}
    return env | {"RELAIS_DATA_DIR": str(tmp_path / "data")}


@pytest.mark.parametrize("args", NEEDS_A_DATABASE, ids=" ".join)
def test_a_data_directory_without_a_database_is_reported_with_the_fix(
    environment: dict[str, str], args: tuple[str, ...]
) -> None:
    line = assert_one_line_failure(run(environment, *args), "No database in", "make run", "RELAIS_DATABASE_URL")

    assert environment["RELAIS_DATA_DIR"] in line
    assert not Path(environment["RELAIS_DATA_DIR"], "postgres").exists(), "no empty database was made on the way"


@pytest.mark.parametrize(
    "args", [("token", "--tenant", "demo", "--role", "admin"), ("db", "upgrade"), ("serve",)], ids=" ".join
)
def test_an_unreachable_database_is_reported_without_its_password(
    environment: dict[str, str], args: tuple[str, ...]
) -> None:
    url = f"postgresql://relais:s3cret-password@127.0.0.1:{_closed_port()}/relais"

    # Told at once: `serve` would otherwise wait for the database to come up (test_database_wait.py).
    settings = {"RELAIS_DATABASE_URL": url, "RELAIS_DB_WAIT_SECONDS": "0"}
    line = assert_one_line_failure(
        run(environment | settings, *args), "Cannot connect to the database", "connection refused"
    )

    assert "s3cret-password" not in line
    assert "RELAIS_DATABASE_URL" in line


@pytest.fixture(scope="module")
def empty_database(database_server: str, worker_name: str) -> Iterator[str]:
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_empty_{worker_name}"
    asyncio.run(_recreate_database(database_server, name))
    yield base.set(database=name).render_as_string(hide_password=False)
    asyncio.run(_recreate_database(database_server, name, create=False))


@pytest.mark.parametrize("args", [("token", "--tenant", "demo", "--role", "admin"), ("serve",)], ids=" ".join)
def test_a_database_whose_schema_is_behind_is_reported_with_the_fix(
    environment: dict[str, str], empty_database: str, args: tuple[str, ...]
) -> None:
    done = run(environment | {"RELAIS_DATABASE_URL": empty_database}, *args)

    assert_one_line_failure(done, "schema is at revision none", "relais db upgrade")


def test_db_upgrade_creates_the_embedded_database_it_is_asked_for(environment: dict[str, str]) -> None:
    done = run(environment, "db", "upgrade")

    assert done.returncode == 0, done.stderr
    assert "Created an embedded PostgreSQL in" in done.stdout
    assert "Database schema upgraded to head." in done.stdout
    current = run(environment, "db", "current")
    assert current.returncode == 0, current.stderr
    assert current.stdout.splitlines() == [f"database: {head_revision()}", f"code:     {head_revision()}"]
