"""The event handler that turns each outbox event into one delivery per endpoint that wants it."""

from __future__ import annotations

from app.domain.events import RecordedEvent
from app.domain.webhooks.event_patterns import deliverable_types
from app.ports.system import Clock
from app.ports.webhooks import WebhookDeliveries


class FanOutToWebhooks:
    """Idempotent: a delivery is unique per (endpoint, event), so a second hand-over adds nothing. An
    organisation without endpoints costs one indexed read per event."""

    name = "webhooks.fan_out"
    event_types = frozenset(deliverable_types())

    def __init__(self, deliveries: WebhookDeliveries, clock: Clock) -> None:
        self._deliveries = deliveries
        self._clock = clock

    async def __call__(self, event: RecordedEvent) -> None:
        await self._deliveries.fan_out(event, self._clock.now())
