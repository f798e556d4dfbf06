"""The worker's part of the metrics: keep the hourly rollups as shares are posted, engagement is
observed, conversions are attributed or invalidated, and clicks are recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from app.domain.events import EventType, RecordedEvent
from app.domain.metrics.valuation import DEFAULT_CURRENCY
from app.ports.metrics import MetricRollups
from app.ports.system import Clock


class RollUpMetrics:
    """Files each event's facts under their hour. Repeating an event adds nothing: the rollups keep
    what they hold of each share and conversion (see ``MetricRollups``)."""

    name = "metric-rollups"
    event_types = frozenset(
        {
            EventType.SHARE_POSTED.value,
            EventType.SHARE_ENGAGEMENT_RECORDED.value,
            EventType.CONVERSION_ATTRIBUTED.value,
            EventType.CONVERSION_INVALIDATED.value,
        }
    )

    def __init__(self, rollups: MetricRollups) -> None:
        self._rollups = rollups

    async def __call__(self, event: RecordedEvent) -> None:
        tenant_id, data = event.tenant_id, event.data
        if event.type == EventType.SHARE_POSTED:
            await self._rollups.add_posted_share(tenant_id, UUID(data["id"]))
        elif event.type == EventType.SHARE_ENGAGEMENT_RECORDED:
            await self._rollups.refresh_engagement(tenant_id, UUID(data["id"]))
        elif event.type == EventType.CONVERSION_ATTRIBUTED:
            await self._rollups.add_conversion(tenant_id, UUID(data["conversion_id"]), DEFAULT_CURRENCY)
        elif event.type == EventType.CONVERSION_INVALIDATED:
            await self._rollups.remove_conversion(tenant_id, UUID(data["conversion_id"]), DEFAULT_CURRENCY)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickRollupLimits:
    """Clicks are read once ``settle`` old (as the click handlers read them), ``batch`` per tenant and
    run, for up to ``tenants`` tenants, each held by one worker for ``lease``."""

    settle: timedelta = timedelta(seconds=2)
    lease: timedelta = timedelta(seconds=60)
    tenants: int = 10
    batch: int = 20_000


class RollUpClicks:
    """A worker job beside the rounds: add the settled clicks to the rollups, a tenant's batch in one
    statement; answers how many clicks it added."""

    def __init__(self, rollups: MetricRollups, clock: Clock, limits: ClickRollupLimits) -> None:
        self._rollups = rollups
        self._clock = clock
        self._limits = limits

    async def __call__(self) -> int:
        now = self._clock.now()
        return await self._rollups.add_clicks(
            settled_before=now - self._limits.settle,
            now=now,
            leased_until=now + self._limits.lease,
            tenants=self._limits.tenants,
            batch=self._limits.batch,
        )
