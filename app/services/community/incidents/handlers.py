"""The worker's handler of incidents: a reminder staff sent becomes a notification in the
ambassador's inbox, holding the message alone (never the incident's file)."""

from __future__ import annotations

from uuid import UUID

from app.domain.events import EventType, RecordedEvent
from app.domain.notifications.notices import Notice, NotificationKind
from app.ports.notifications import Named, NotificationStore
from app.ports.system import Clock
from app.services.events.handlers import EventHandlers


class DeliverIncidentReminder:
    """``incident.reminder_sent``: the ambassador is told once per event however often it is delivered
    (the store skips who was already told of it); one who left the programme is not told."""

    name = "incidents.reminders"
    event_types = frozenset({EventType.INCIDENT_REMINDER_SENT.value})

    def __init__(self, store: NotificationStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def __call__(self, event: RecordedEvent) -> None:
        ambassador_id = event.data.get("ambassador_id")
        if not ambassador_id:
            return
        notice = Notice(
            kind=NotificationKind.INCIDENT_REMINDER, source_event_id=event.id, data={"message": event.data["message"]}
        )
        await self._store.fan_out(event.tenant_id, notice, Named([UUID(ambassador_id)]), self._clock.now())


def register_incidents_handlers(handlers: EventHandlers, notifications: NotificationStore, clock: Clock) -> None:
    handlers.register(DeliverIncidentReminder(notifications, clock))
