"""Hand events to their handlers: what one round of the worker does, and what becomes of each try."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.deliveries import (
    Delivery,
    DeliverySource,
    ParkedEvent,
    RetryPolicy,
    describe_failure,
    timed_out,
)
from app.domain.events import RecordedEvent
from app.ports.events import ClickPosition, DeliveryQueue, EventHandler, QueueStatus
from app.ports.system import Clock, IdGenerator
from app.services.events.handlers import EventHandlers

Stopping = Callable[[], bool]


def never() -> bool:
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryLimits:
    """``batch_size`` events are claimed at a time (and clicks read per tenant and handler), held for
    ``lease``; a handler has ``handler_timeout`` per event, and a try is begun only while the lease
    has that long to run. Clicks are read once ``click_settle`` old, so that one recorded a moment
    earlier but committed a moment later is never passed by."""

    batch_size: int = 100
    lease: timedelta = timedelta(seconds=60)
    handler_timeout: timedelta = timedelta(seconds=20)
    click_settle: timedelta = timedelta(seconds=2)
    click_positions: int = 10

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.click_positions < 1:
            raise ValueError("Batches hold at least one event.")
        if self.handler_timeout <= timedelta(0) or self.lease <= self.handler_timeout:
            raise ValueError("A lease must outlast the handler timeout, which must be positive.")
        if self.click_settle < timedelta(0):
            raise ValueError("Clicks cannot be read before they are recorded.")


class Outcome(StrEnum):
    HANDLED = "handled"
    FAILED = "failed"  # to be tried again
    PARKED = "parked"
    MISSING = "missing"  # the event's row is gone (a click removed with its share): nothing to hand over


@dataclass(frozen=True, slots=True, kw_only=True)
class Try:
    """What became of handing one event to one handler."""

    event_id: UUID
    event_type: str
    handler: str
    outcome: Outcome
    error: str | None = None
    exception: BaseException | None = None


class DeliverEvents:
    """The worker's rounds, each safe with any number of workers at once:

    - ``take_outbox``: events no worker has taken yet become one delivery per handler of their type.
    - ``deliver_due``: due deliveries are claimed (a try counted, a lease taken) and handed over one
      by one; a failed try is retried after the policy's delay, the last failed try parks the event.
      A delivery taken more often than it has tries ended with its workers every time: it is parked
      without running again, so an event that kills the worker cannot stop all work for ever.
    - ``follow_clicks``: each click handler reads each tenant's new clicks in order, from a position
      it holds under a lease; a click whose first try fails becomes a delivery like any other.

    Work not begun when ``stopping`` turns true, or when the lease would run out during the next try,
    is released at once for the next worker.
    """

    def __init__(
        self,
        queue: DeliveryQueue,
        handlers: EventHandlers,
        clock: Clock,
        ids: IdGenerator,
        policy: RetryPolicy,
        limits: DeliveryLimits,
    ) -> None:
        self._queue = queue
        self._handlers = handlers
        self._clock = clock
        self._ids = ids
        self._policy = policy
        self._limits = limits

    @property
    def handlers(self) -> EventHandlers:
        return self._handlers

    async def take_outbox(self) -> Mapping[str, int]:
        subscriptions = self._handlers.outbox_subscriptions()
        return await self._queue.take_outbox(subscriptions, self._limits.batch_size, self._clock.now())

    async def deliver_due(self, stopping: Stopping = never) -> list[Try]:
        now = self._clock.now()
        leased_until = now + self._limits.lease
        claimed = await self._queue.claim(self._handlers.names, self._limits.batch_size, now, leased_until)
        done: list[Delivery] = []
        pending: list[Delivery] = []
        parked: list[ParkedEvent] = []
        tries: list[Try] = []
        for index, item in enumerate(claimed):
            delivery, event = item.delivery, item.event
            if stopping() or not self._time_for_a_try(leased_until):
                pending += [self._released(rest.delivery) for rest in claimed[index:]]
                break
            if event is None:
                done.append(delivery)
                tries.append(_try(delivery, Outcome.MISSING))
            elif delivery.overdue(self._policy):
                parked.append(delivery.abandon(self._ids.new_id(), self._clock.now(), self._policy))
                tries.append(_try(delivery, Outcome.PARKED, parked[-1].error))
            else:
                handler = self._handlers.named(delivery.handler)
                if handler is None:  # claims name only registered handlers
                    raise RuntimeError(f"A delivery was claimed for the unknown handler {delivery.handler!r}.")
                tries.append(await self._hand_over(handler, event, delivery, done, pending, parked))
        await self._queue.settle(leased_until, done=done, pending=pending, parked=parked)
        return tries

    async def follow_clicks(self, stopping: Stopping = never) -> list[Try]:
        handlers = self._handlers.click_handlers()
        if not handlers or stopping():
            return []
        now = self._clock.now()
        settled_before = now - self._limits.click_settle
        positions = await self._queue.claim_click_positions(
            [handler.name for handler in handlers],
            self._limits.click_positions,
            settled_before,
            now,
            now + self._limits.lease,
        )
        tries: list[Try] = []
        for position in positions:
            tries += await self._follow(position, settled_before, stopping)
        return tries

    async def status(self) -> QueueStatus:
        return await self._queue.status([handler.name for handler in self._handlers.click_handlers()])

    async def _follow(self, position: ClickPosition, settled_before: datetime, stopping: Stopping) -> list[Try]:
        handler = self._handlers.named(position.handler)
        clicks: Sequence[RecordedEvent] = []
        if handler is not None and not stopping():
            clicks = await self._queue.clicks_after(position, settled_before, self._limits.batch_size)
        last: UUID | None = None
        pending: list[Delivery] = []
        parked: list[ParkedEvent] = []
        tries: list[Try] = []
        for click in clicks:
            if handler is None or stopping() or not self._time_for_a_try(position.leased_until):
                break
            first = Delivery(
                tenant_id=click.tenant_id,
                event_id=click.id,
                handler=handler.name,
                source=DeliverySource.CLICKS,
                event_type=click.type,
                occurred_at=click.occurred_at,
                attempts=1,
                next_attempt_at=self._clock.now(),
            )
            tries.append(await self._hand_over(handler, click, first, [], pending, parked))
            last = click.id
        await self._queue.advance(position, last, self._clock.now(), pending=pending, parked=parked)
        return tries

    async def _hand_over(
        self,
        handler: EventHandler,
        event: RecordedEvent,
        delivery: Delivery,
        done: list[Delivery],
        pending: list[Delivery],
        parked: list[ParkedEvent],
    ) -> Try:
        seconds = self._limits.handler_timeout.total_seconds()
        try:
            async with asyncio.timeout(seconds):
                await handler(event)
        except TimeoutError as error:
            return self._failed(delivery, timed_out(seconds), error, pending, parked)
        # A worker outlives whatever a handler raises: the try fails, the next event is handed over.
        except Exception as error:
            return self._failed(delivery, describe_failure(error), error, pending, parked)
        done.append(delivery)
        return _try(delivery, Outcome.HANDLED)

    def _failed(
        self,
        delivery: Delivery,
        error: str,
        exception: BaseException,
        pending: list[Delivery],
        parked: list[ParkedEvent],
    ) -> Try:
        now = self._clock.now()
        if delivery.failed(error, now, self._policy):
            parked.append(delivery.park(self._ids.new_id(), now))
            return _try(delivery, Outcome.PARKED, error, exception)
        pending.append(delivery)
        return _try(delivery, Outcome.FAILED, error, exception)

    def _time_for_a_try(self, leased_until: datetime) -> bool:
        return self._clock.now() + self._limits.handler_timeout < leased_until

    def _released(self, delivery: Delivery) -> Delivery:
        """Claimed but not begun: the try is not counted, and it is due again now."""
        delivery.attempts -= 1
        delivery.next_attempt_at = self._clock.now()
        return delivery


def _try(delivery: Delivery, outcome: Outcome, error: str | None = None, exception: BaseException | None = None) -> Try:
    return Try(
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        handler=delivery.handler,
        outcome=outcome,
        error=error,
        exception=exception,
    )
