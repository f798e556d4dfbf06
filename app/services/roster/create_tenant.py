"""Create a tenant: an organisation running its own programme. Platform operators only."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.roster.identity import PLATFORM_OPERATORS, Principal
from app.domain.roster.tenants import Tenant
from app.services.base import UseCase


@dataclass(frozen=True, slots=True)
class CreateTenantCommand:
    slug: str
    name: str


class CreateTenant(UseCase):
    """Slugs are unique across the platform; a duplicate is a conflict."""

    async def __call__(self, principal: Principal, command: CreateTenantCommand) -> Tenant:
        principal.require_any(PLATFORM_OPERATORS)
        tenant = Tenant.create(id=self._ids.new_id(), slug=command.slug, name=command.name, now=self._clock.now())
        async with self._uow(tenant.id) as uow:
            await uow.tenants.add(tenant)
            await uow.commit()
        return tenant
