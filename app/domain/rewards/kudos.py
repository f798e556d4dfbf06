"""Kudos: public recognition staff send an ambassador, with a message, shown on their profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.rewards.catalogue import checked_text

MAX_MESSAGE = 1_000


@dataclass(slots=True, kw_only=True)
class Kudos(EventSource):
    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    message: str
    sent_by: str
    sent_at: datetime
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def send(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        ambassador_id: UUID,
        message: str,
        sender: str,
        now: datetime,
    ) -> Kudos:
        errors: list[FieldError] = []
        text = checked_text(errors, "message", message, MAX_MESSAGE, multiline=True)
        if errors or text is None:
            raise ValidationFailed("The kudos is not valid.", errors)
        kudos = cls(id=id, tenant_id=tenant_id, ambassador_id=ambassador_id, message=text, sent_by=sender, sent_at=now)
        kudos.record(
            DomainEvent(
                type=EventType.KUDOS_SENT,
                tenant_id=tenant_id,
                occurred_at=now,
                data={"id": str(id), "ambassador_id": str(ambassador_id), "message": text, "sent_by": sender},
            )
        )
        return kudos
