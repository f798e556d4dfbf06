"""The log of what each delivery from a roster source did: applied, a duplicate, stale or refused, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

# Senders retry for about three days; a webhook-id is recognised for at least seven, and the log kept for thirty.
KEPT_FOR = timedelta(days=30)
MAX_WEBHOOK_ID_LENGTH = 200


class DeliveryOutcome(StrEnum):
    """``applied`` and ``stale`` deliveries are processed: the same webhook-id again is a ``duplicate``.
    A ``refused`` one changed nothing, and its retry is judged afresh."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    STALE = "stale"
    REFUSED = "refused"

    @property
    def processed(self) -> bool:
        return self in (DeliveryOutcome.APPLIED, DeliveryOutcome.STALE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    """One delivery as the log keeps it: the employee's key in the source, never their personal data."""

    id: UUID
    tenant_id: UUID
    integration_id: UUID
    webhook_id: str
    event_type: str | None
    external_id: str | None
    occurred_at: datetime | None
    outcome: DeliveryOutcome
    reason: str
    received_at: datetime
