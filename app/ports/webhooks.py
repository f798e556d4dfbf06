"""Ports of outgoing webhooks: the endpoints and their deliveries (on the raw pool, each query naming
its tenant), the resolution of host names, signing, and sending."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.events import RecordedEvent
from app.domain.webhooks.addresses import IpAddress, WebhookTarget
from app.domain.webhooks.deliveries import AttemptResult, DueDelivery, WebhookDelivery
from app.domain.webhooks.endpoints import WebhookEndpoint
from app.ports.pagination import Page, PageRequest


class WebhookEndpoints(Protocol):
    async def add(self, endpoint: WebhookEndpoint) -> None: ...
    async def get(self, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None: ...
    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        """In the order registered."""
        ...

    async def save(self, endpoint: WebhookEndpoint, expected_version: int) -> bool:
        """Store its fields and secrets if it is still at ``expected_version``; False otherwise (a
        concurrent change won)."""
        ...

    async def remove(self, tenant_id: UUID, endpoint_id: UUID, expected_version: int | None) -> bool:
        """Delete it with its deliveries; False when absent or at another version."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """``limit`` deliveries at most, no endpoint holding more than ``per_endpoint`` in flight."""

    now: datetime
    leased_until: datetime
    limit: int
    per_endpoint: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Settled:
    """What an attempt left: ``next_attempt_at`` None once it succeeded or was the last."""

    delivery: DueDelivery
    result: AttemptResult
    attempted_at: datetime
    next_attempt_at: datetime | None


class WebhookDeliveries(Protocol):
    async def fan_out(self, event: RecordedEvent, now: datetime) -> int:
        """One pending delivery per enabled endpoint of the event's tenant that wants its type, with
        its envelope; a second call for the same event adds none. How many were added."""
        ...

    async def add_ping(
        self, tenant_id: UUID, endpoint_id: UUID, event_id: UUID, body: str, now: datetime
    ) -> UUID | None:
        """A delivery of a ping to this endpoint alone, due now: its id; None when the endpoint is absent."""
        ...

    async def claim(self, claim: Claim) -> Sequence[DueDelivery]:
        """Due deliveries of enabled endpoints, each leased and its attempt counted."""
        ...

    async def settle(self, settled: Settled) -> datetime | None:
        """Log the attempt; the delivery succeeds, waits, or fails for good. Answers since when its
        endpoint has failed without a success (None when it has not)."""
        ...

    async def disable_failing(
        self, tenant_id: UUID, endpoint_id: UUID, failing_before: datetime, now: datetime
    ) -> bool:
        """Disable the endpoint if every attempt to it failed since before ``failing_before``: its
        pending deliveries fail, and ``webhook_endpoint.disabled`` goes to the outbox. False when it
        had recovered, or another worker disabled it first."""
        ...

    async def get(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID) -> WebhookDelivery | None:
        """With its attempts, newest first."""
        ...

    async def list(self, tenant_id: UUID, endpoint_id: UUID, page: PageRequest) -> Page[WebhookDelivery]:
        """Newest first, each with its attempts."""
        ...

    async def replay(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID, now: datetime) -> bool:
        """Due again now with every attempt of the schedule ahead (the log keeps the old ones)."""
        ...

    async def replay_since(self, tenant_id: UUID, endpoint_id: UUID, since: datetime, now: datetime) -> int:
        """Replay every delivery to the endpoint made since ``since``; how many."""
        ...


class HostResolver(Protocol):
    async def resolve(self, host: str, port: int) -> Sequence[IpAddress]: ...


class WebhookSigner(Protocol):
    def new_secret(self) -> str:
        """A Standard Webhooks secret, ``whsec_`` and base64."""
        ...

    def headers(self, message_id: str, at: datetime, body: str, secrets: Sequence[str]) -> Mapping[str, str]:
        """``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` (one signature per secret)."""
        ...


class WebhookSender(Protocol):
    async def send(self, target: WebhookTarget, body: str, headers: Mapping[str, str]) -> AttemptResult:
        """POST the body; the host is resolved and checked again before connecting, redirects are not
        followed, and the attempt ends after the timeout. Never raises for the receiver's faults."""
        ...

    async def close(self) -> None: ...
