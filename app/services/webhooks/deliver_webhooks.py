"""The worker's webhook deliveries: due deliveries claimed under a lease, each sent in a task of its
own so that a slow endpoint holds only its own slots, then settled one by one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

import structlog

from app.domain.webhooks.addresses import UnsafeWebhookUrl, parse_target
from app.domain.webhooks.deliveries import DEFAULT_DISABLE_AFTER, AttemptResult, DueDelivery, RetrySchedule
from app.ports.integrations import SecretBox
from app.ports.system import Clock
from app.ports.webhooks import Claim, Settled, WebhookDeliveries, WebhookSender, WebhookSigner

log = structlog.stdlib.get_logger("relais.webhooks")
# How long a call with nothing to claim waits for a request in flight to end before answering.
IDLE_WAIT = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookLimits:
    """At most ``concurrency`` requests in flight per worker, ``per_endpoint`` to one endpoint across
    workers; a claimed delivery is held for ``lease`` (longer than any request may take). An endpoint
    whose every attempt failed for ``disable_after`` is disabled."""

    batch_size: int = 100
    concurrency: int = 200
    per_endpoint: int = 10
    lease: timedelta = timedelta(seconds=60)
    disable_after: timedelta = DEFAULT_DISABLE_AFTER
    # On shutdown, how long the requests in flight may take to end.
    grace: timedelta = timedelta(seconds=20)

    def __post_init__(self) -> None:
        if min(self.batch_size, self.concurrency, self.per_endpoint) < 1:
            raise ValueError("Batches, concurrency and each endpoint's share hold at least one delivery.")


class DeliverWebhooks:
    """Called again and again beside the worker's rounds; each call claims what free slots allow and
    answers how many it started (0 when nothing was due), so the caller waits only when idle."""

    def __init__(
        self,
        deliveries: WebhookDeliveries,
        sender: WebhookSender,
        signer: WebhookSigner,
        box: SecretBox,
        clock: Clock,
        *,
        schedule: RetrySchedule,
        limits: WebhookLimits,
        allowed_hosts: Collection[str] = (),
    ) -> None:
        self._deliveries = deliveries
        self._sender = sender
        self._signer = signer
        self._box = box
        self._clock = clock
        self._schedule = schedule
        self._limits = limits
        self._allowed = frozenset(allowed_hosts)
        self._in_flight: set[asyncio.Task[None]] = set()

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    async def __call__(self) -> int:
        free = self._limits.concurrency - len(self._in_flight)
        if free <= 0:
            await asyncio.wait(self._in_flight, return_when=asyncio.FIRST_COMPLETED)
            return 1
        now = self._clock.now()
        claim = Claim(
            now=now,
            leased_until=now + self._limits.lease,
            limit=min(free, self._limits.batch_size),
            per_endpoint=self._limits.per_endpoint,
        )
        claimed = await self._deliveries.claim(claim)
        for delivery in claimed:
            task = asyncio.create_task(self._deliver(delivery))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
        if claimed or not self._in_flight:
            return len(claimed)
        # Nothing due but requests in flight: their endpoints may have more waiting behind the cap, so
        # look again as soon as one ends (within the lease) rather than after an idle poll.
        done, _ = await asyncio.wait(set(self._in_flight), timeout=IDLE_WAIT, return_when=asyncio.FIRST_COMPLETED)
        return len(done)

    async def close(self) -> None:
        """Let the requests in flight end within the grace; the others come back when their lease runs
        out. Then close the sender's connections."""
        if self._in_flight:
            _, late = await asyncio.wait(set(self._in_flight), timeout=self._limits.grace.total_seconds())
            for task in late:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*late, return_exceptions=True)
        await self._sender.close()

    async def _deliver(self, delivery: DueDelivery) -> None:
        try:
            result = await self._send(delivery)
            attempted_at = self._clock.now()
            next_attempt = None if result.succeeded else self._schedule.next_attempt(delivery.attempts, attempted_at)
            settled = Settled(delivery=delivery, result=result, attempted_at=attempted_at, next_attempt_at=next_attempt)
            failing_since = await self._deliveries.settle(settled)
            if failing_since is not None and failing_since <= attempted_at - self._limits.disable_after:
                tenant_id, endpoint_id = delivery.tenant_id, delivery.endpoint_id
                if await self._deliveries.disable_failing(
                    tenant_id, endpoint_id, attempted_at - self._limits.disable_after, attempted_at
                ):
                    log.warning(
                        "webhook endpoint disabled after failing",
                        tenant_id=str(tenant_id),
                        endpoint_id=str(endpoint_id),
                    )
        except Exception:
            # Its lease runs out and another worker tries it again: at least once, same webhook-id.
            log.exception("webhook delivery could not be settled", delivery_id=str(delivery.id))

    async def _send(self, delivery: DueDelivery) -> AttemptResult:
        try:
            target = parse_target(delivery.url, self._allowed)
        except UnsafeWebhookUrl as refused:
            return AttemptResult(status_code=None, latency_ms=0, error=refused.reason)
        secrets = [self._box.open(sealed) for sealed in delivery.sealed_secrets]
        headers = self._signer.headers(delivery.message_id, self._clock.now(), delivery.body, secrets)
        return await self._sender.send(target, delivery.body, headers)
