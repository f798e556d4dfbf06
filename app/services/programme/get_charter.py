"""Read the charter in force."""

from __future__ import annotations

from app.domain.programme.charter import CharterNotPublished, CharterVersion
from app.domain.roster.identity import Principal
from app.services.base import UseCase


class GetCharter(UseCase):
    """Anyone of the tenant may read it: ambassadors must, before accepting it; none is
    found (``charter-not-published``) while no version exists."""

    async def __call__(self, principal: Principal) -> CharterVersion:
        async with self._uow(principal.require_tenant()) as uow:
            current = await uow.charter.current()
        if current is None:
            raise CharterNotPublished()
        return current
