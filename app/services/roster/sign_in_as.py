"""Sign in, on the development sign-in page, as one of the tenant's active employees."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.sign_in import SignInIdentity, parse_sign_in_role
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase


@dataclass(frozen=True, slots=True)
class SignInAsCommand:
    employee_id: UUID
    role: str


class SignInAs(UseCase):
    """The employee must belong to the sign-in tenant and be active; the role is any tenant role
    (not ``operator``). The identity carries the employee's ``idp_subject`` as subject."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, tenant_slug: str) -> None:
        super().__init__(uow, clock, ids)
        self._tenant_slug = tenant_slug

    async def __call__(self, command: SignInAsCommand) -> SignInIdentity:
        role = parse_sign_in_role(command.role)
        async with self._uow(None) as uow:
            tenant = await uow.tenants.get_by_slug(self._tenant_slug)
        if tenant is None:
            raise NotFound("tenant", self._tenant_slug)
        async with self._uow(tenant.id) as uow:
            employee = await uow.employees.get(command.employee_id)
        if employee is None or not employee.is_active:
            raise NotFound("employee", command.employee_id)
        return SignInIdentity.of(employee, role)
