"""Admins' use cases on an endpoint's deliveries: the log, replays, and a test ping."""

from __future__ import annotations

import json
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.events import EventType
from app.domain.roster.identity import Principal
from app.domain.webhooks.deliveries import WebhookDelivery, envelope
from app.ports.pagination import Page, PageRequest
from app.services.webhooks.endpoint_use_cases import WEBHOOK_ADMINS, _EndpointUseCase


class ListWebhookDeliveries(_EndpointUseCase):
    """Admins only: the endpoint's deliveries, newest first, each with its attempts (status, latency, error)."""

    async def __call__(self, principal: Principal, endpoint_id: UUID, page: PageRequest) -> Page[WebhookDelivery]:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        await self._endpoint(tenant_id, endpoint_id)
        return await self._ports.deliveries.list(tenant_id, endpoint_id, page)


class GetWebhookDelivery(_EndpointUseCase):
    """Admins only: one delivery with its attempts."""

    async def __call__(self, principal: Principal, endpoint_id: UUID, delivery_id: UUID) -> WebhookDelivery:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        await self._endpoint(tenant_id, endpoint_id)
        delivery = await self._ports.deliveries.get(tenant_id, endpoint_id, delivery_id)
        if delivery is None:
            raise NotFound("webhook delivery", delivery_id)
        return delivery


class ReplayWebhookDelivery(_EndpointUseCase):
    """Admins only: send a delivery again, due now with the whole retry schedule ahead; it keeps its
    ``webhook-id`` and body, so a receiver that had it already can tell. One in flight is left alone."""

    async def __call__(self, principal: Principal, endpoint_id: UUID, delivery_id: UUID) -> WebhookDelivery:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        await self._endpoint(tenant_id, endpoint_id)
        await self._ports.deliveries.replay(tenant_id, endpoint_id, delivery_id, self._clock.now())
        delivery = await self._ports.deliveries.get(tenant_id, endpoint_id, delivery_id)
        if delivery is None:
            raise NotFound("webhook delivery", delivery_id)
        return delivery


class ReplayWebhookDeliveries(_EndpointUseCase):
    """Admins only: replay every delivery to the endpoint made since an instant (after an outage of
    the receiver), as ``ReplayWebhookDelivery`` does one; answers how many."""

    async def __call__(self, principal: Principal, endpoint_id: UUID, since: datetime) -> int:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        await self._endpoint(tenant_id, endpoint_id)
        return await self._ports.deliveries.replay_since(tenant_id, endpoint_id, since, self._clock.now())


class PingWebhookEndpoint(_EndpointUseCase):
    """Admins only: a signed ``webhook_endpoint.pinged`` event to this endpoint alone, sent by the worker
    like any delivery (and logged), whatever event types the endpoint wants."""

    async def __call__(self, principal: Principal, endpoint_id: UUID) -> WebhookDelivery:
        principal.require_any(WEBHOOK_ADMINS)
        tenant_id = principal.require_tenant()
        endpoint = await self._endpoint(tenant_id, endpoint_id)
        now, event_id = self._clock.now(), self._ids.new_id()
        body = envelope(
            event_id=event_id,
            event_type=EventType.WEBHOOK_ENDPOINT_PINGED.value,
            occurred_at=now,
            tenant_id=tenant_id,
            data={"id": str(endpoint.id), "url": endpoint.url},
            resource_version=endpoint.version,
        )
        deliveries = self._ports.deliveries
        text = json.dumps(body, separators=(",", ":"))
        delivery_id = await deliveries.add_ping(tenant_id, endpoint_id, event_id, text, now)
        delivery = await deliveries.get(tenant_id, endpoint_id, delivery_id) if delivery_id else None
        if delivery is None:
            raise NotFound("webhook endpoint", endpoint_id)
        return delivery
