"""The outbox table and its repository: events leave with the transaction that caused them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)
from app.adapters.postgres.repository import Tracker, _Repository
from app.domain.events import DomainEvent
from app.ports.system import IdGenerator


class OutboxRow(SQLModel, table=True):
    """Domain events waiting to be relayed; written in the transaction that caused them."""

    __tablename__ = "outbox"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index(
            "ix_outbox_tenant_id_id_undelivered", "tenant_id", "id", postgresql_where=sa.text("delivered_at IS NULL")
        ),
        {"postgresql_partition_by": "RANGE (id)"},  # one partition per month (storage)
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    type: str
    occurred_at: datetime = timestamp()
    data: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    # The version of the aggregate the event is about, when it has one: what webhook receivers order by.
    resource_version: int | None = None
    recorded_at: datetime = timestamp()
    delivered_at: datetime | None = timestamp(nullable=True)


outbox: sa.Table = OutboxRow.__table__  # type: ignore[attr-defined]


class PostgresOutbox(_Repository):
    def __init__(self, session: AsyncSession, tracker: Tracker, ids: IdGenerator) -> None:
        super().__init__(session, tracker, None)
        self._ids = ids

    async def append(self, events: Sequence[DomainEvent]) -> None:
        if not events:
            return
        rows = [
            {
                "tenant_id": event.tenant_id,
                "id": self._ids.new_id(),
                "type": event.type.value,
                "occurred_at": event.occurred_at,
                "data": event.data,
                "resource_version": event.resource_version,
                "recorded_at": event.occurred_at,
            }
            for event in events
        ]
        await self._session.execute(sa.insert(outbox), rows)
