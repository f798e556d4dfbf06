"""Tables of the event worker: the handlers' pending work, parked events, how far each handler has
read each tenant's clicks, and the once-only markers of handlers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class EventDeliveryRow(SQLModel, table=True):
    """One handler's pending work on one event, removed once handled. ``next_attempt_at`` is when it
    is due; while a worker holds it, the end of that worker's lease (so a dead worker's work comes
    due again by itself). ``attempts`` counts the tries begun."""

    __tablename__ = "event_deliveries"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        # Workers take whatever is due first, whatever its tenant: the one index not led by tenant_id.
        sa.Index("ix_event_deliveries_next_attempt_at", "next_attempt_at"),
        sa.CheckConstraint("source in ('outbox', 'clicks')", name="source"),
        sa.CheckConstraint("attempts >= 0", name="attempts"),
    )

    tenant_id: UUID = Field(primary_key=True)
    event_id: UUID = Field(primary_key=True)
    handler: str = Field(primary_key=True)
    source: str
    event_type: str
    occurred_at: datetime = timestamp()
    attempts: int
    next_attempt_at: datetime = timestamp()
    last_error: str | None = None
    recorded_at: datetime = timestamp()


class ParkedEventRow(SQLModel, table=True):
    """An event a handler failed on every try, with the last error, until an operator replays it."""

    __tablename__ = "parked_events"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.UniqueConstraint("tenant_id", "event_id", "handler"),
        sa.CheckConstraint("source in ('outbox', 'clicks')", name="source"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    event_id: UUID
    handler: str
    source: str
    event_type: str
    occurred_at: datetime = timestamp()
    attempts: int
    error: str
    parked_at: datetime = timestamp()


class ClickPositionRow(SQLModel, table=True):
    """How far a handler has read a tenant's clicks, in id order; held by one worker until
    ``leased_until`` while it hands the next ones over."""

    __tablename__ = "click_positions"
    __table_args__ = (sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)

    tenant_id: UUID = Field(primary_key=True)
    handler: str = Field(primary_key=True)
    last_click_id: UUID
    leased_until: datetime | None = timestamp(nullable=True)


class HandledEventRow(SQLModel, table=True):
    """An event a handler has acted on, written in the handler's own transaction: a second delivery
    of the event finds it and changes nothing."""

    __tablename__ = "handled_events"
    __table_args__ = (sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)

    tenant_id: UUID = Field(primary_key=True)
    event_id: UUID = Field(primary_key=True)
    handler: str = Field(primary_key=True)
    handled_at: datetime = timestamp()


event_deliveries: sa.Table = EventDeliveryRow.__table__  # type: ignore[attr-defined]
parked_events: sa.Table = ParkedEventRow.__table__  # type: ignore[attr-defined]
click_positions: sa.Table = ClickPositionRow.__table__  # type: ignore[attr-defined]
handled_events: sa.Table = HandledEventRow.__table__  # type: ignore[attr-defined]
