"""Handing events to their handlers: a failed try is retried later and later, then parked for operators.

A *delivery* is one handler's pending work on one event. Each try is counted when a worker takes
it, so a try whose worker died (killed, out of memory) counts as well: an event that crashes the
process cannot be taken for ever. After the last try the delivery becomes a *parked event*,
kept with its error until an operator replays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.messages import Message

# Long enough for any error worth reading; a handler's exception may carry a whole payload.
MAX_ERROR_LENGTH = 2000


class DeliverySource(StrEnum):
    """Where a delivery's event is read from."""

    OUTBOX = "outbox"
    CLICKS = "clicks"


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """How many tries a handler gets for one event, and how long it waits between them.

    The wait after the first failed try is ``first_delay``; it doubles after each further failure,
    up to ``max_delay``. The event is parked when ``max_attempts`` tries have failed.
    """

    max_attempts: int = 10
    first_delay: timedelta = timedelta(seconds=5)
    max_delay: timedelta = timedelta(hours=1)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("A handler needs at least one try.")
        if self.first_delay < timedelta(0) or self.max_delay < self.first_delay:
            raise ValueError("Delays are not negative, and the longest is at least the first.")

    def delay_after(self, failures: int) -> timedelta:
        """The wait after the ``failures``-th failed try."""
        if failures < 1:
            raise ValueError("A delay follows a failed try.")
        # Capped before multiplying, so that no count of failures outgrows what a timedelta holds.
        seconds = self.first_delay.total_seconds() * 2 ** min(failures - 1, 64)
        return timedelta(seconds=min(seconds, self.max_delay.total_seconds()))

    def exhausted(self, attempts: int) -> bool:
        """Whether ``attempts`` tries are all a handler gets."""
        return attempts >= self.max_attempts


def describe_failure(error: BaseException) -> str:
    """What an operator reads of a failed try: the exception's class and text, cut to a readable length."""
    text = str(error).strip()
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return described if len(described) <= MAX_ERROR_LENGTH else described[: MAX_ERROR_LENGTH - 1] + "…"


def timed_out(seconds: float) -> str:
    return Message("The handler did not finish within {seconds} seconds.", seconds=f"{seconds:g}")


def abandoned(attempts: int, last_error: str | None) -> str:
    """Why a delivery taken more often than it has tries is parked: its last tries ended with their worker."""
    if last_error:
        return Message(
            "All {attempts} tries were used, the last ones ending with the worker that ran them before the "
            "handler finished (the event may stop the worker itself); the last error recorded: {last_error}",
            attempts=attempts,
            last_error=last_error,
        )
    return Message(
        "All {attempts} tries ended with the worker that ran them before the handler finished: the event "
        "may stop the worker itself (memory, a crash in a library).",
        attempts=attempts,
    )


@dataclass(slots=True, kw_only=True)
class Delivery:
    """One handler's pending work on one event. ``attempts`` counts the tries begun."""

    tenant_id: UUID
    event_id: UUID
    handler: str
    source: DeliverySource
    event_type: str
    occurred_at: datetime
    attempts: int = 0
    next_attempt_at: datetime
    last_error: str | None = None

    @property
    def key(self) -> tuple[UUID, UUID, str]:
        return self.tenant_id, self.event_id, self.handler

    def overdue(self, policy: RetryPolicy) -> bool:
        """Taken more often than the policy allows tries: the tries beyond the failures recorded
        ended with their worker, so this one is parked rather than run again."""
        return self.attempts > policy.max_attempts

    def failed(self, error: str, now: datetime, policy: RetryPolicy) -> bool:
        """Record the failure of the try in hand; True when it was the last one (park it)."""
        self.last_error = error
        if policy.exhausted(self.attempts):
            return True
        self.next_attempt_at = now + policy.delay_after(self.attempts)
        return False

    def abandon(self, id: UUID, now: datetime, policy: RetryPolicy) -> ParkedEvent:  # noqa: A002 - the entity's id
        """Park an overdue delivery: the claim that found it overdue begins no try."""
        self.attempts -= 1
        return self.park(id, now, abandoned(policy.max_attempts, self.last_error))

    def park(self, id: UUID, now: datetime, error: str | None = None) -> ParkedEvent:  # noqa: A002 - the entity's id
        return ParkedEvent(
            id=id,
            tenant_id=self.tenant_id,
            event_id=self.event_id,
            handler=self.handler,
            source=self.source,
            event_type=self.event_type,
            occurred_at=self.occurred_at,
            attempts=self.attempts,
            error=error or self.last_error or "",
            parked_at=now,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ParkedEvent:
    """An event a handler failed on every try, kept with the last error until it is replayed."""

    id: UUID
    tenant_id: UUID
    event_id: UUID
    handler: str
    source: DeliverySource
    event_type: str
    occurred_at: datetime
    attempts: int
    error: str
    parked_at: datetime

    def replay(self, now: datetime) -> Delivery:
        """Pending again, due now, with every try ahead of it; the error stays until a try succeeds."""
        return Delivery(
            tenant_id=self.tenant_id,
            event_id=self.event_id,
            handler=self.handler,
            source=self.source,
            event_type=self.event_type,
            occurred_at=self.occurred_at,
            attempts=0,
            next_attempt_at=now,
            last_error=self.error,
        )
