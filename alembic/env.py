"""Alembic environment: runs the revisions on the async engine, against the tables in code.

The application passes the database URL (and may pass an open connection) in the config;
the ``alembic`` command run from the source tree reads ``RELAIS_DATABASE_URL`` instead.
"""

from __future__ import annotations

import asyncio
from logging.config import fileConfig

from alembic import context
from alembic.util import CommandError
from sqlalchemy.engine import Connection

from app.adapters.postgres.database import async_url, create_engine
from app.adapters.postgres.migrations import compared
from app.adapters.postgres.tables import metadata
from app.settings import Settings

config = context.config

if config.config_file_name is not None:
    # Only the `alembic` command reads alembic.ini; the application keeps its own logging.
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url") or Settings().database_url
    if not url:
        raise CommandError(
            "No database to migrate: set RELAIS_DATABASE_URL (postgresql://user:pass@host:5432/db), "
            "or run `relais db upgrade`, which also starts the embedded PostgreSQL."
        )
    return url


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True, include_name=compared)
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_database_url(), pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as async_connection:
            await async_connection.run_sync(_run)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=async_url(_database_url()), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
