"""Shared fixtures: a real PostgreSQL per test worker, migrated once.

``RELAIS_TEST_DATABASE_URL`` points at a server where each worker gets a fresh database;
without it, each worker starts its own embedded PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_engine
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.migrations import upgrade


def _plain_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _recreate_database(server_url: str, name: str, *, create: bool = True) -> None:
    connection = await asyncpg.connect(_plain_dsn(server_url))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def worker_name(request: pytest.FixtureRequest) -> str:
    return str(getattr(request.config, "workerinput", {}).get("workerid", "main"))


@pytest.fixture(scope="session")
def database_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server URL: the configured one, or an embedded PostgreSQL for this worker."""
    configured = os.environ.get("RELAIS_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    directory = tmp_path_factory.mktemp("embedded")
    if os.geteuid() == 0:
        # As root, pgserver runs PostgreSQL as an unprivileged user, who must be able to pass through
        # pytest's temporary directories (private to root) to reach the data directory.
        for folder in (directory, *directory.parents[:2]):
            folder.chmod(folder.stat().st_mode | 0o011)
    embedded = EmbeddedPostgres(directory)
    try:
        yield embedded.start()
    finally:
        embedded.stop()


@contextmanager
def migrated_database(server_url: str, name: str) -> Iterator[str]:
    """A fresh database ``name`` on the server, migrated to the head revision, dropped on exit."""
    asyncio.run(_recreate_database(server_url, name))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    asyncio.run(_recreate_database(server_url, name, create=False))


@pytest.fixture(scope="session")
def database_url(database_server: str, worker_name: str) -> Iterator[str]:
    """A fresh, migrated database for this worker, dropped at the end of the run."""
    name = f"{make_url(database_server).database or 'relais'}_test_{worker_name}"
    with migrated_database(database_server, name) as url:
        yield url


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("relais-data")


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url, pool_size=5, max_overflow=5)
    yield engine
    await engine.dispose()
