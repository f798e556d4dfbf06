"""Change an integration: its name and owned fields, a new credential (rotation), or none (revocation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.integrations.integrations import DEFAULT_OVERLAP, Integration
from app.domain.roster.identity import Principal
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.integrations.register_integration import INTEGRATION_ADMINS, CredentialMaker, IssuedIntegration


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateIntegrationCommand:
    integration_id: UUID
    name: str | None = None
    owned_fields: Sequence[str] | None = None
    expected_version: int | None = None


async def _locked(uow: UnitOfWork, integration_id: UUID) -> Integration:
    integration = await uow.integrations.get(integration_id, for_update=True)
    if integration is None:
        raise NotFound("integration", integration_id)
    return integration


class UpdateIntegration(UseCase):
    """Admins only; fields left out stay. Honours the version the admin read."""

    async def __call__(self, principal: Principal, command: UpdateIntegrationCommand) -> Integration:
        principal.require_any(INTEGRATION_ADMINS)
        async with self._uow(principal.require_tenant()) as uow:
            integration = await _locked(uow, command.integration_id)
            integration.require_version(command.expected_version)
            integration.change(name=command.name, owned_fields=command.owned_fields, now=self._clock.now())
            await uow.integrations.save(integration)
            await uow.commit()
        return integration


class RotateCredential(CredentialMaker):
    """Admins only. A new credential, shown once; the ones valid until now stay valid for the overlap
    (24 hours unless said otherwise, 0 ends them at once), so the sender can switch without a gap."""

    async def __call__(
        self, principal: Principal, integration_id: UUID, overlap: timedelta = DEFAULT_OVERLAP
    ) -> IssuedIntegration:
        principal.require_any(INTEGRATION_ADMINS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            integration = await _locked(uow, integration_id)
            credential, clear = self._issue(integration.kind, now)
            if credential is not None:
                integration.rotate(credential, overlap=overlap, now=now)
                await uow.integrations.save(integration)
                await uow.commit()
        return IssuedIntegration(integration=integration, credential=clear)


class RevokeCredentials(UseCase):
    """Admins only. Every credential of the integration stops working at once; rotate to issue a new one."""

    async def __call__(self, principal: Principal, integration_id: UUID) -> Integration:
        principal.require_any(INTEGRATION_ADMINS)
        async with self._uow(principal.require_tenant()) as uow:
            integration = await _locked(uow, integration_id)
            integration.revoke(self._clock.now())
            await uow.integrations.save(integration)
            await uow.commit()
        return integration
