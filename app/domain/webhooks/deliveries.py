"""Deliveries of events to endpoints: the envelope they carry, when they are tried again, and what
each attempt did.

A delivery keeps its ``webhook-id`` (its message id) and its body for every attempt and replay, so a
receiver recognises a retry; only the timestamp and signature change.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

ENVELOPE_VERSION = 1
MAX_ERROR_LENGTH = 500
# The example schedule of the Standard Webhooks specification (after the first try: 5 s, 5 min, 30 min,
# 2 h, 5 h, 10 h, 10 h), continued with 14 h and 24 h: ten tries over three days.
STANDARD_DELAYS = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=24),
)
# An endpoint whose every attempt failed for this long is disabled.
DEFAULT_DISABLE_AFTER = timedelta(days=3)


class DeliveryState(StrEnum):
    """Where a delivery stands: an attempt ahead, taken by its receiver, or given up."""

    PENDING = "pending"  # waiting for its next attempt
    SUCCEEDED = "succeeded"  # a 2xx answer
    FAILED = "failed"  # every attempt failed, or its endpoint was disabled or removed


@dataclass(frozen=True, slots=True, kw_only=True)
class RetrySchedule:
    """The wait after each failed attempt, each moved by up to ``jitter`` of itself either way so that
    retries of many deliveries do not land at the same instant; no attempt after the last delay."""

    delays: tuple[timedelta, ...] = STANDARD_DELAYS
    jitter: float = 0.2

    def __post_init__(self) -> None:
        if not 0 <= self.jitter < 1 or any(delay < timedelta(0) for delay in self.delays):
            raise ValueError("Delays are not negative, and the jitter is a fraction below 1.")

    @property
    def max_attempts(self) -> int:
        return len(self.delays) + 1

    def next_attempt(self, attempts: int, now: datetime, rng: random.Random | None = None) -> datetime | None:
        """When to try again after ``attempts`` failed ones; None when they were the last."""
        if attempts < 1 or attempts > len(self.delays):
            return None
        delay = self.delays[attempts - 1].total_seconds()
        spread = delay * self.jitter * (2 * (rng or random).random() - 1)
        return now + timedelta(seconds=max(delay + spread, 0.0))


def envelope(
    *,
    event_id: UUID,
    event_type: str,
    occurred_at: datetime,
    tenant_id: UUID,
    data: Mapping[str, Any],
    resource_version: int | None,
) -> dict[str, Any]:
    """The body every delivery carries: a stable envelope around the event's data. ``resource`` names
    the resource the event is about and its version then, so a receiver can drop an older one."""
    resource_type = event_type.split(".", 1)[0]
    resource_id = data.get("id")
    return {
        "envelope_version": ENVELOPE_VERSION,
        "type": event_type,
        "id": str(event_id),
        "occurred_at": occurred_at.isoformat().replace("+00:00", "Z"),
        "tenant": str(tenant_id),
        "resource": {"type": resource_type, "id": resource_id, "version": resource_version},
        "data": dict(data),
    }


def describe_error(error: BaseException) -> str:
    text = str(error).strip()
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return described if len(described) <= MAX_ERROR_LENGTH else described[: MAX_ERROR_LENGTH - 1] + "…"


@dataclass(frozen=True, slots=True, kw_only=True)
class AttemptResult:
    """What one POST did: the answer's status (None when none came), how long it took, and why it failed."""

    status_code: int | None
    latency_ms: int
    error: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryAttempt:
    attempt: int
    attempted_at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookDelivery:
    """One event's delivery to one endpoint, with its attempts (newest first) when read for the log."""

    id: UUID
    tenant_id: UUID
    endpoint_id: UUID
    event_id: UUID
    event_type: str
    state: DeliveryState
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    last_status_code: int | None = None
    last_error: str | None = None
    log: Sequence[DeliveryAttempt] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DueDelivery:
    """A delivery a worker claimed: what to send, where, and with which secrets (sealed)."""

    id: UUID
    tenant_id: UUID
    endpoint_id: UUID
    url: str
    message_id: str
    body: str
    attempts: int
    sealed_secrets: Sequence[str]
    # The lease it was claimed under: only its holder settles it.
    leased_until: datetime
