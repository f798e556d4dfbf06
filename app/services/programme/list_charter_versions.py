"""Page through every published version of the charter."""

from __future__ import annotations

from app.domain.programme.charter import CharterVersion
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase


class ListCharterVersions(UseCase):
    """Anyone of the tenant may read them, oldest first, so changes can be followed in order."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[CharterVersion]:
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.charter.list(page)
