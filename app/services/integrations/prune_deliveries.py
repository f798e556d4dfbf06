"""The worker's pruning of the delivery log: older than 30 days, a delivery is forgotten."""

from __future__ import annotations

from app.domain.integrations.deliveries import KEPT_FOR
from app.ports.integrations import DeliveryRetention
from app.ports.system import Clock


class PruneDeliveries:
    """Deletes, for every tenant, what was received more than 30 days ago (webhook-ids are recognised for
    as long, far beyond the 7 days senders' retries need)."""

    def __init__(self, retention: DeliveryRetention, clock: Clock) -> None:
        self._retention = retention
        self._clock = clock

    async def __call__(self) -> int:
        return await self._retention.prune(self._clock.now() - KEPT_FOR)
