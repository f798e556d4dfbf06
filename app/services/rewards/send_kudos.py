"""Kudos: staff recognise an ambassador in public; the kudos show on the ambassador's profile."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.kudos import Kudos
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_STAFF, KUDOS_READERS
from app.services.roster.linking import find_caller


@dataclass(frozen=True, slots=True, kw_only=True)
class SendKudosCommand:
    ambassador_id: UUID
    message: str


class SendKudos(UseCase):
    """Staff (admin, manager), to a member of the programme, with a message of 1-1000 characters; the
    event ``kudos.sent`` tells the rest of the programme."""

    async def __call__(self, principal: Principal, command: SendKudosCommand) -> Kudos:
        principal.require_any(CATALOGUE_STAFF)
        tenant_id = principal.require_tenant()
        kudos = Kudos.send(
            id=self._ids.new_id(),
            tenant_id=tenant_id,
            ambassador_id=command.ambassador_id,
            message=command.message,
            sender=principal.subject,
            now=self._clock.now(),
        )
        async with self._uow(tenant_id) as uow:
            if await uow.ambassadors.get(command.ambassador_id) is None:
                raise NotFound("ambassador", command.ambassador_id)
            await uow.kudos.add(kudos)
            await uow.commit()
        return kudos


class ListKudos(UseCase):
    """An ambassador's kudos, newest first: public recognition, read by staff and ambassadors."""

    async def __call__(self, principal: Principal, ambassador_id: UUID, page: PageRequest) -> Page[Kudos]:
        principal.require_any(KUDOS_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            if await uow.ambassadors.get(ambassador_id) is None:
                raise NotFound("ambassador", ambassador_id)
            return await uow.kudos.list(ambassador_id, page.newest_first())


class ListMyKudos(UseCase):
    """The caller's own kudos, newest first; none before they join."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[Kudos]:
        principal.require_any(AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            caller = await find_caller(uow, principal, self._clock.now())
            if caller is None or caller.ambassador is None:
                return Page(items=[], next_after=None)
            return await uow.kudos.list(caller.ambassador.id, page.newest_first())
