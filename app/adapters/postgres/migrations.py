"""Applying and checking the Alembic migrations of the top-level ``alembic/`` folder."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.storage.months import Month, PartitionedTable

_PACKAGE = Path(__file__).parents[2]


def scripts_folder() -> Path:
    """Where ``env.py`` and ``versions/`` are: the copy an installed wheel carries inside the
    package (the container image), else ``alembic/`` at the top of the source tree."""
    packaged = _PACKAGE / "alembic"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "alembic"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(scripts_folder()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def compared(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Whether Alembic compares this object with the tables in code: not the monthly partitions, which
    the worker makes as months come (``clicks_2026_12``, ``clicks_default``), nor the foreign keys
    PostgreSQL makes for each of them (``…_fkey1``; every one of ours is named ``fk_…``)."""
    if type_ == "foreign_key_constraint":
        return name is None or name.startswith("fk_")
    if type_ != "table" or name is None:
        return True
    for table in PartitionedTable:
        if name == f"{table.value}_default" or Month.named(name, table) is not None:
            return False
    return True


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


def upgrade(url: str, revision: str = "head") -> None:
    """Blocking: run from a thread when called inside an event loop."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


async def upgrade_async(url: str, revision: str = "head") -> None:
    await asyncio.to_thread(upgrade, url, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(read)


async def schema_is_current(engine: AsyncEngine) -> bool:
    return await current_revision(engine) == head_revision()
