"""Read one membership of the caller's tenant."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal
from app.services.base import UseCase


class GetAmbassador(UseCase):
    async def __call__(self, principal: Principal, ambassador_id: UUID) -> Ambassador:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await uow.ambassadors.get(ambassador_id)
        if ambassador is None:
            raise NotFound("ambassador", ambassador_id)
        return ambassador
