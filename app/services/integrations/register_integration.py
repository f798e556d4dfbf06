"""Register a roster source and hand out its credential, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.integrations.integrations import (
    OWNABLE_FIELDS,
    Credential,
    Integration,
    IntegrationKey,
    IntegrationKind,
)
from app.domain.roster.identity import Principal, Role
from app.ports.integrations import Credentials, SecretBox
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase

INTEGRATION_ADMINS = frozenset({Role.ADMIN})


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterIntegrationCommand:
    kind: IntegrationKind
    name: str
    key: IntegrationKey = IntegrationKey.EXTERNAL_ID
    owned_fields: Sequence[str] = OWNABLE_FIELDS


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedIntegration:
    """The integration and its new credential in clear: the only time anyone sees it (None for files)."""

    integration: Integration
    credential: str | None


class CredentialMaker(UseCase):
    """A use case that issues credentials: webhook secrets sealed, SCIM tokens digested."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, credentials: Credentials, box: SecretBox
    ) -> None:
        super().__init__(uow, clock, ids)
        self._credentials = credentials
        self._box = box

    def _issue(self, kind: IntegrationKind, now: datetime) -> tuple[Credential | None, str | None]:
        if kind is IntegrationKind.HRIS_WEBHOOK:
            secret = self._credentials.new_webhook_secret()
            return Credential(id=self._ids.new_id(), issued_at=now, sealed_secret=self._box.seal(secret)), secret
        if kind is IntegrationKind.SCIM:
            token = self._credentials.new_token()
            digest = self._credentials.token_digest(token)
            return Credential(id=self._ids.new_id(), issued_at=now, token_digest=digest), token
        return None, None


class RegisterIntegration(CredentialMaker):
    """Admins only. An HRIS webhook gets a Standard Webhooks secret (``whsec_``...), a SCIM integration a
    bearer token, a file integration none. The key defaults to ``external_id``, the owned fields to
    every roster field."""

    async def __call__(self, principal: Principal, command: RegisterIntegrationCommand) -> IssuedIntegration:
        principal.require_any(INTEGRATION_ADMINS)
        now = self._clock.now()
        credential, clear = self._issue(command.kind, now)
        integration = Integration.register(
            id=self._ids.new_id(),
            tenant_id=principal.require_tenant(),
            kind=command.kind,
            name=command.name,
            key=command.key,
            owned_fields=command.owned_fields,
            credential=credential,
            now=now,
        )
        async with self._uow(integration.tenant_id) as uow:
            await uow.integrations.add(integration)
            await uow.commit()
        return IssuedIntegration(integration=integration, credential=clear)
