"""In-memory outgoing webhooks: endpoints, deliveries and a resolver answering from a table, for the
use cases' unit tests (the PostgreSQL stores are tested through the API and the worker)."""

from __future__ import annotations

import builtins
import copy
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from app.domain.events import RecordedEvent
from app.domain.webhooks.addresses import IpAddress, literal_address
from app.domain.webhooks.deliveries import DeliveryState, DueDelivery, WebhookDelivery
from app.domain.webhooks.endpoints import WebhookEndpoint
from app.domain.webhooks.event_patterns import matches
from app.ports.pagination import Page, PageRequest
from app.ports.system import IdGenerator
from app.ports.webhooks import Claim, Settled
from tests.fake_pages import keyset_page


class FakeResolver:
    """Names resolve as the table says; an address literal resolves to itself; anything else to nothing."""

    def __init__(self, names: Mapping[str, Sequence[str]] | None = None) -> None:
        self.names = dict(names or {})

    async def resolve(self, host: str, port: int) -> Sequence[IpAddress]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        return [address for text in self.names.get(host, ()) if (address := literal_address(text)) is not None]


class FakeWebhookEndpoints:
    def __init__(self) -> None:
        self.rows: dict[tuple[UUID, UUID], WebhookEndpoint] = {}

    async def add(self, endpoint: WebhookEndpoint) -> None:
        self.rows[endpoint.tenant_id, endpoint.id] = copy.deepcopy(endpoint)

    async def get(self, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        found = self.rows.get((tenant_id, endpoint_id))
        return copy.deepcopy(found) if found else None

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        return keyset_page([e for (tenant, _), e in sorted(self.rows.items()) if tenant == tenant_id], page)

    async def save(self, endpoint: WebhookEndpoint, expected_version: int) -> bool:
        stored = self.rows.get((endpoint.tenant_id, endpoint.id))
        if stored is None or stored.version != expected_version:
            return False
        self.rows[endpoint.tenant_id, endpoint.id] = copy.deepcopy(endpoint)
        return True

    async def remove(self, tenant_id: UUID, endpoint_id: UUID, expected_version: int | None) -> bool:
        stored = self.rows.get((tenant_id, endpoint_id))
        if stored is None or expected_version not in (None, stored.version):
            return False
        del self.rows[tenant_id, endpoint_id]
        return True


class FakeWebhookDeliveries:
    """Deliveries kept as the log shows them; the worker's side (claims, settling) is PostgreSQL's alone."""

    def __init__(self, endpoints: FakeWebhookEndpoints, ids: IdGenerator) -> None:
        self._endpoints = endpoints
        self._ids = ids
        self.rows: dict[UUID, WebhookDelivery] = {}
        self.bodies: dict[UUID, str] = {}

    async def fan_out(self, event: RecordedEvent, now: datetime) -> int:
        added = 0
        for (tenant, _), endpoint in self._endpoints.rows.items():
            taken = any(d.endpoint_id == endpoint.id and d.event_id == event.id for d in self.rows.values())
            if (
                tenant == event.tenant_id
                and endpoint.enabled
                and matches(endpoint.event_types, event.type)
                and not taken
            ):
                self._add(endpoint, event.id, event.type, now)
                added += 1
        return added

    def _add(self, endpoint: WebhookEndpoint, event_id: UUID, event_type: str, now: datetime) -> WebhookDelivery:
        delivery = WebhookDelivery(
            id=self._ids.new_id(),
            tenant_id=endpoint.tenant_id,
            endpoint_id=endpoint.id,
            event_id=event_id,
            event_type=event_type,
            state=DeliveryState.PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        self.rows[delivery.id] = delivery
        return delivery

    async def add_ping(
        self, tenant_id: UUID, endpoint_id: UUID, event_id: UUID, body: str, now: datetime
    ) -> UUID | None:
        endpoint = self._endpoints.rows.get((tenant_id, endpoint_id))
        if endpoint is None:
            return None
        delivery = self._add(endpoint, event_id, "webhook_endpoint.pinged", now)
        self.bodies[delivery.id] = body
        return delivery.id

    async def claim(self, claim: Claim) -> Sequence[DueDelivery]:
        return []

    async def settle(self, settled: Settled) -> datetime | None:
        return None

    async def disable_failing(
        self, tenant_id: UUID, endpoint_id: UUID, failing_before: datetime, now: datetime
    ) -> bool:
        return False

    def _of(self, tenant_id: UUID, endpoint_id: UUID) -> list[WebhookDelivery]:
        return [d for d in self.rows.values() if (d.tenant_id, d.endpoint_id) == (tenant_id, endpoint_id)]

    async def get(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID) -> WebhookDelivery | None:
        return next((d for d in self._of(tenant_id, endpoint_id) if d.id == delivery_id), None)

    async def list(self, tenant_id: UUID, endpoint_id: UUID, page: PageRequest) -> Page[WebhookDelivery]:
        return keyset_page(sorted(self._of(tenant_id, endpoint_id), key=lambda d: d.id), page.newest_first())

    async def replay(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID, now: datetime) -> bool:
        return await self._replay([d for d in self._of(tenant_id, endpoint_id) if d.id == delivery_id], now) == 1

    async def replay_since(self, tenant_id: UUID, endpoint_id: UUID, since: datetime, now: datetime) -> int:
        return await self._replay([d for d in self._of(tenant_id, endpoint_id) if d.created_at >= since], now)

    async def _replay(self, chosen: builtins.list[WebhookDelivery], now: datetime) -> int:
        for delivery in chosen:
            self.rows[delivery.id] = replace(delivery, state=DeliveryState.PENDING, attempts=0, next_attempt_at=now)
        return len(chosen)
