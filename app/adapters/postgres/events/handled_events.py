"""Once-only markers of event handlers, written in the handler's own unit of work."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.events.tables import handled_events
from app.adapters.postgres.repository import _Repository


class PostgresHandledEvents(_Repository):
    async def first_time(self, event_id: UUID, handler: str, at: datetime) -> bool:
        statement = (
            insert(handled_events)
            .values(tenant_id=self._tenant_id, event_id=event_id, handler=handler, handled_at=at)
            .on_conflict_do_nothing()
            .returning(handled_events.c.event_id)
        )
        # A concurrent first time waits for the other transaction, then inserts nothing if it committed.
        return (await self._session.execute(statement)).first() is not None
