"""Look a tenant up by slug (command line and seeding)."""

from __future__ import annotations

from app.domain.errors import NotFound
from app.domain.roster.tenants import Tenant
from app.services.base import UseCase


class FindTenant(UseCase):
    async def __call__(self, slug: str) -> Tenant:
        async with self._uow(None) as uow:
            tenant = await uow.tenants.get_by_slug(slug)
        if tenant is None:
            raise NotFound("tenant", slug)
        return tenant
