"""Readiness: the database answers and its schema is at the latest migration."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.migrations import current_revision, head_revision
from app.ports.health import Readiness


class PostgresReadinessProbe:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def check(self) -> Readiness:
        try:
            current = await current_revision(self._engine)
        except (SQLAlchemyError, OSError) as error:
            return Readiness(
                database=False, schema_current=False, detail=f"The database is unreachable: {type(error).__name__}."
            )
        head = head_revision()
        if current != head:
            return Readiness(
                database=True,
                schema_current=False,
                detail=f"The schema is at {current or 'nothing'}, the code needs {head}: run `relais db upgrade`.",
            )
        return Readiness(database=True, schema_current=True)
