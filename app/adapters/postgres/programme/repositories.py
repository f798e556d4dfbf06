"""PostgreSQL repositories of the programme's settings document and its charter versions."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.programme.tables import ProgrammeSettingsRow
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.repositories import charter_versions
from app.domain.errors import PreconditionFailed
from app.domain.programme.charter import CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.ports.pagination import Page, PageRequest

programme_settings: sa.Table = ProgrammeSettingsRow.__table__  # type: ignore[attr-defined]


def settings_from_row(row: Any) -> ProgrammeSettings:
    return ProgrammeSettings.from_document(row.document, version=row.version, updated_at=row.updated_at)


def charter_values(version: CharterVersion) -> dict[str, Any]:
    return {
        "tenant_id": version.tenant_id,
        "id": version.id,
        "number": version.number,
        "title": version.title,
        "body": version.body,
        "summary": version.summary,
        "published_by": version.published_by,
        "published_at": version.published_at,
    }


def charter_from_row(row: Any) -> CharterVersion:
    return CharterVersion(
        id=row.id,
        tenant_id=row.tenant_id,
        number=row.number,
        title=row.title,
        body=row.body,
        summary=row.summary,
        published_by=row.published_by,
        published_at=row.published_at,
    )


class PostgresProgrammeSettingsRepository(_Repository):
    async def get(self, *, for_update: bool = False) -> ProgrammeSettings:
        statement = sa.select(programme_settings).where(programme_settings.c.tenant_id == self._tenant_id)
        found = await self._one(statement.with_for_update() if for_update else statement, settings_from_row)
        return found if found is not None else ProgrammeSettings.defaults()

    async def save(self, settings: ProgrammeSettings) -> None:
        """One upsert that only replaces the version it follows: a concurrent first save, which
        no row lock could serialise, loses instead of overwriting."""
        values = {
            "document": settings.to_document(),
            "version": settings.version,
            "updated_at": settings.updated_at,
        }
        statement = (
            insert(programme_settings)
            .values(tenant_id=self._tenant_id, **values)
            .on_conflict_do_update(
                index_elements=[programme_settings.c.tenant_id],
                set_=values,
                where=programme_settings.c.version == settings.version - 1,
            )
            .returning(programme_settings.c.version)
        )
        if await self._write_returning(statement) is None:
            raise PreconditionFailed("The settings were changed by someone else meanwhile; read them again and retry.")


class PostgresCharterRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(charter_versions).where(charter_versions.c.tenant_id == self._tenant_id)

    async def add(self, version: CharterVersion) -> None:
        self._require_own(version.tenant_id)
        await self._write(sa.insert(charter_versions).values(charter_values(version)), version)

    async def current(self) -> CharterVersion | None:
        statement = self._select().order_by(charter_versions.c.number.desc()).limit(1)
        return await self._one(statement, charter_from_row)

    async def current_number(self) -> int | None:
        statement = sa.select(sa.func.max(charter_versions.c.number)).where(
            charter_versions.c.tenant_id == self._tenant_id
        )
        number: int | None = (await self._session.execute(statement)).scalar_one()
        return number

    async def list(self, page: PageRequest) -> Page[CharterVersion]:
        return await self._page(self._select(), charter_versions.c.id, page, charter_from_row)
