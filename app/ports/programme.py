"""Repositories of the programme's rules: its settings and its charter."""

from __future__ import annotations

from typing import Protocol

from app.domain.programme.charter import CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.ports.pagination import Page, PageRequest


class ProgrammeSettingsRepository(Protocol):
    async def get(self, *, for_update: bool = False) -> ProgrammeSettings:
        """The tenant's settings; the defaults (version 0) when they were never saved."""
        ...

    async def save(self, settings: ProgrammeSettings) -> None:
        """Store ``settings``, whose version is one above the stored one (0 when none is stored).

        Raises ``PreconditionFailed`` when another change was stored in between.
        """
        ...


class CharterRepository(Protocol):
    async def add(self, version: CharterVersion) -> None:
        """Raises ``DuplicateValue`` when that number was published meanwhile."""
        ...

    async def current(self) -> CharterVersion | None: ...

    async def current_number(self) -> int | None:
        """The number of the version in force, without reading its text."""
        ...

    async def list(self, page: PageRequest) -> Page[CharterVersion]:
        """Versions in publication order."""
        ...
