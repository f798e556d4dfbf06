"""What outgoing webhooks' use cases are built from."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from app.ports.integrations import SecretBox
from app.ports.system import Clock, IdGenerator
from app.ports.webhooks import HostResolver, WebhookDeliveries, WebhookEndpoints, WebhookSigner


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookPorts:
    endpoints: WebhookEndpoints
    deliveries: WebhookDeliveries
    resolver: HostResolver
    signer: WebhookSigner
    box: SecretBox
    clock: Clock
    ids: IdGenerator
    # Host names exempt from the address check (and allowed over http): development receivers.
    allowed_hosts: Collection[str] = ()
