"""The worker's pruning of the delivery log: older than 30 days, a delivery is forgotten."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.integrations.deliveries import KEPT_FOR
from app.ports.integrations import DeliveryRetention
from app.ports.system import Clock

# Deliveries age by the day: looking once a minute is plenty, and every worker may look (deleting what
# another already deleted deletes nothing).
EVERY = timedelta(minutes=1)


class PruneDeliveries:
    """Deletes, for every tenant, what was received more than 30 days ago. A webhook-id is recognised as
    long as its delivery is kept: far beyond the 7 days senders' retries need."""

    def __init__(self, retention: DeliveryRetention, clock: Clock) -> None:
        self._retention = retention
        self._clock = clock
        self._next: datetime | None = None

    async def __call__(self) -> int:
        now = self._clock.now()
        if self._next is not None and now < self._next:
            return 0
        pruned = await self._retention.prune(now - KEPT_FOR)
        # A full batch means more are waiting: the next round goes on at once.
        self._next = None if pruned else now + EVERY
        return pruned
