"""Read integrations and their delivery logs (admins)."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import NotFound
from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.integrations.register_integration import INTEGRATION_ADMINS


class GetIntegration(UseCase):
    """Admins only; never the secret, only when each credential was issued and when it ends."""

    async def __call__(self, principal: Principal, integration_id: UUID) -> Integration:
        principal.require_any(INTEGRATION_ADMINS)
        async with self._uow(principal.require_tenant()) as uow:
            integration = await uow.integrations.get(integration_id)
        if integration is None:
            raise NotFound("integration", integration_id)
        return integration


class ListIntegrations(UseCase):
    """Admins only, in the order registered."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[Integration]:
        principal.require_any(INTEGRATION_ADMINS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.integrations.list(page)


class ListDeliveries(UseCase):
    """Admins only: what each delivery to the integration did, newest first (kept 30 days)."""

    async def __call__(self, principal: Principal, integration_id: UUID, page: PageRequest) -> Page[Delivery]:
        principal.require_any(INTEGRATION_ADMINS)
        async with self._uow(principal.require_tenant()) as uow:
            if await uow.integrations.get(integration_id) is None:
                raise NotFound("integration", integration_id)
            return await uow.deliveries.list(integration_id, page.newest_first())
