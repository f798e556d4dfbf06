"""Admins' use cases on webhook endpoints: register one (its secret shown once), read, change, remove,
and rotate its secret with an overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from app.domain.errors import NotFound, PreconditionFailed
from app.domain.integrations.integrations import DEFAULT_OVERLAP
from app.domain.messages import Message
from app.domain.roster.identity import Principal, Role
from app.domain.webhooks.addresses import check_resolved, parse_target
from app.domain.webhooks.endpoints import SigningSecret, WebhookEndpoint
from app.ports.pagination import Page, PageRequest
from app.services.webhooks.ports import WebhookPorts

WEBHOOK_ADMINS = frozenset({Role.ADMIN})


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterEndpointCommand:
    url: str
    event_types: Sequence[str]
    description: str = ""
    enabled: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEndpointCommand:
    endpoint_id: UUID
    url: str | None = None
    event_types: Sequence[str] | None = None
    description: str | None = None
    enabled: bool | None = None
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedEndpoint:
    """The endpoint and its new secret in clear: the only time anyone sees it."""

    endpoint: WebhookEndpoint
    secret: str


class _EndpointUseCase:
    def __init__(self, ports: WebhookPorts) -> None:
        self._ports = ports
        self._clock = ports.clock
        self._ids = ports.ids

    async def _checked_url(self, url: str) -> str:
        """Refuse a URL that is not https, or whose host resolves to an internal address now."""
        target = parse_target(url, self._ports.allowed_hosts)
        if not target.allow_listed:
            check_resolved(target, await self._ports.resolver.resolve(target.host, target.port))
        return url

    def _new_secret(self) -> tuple[SigningSecret, str]:
        clear = self._ports.signer.new_secret()
        sealed = SigningSecret(id=self._ids.new_id(), sealed=self._ports.box.seal(clear), issued_at=self._clock.now())
        return sealed, clear

    async def _endpoint(self, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint:
        endpoint = await self._ports.endpoints.get(tenant_id, endpoint_id)
        if endpoint is None:
            raise NotFound("webhook endpoint", endpoint_id)
        return endpoint

    async def _save(self, endpoint: WebhookEndpoint, read_version: int) -> None:
        if not await self._ports.endpoints.save(endpoint, read_version):
            raise PreconditionFailed(
                Message("This resource changed since you read it; read it again and retry with its new version.")
            )


class RegisterWebhookEndpoint(_EndpointUseCase):
    """Admins only. The URL must be https and resolve only to public addresses (hosts on the operators'
    allow-list aside); the endpoint gets a Standard Webhooks secret (``whsec_``...), shown this once."""

    async def __call__(self, principal: Principal, command: RegisterEndpointCommand) -> IssuedEndpoint:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        url = await self._checked_url(command.url)
        secret, clear = self._new_secret()
        endpoint = WebhookEndpoint.register(
            id=self._ids.new_id(),
            tenant_id=tenant_id,
            url=url,
            event_types=command.event_types,
            description=command.description,
            enabled=command.enabled,
            secret=secret,
            now=self._clock.now(),
        )
        await self._ports.endpoints.add(endpoint)
        return IssuedEndpoint(endpoint=endpoint, secret=clear)


class GetWebhookEndpoint(_EndpointUseCase):
    """Admins only; never a secret, only when each was issued and when it ends."""

    async def __call__(self, principal: Principal, endpoint_id: UUID) -> WebhookEndpoint:
        principal.require_any(WEBHOOK_ADMINS)
        return await self._endpoint(principal.require_tenant(), endpoint_id)


class ListWebhookEndpoints(_EndpointUseCase):
    """Admins only, in the order registered."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[WebhookEndpoint]:
        principal.require_any(WEBHOOK_ADMINS)
        return await self._ports.endpoints.list(principal.require_tenant(), page)


class UpdateWebhookEndpoint(_EndpointUseCase):
    """Admins only; fields left out stay. A new URL is checked as at registration. Enabling an endpoint
    disabled for its failures sends to it again; its pending deliveries resume. Honours the version read."""

    async def __call__(self, principal: Principal, command: UpdateEndpointCommand) -> WebhookEndpoint:
        principal.require_any(WEBHOOK_ADMINS)
        endpoint = await self._endpoint(principal.require_tenant(), command.endpoint_id)
        endpoint.require_version(command.expected_version)
        read_version = endpoint.version
        url = await self._checked_url(command.url) if command.url is not None else None
        endpoint.change(
            url=url,
            event_types=command.event_types,
            description=command.description,
            enabled=command.enabled,
            now=self._clock.now(),
        )
        if endpoint.version != read_version:
            await self._save(endpoint, read_version)
        return endpoint


class DeleteWebhookEndpoint(_EndpointUseCase):
    """Admins only: nothing more is sent to it, and its delivery log goes with it. Honours the version read."""

    async def __call__(self, principal: Principal, endpoint_id: UUID, expected_version: int | None = None) -> None:
        principal.require_any(WEBHOOK_ADMINS)
        endpoint = await self._endpoint(principal.require_tenant(), endpoint_id)
        endpoint.require_version(expected_version)
        if not await self._ports.endpoints.remove(endpoint.tenant_id, endpoint_id, endpoint.version):
            raise PreconditionFailed(
                Message("This resource changed since you read it; read it again and retry with its new version.")
            )


class RotateWebhookSecret(_EndpointUseCase):
    """Admins only. A new secret, shown once; the ones valid until now keep signing for the overlap (24
    hours unless said otherwise, 0 ends them at once): meanwhile each delivery carries one signature per
    secret, so the receiver can switch without refusing a delivery."""

    async def __call__(
        self, principal: Principal, endpoint_id: UUID, overlap: timedelta = DEFAULT_OVERLAP
    ) -> IssuedEndpoint:
        principal.require_any(WEBHOOK_ADMINS)
        endpoint = await self._endpoint(principal.require_tenant(), endpoint_id)
        read_version = endpoint.version
        secret, clear = self._new_secret()
        endpoint.rotate(secret, overlap=overlap, now=self._clock.now())
        await self._save(endpoint, read_version)
        return IssuedEndpoint(endpoint=endpoint, secret=clear)
