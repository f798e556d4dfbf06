"""Readiness: the database answers and its schema is at the latest migration."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.migrations import head_revision
from app.adapters.postgres.outages import outage_cause
from app.ports.health import Readiness

# Alembic's own reader configures a migration context on every call, which logs its dialect each
# time: a probe every few seconds would fill the logs. The table is read directly instead.
VERSION_TABLE = text("SELECT to_regclass('alembic_version') IS NOT NULL")
STORED_REVISION = text("SELECT version_num FROM alembic_version")


class PostgresReadinessProbe:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._head = head_revision()  # read from the scripts once: they do not change under a process

    async def _stored_revision(self) -> str | None:
        async with self._engine.connect() as connection:
            if not await connection.scalar(VERSION_TABLE):
                return None
            revision: str | None = await connection.scalar(STORED_REVISION)
            return revision

    async def check(self) -> Readiness:
        try:
            current = await self._stored_revision()
        except Exception as error:
            if not isinstance(error, SQLAlchemyError) and outage_cause(error) is None:
                raise
            return Readiness(
                database=False, schema_current=False, detail=f"The database is unreachable: {type(error).__name__}."
            )
        head = self._head
        if current != head:
            return Readiness(
                database=True,
                schema_current=False,
                detail=f"The schema is at {current or 'nothing'}, the code needs {head}: run `relais db upgrade`.",
            )
        return Readiness(database=True, schema_current=True)
