"""The people the development sign-in page offers: the active employees of one tenant."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import NotFound
from app.domain.roster.employees import Employee, EmployeeStatus
from app.domain.roster.tenants import Tenant
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.ports.roster import EmployeeFilter
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase


@dataclass(frozen=True, slots=True)
class PeopleToSignIn:
    tenant: Tenant
    people: tuple[Employee, ...]
    more: bool  # the tenant has more active employees than the page lists


class ListPeopleToSignIn(UseCase):
    """Only the development OpenID provider asks, before anyone is signed in, so there is no
    principal: the tenant is the one the deployment names for sign-in, never one the request
    chooses. Terminated employees cannot sign in and are not listed; the first page of the roster
    is listed (a development tenant is small)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, tenant_slug: str) -> None:
        super().__init__(uow, clock, ids)
        self._tenant_slug = tenant_slug

    async def __call__(self) -> PeopleToSignIn:
        async with self._uow(None) as uow:
            tenant = await uow.tenants.get_by_slug(self._tenant_slug)
        if tenant is None:
            raise NotFound("tenant", self._tenant_slug)
        async with self._uow(tenant.id) as uow:
            page = await uow.employees.list(EmployeeFilter(status=EmployeeStatus.ACTIVE), PageRequest(limit=MAX_LIMIT))
        return PeopleToSignIn(tenant, tuple(page.items), more=page.next_after is not None)
