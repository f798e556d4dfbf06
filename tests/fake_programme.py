"""The programme's repositories on the in-memory database: settings and charter versions."""

from __future__ import annotations

from dataclasses import replace

from app.domain.errors import DuplicateValue, PreconditionFailed
from app.domain.programme.charter import CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.ports.pagination import Page, PageRequest
from tests.fake_storage import IntegrityViolationError, _as_json, _page, _Repository


class FakeProgrammeSettingsRepository(_Repository):
    async def get(self, *, for_update: bool = False) -> ProgrammeSettings:
        found = self._tx.settings.get(self._tenant_id)
        return found if found is not None else ProgrammeSettings.defaults()

    async def save(self, settings: ProgrammeSettings) -> None:
        stored = self._tx.settings.get(self._tenant_id)
        if (stored.version if stored is not None else 0) != settings.version - 1:
            raise PreconditionFailed("The settings were changed by someone else meanwhile; read them again and retry.")
        self._require_tenant_row(self._tenant_id)
        if settings.updated_at is None:
            raise IntegrityViolationError("Saved settings need their updated_at.")
        # What JSONB gives back: the document, read again.
        document = _as_json(settings.to_document())
        self._tx.settings.put(
            self._tenant_id,
            ProgrammeSettings.from_document(document, version=settings.version, updated_at=settings.updated_at),
        )


class FakeCharterRepository(_Repository):
    def _rows(self) -> list[CharterVersion]:
        tenant = self._tenant_id
        return [version for version in self._tx.charter_versions.rows() if version.tenant_id == tenant]

    async def add(self, version: CharterVersion) -> None:
        self._require_own(version.tenant_id)
        key = (version.tenant_id, version.id)
        if self._tx.charter_versions.get(key) is not None:
            raise IntegrityViolationError(f"Charter version {version.id} already exists.")
        if any(other.number == version.number for other in self._rows()):
            raise DuplicateValue("number", "Another charter version was published at the same moment; publish again.")
        if version.number < 1:
            raise IntegrityViolationError("Charter versions are numbered from 1.")
        self._require_tenant_row(version.tenant_id)
        self._tx.charter_versions.put(key, replace(version, pending_events=[]))
        self._tracker.track(version)

    async def current(self) -> CharterVersion | None:
        found = max(self._rows(), key=lambda version: version.number, default=None)
        return replace(found, pending_events=[]) if found is not None else None

    async def current_number(self) -> int | None:
        return max((version.number for version in self._rows()), default=None)

    async def list(self, page: PageRequest) -> Page[CharterVersion]:
        return _page((replace(version, pending_events=[]) for version in self._rows()), page)
