"""SQLModel tables of notifications: each member's inbox, their devices' push tokens and their
preferences. Written and read on asyncpg by hand-written SQL; the tables are declared here for
Alembic and the schema tests."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)

_MEMBER = (["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"])


class NotificationRow(SQLModel, table=True):
    """One notification of one member; a cause (the event) tells each member at most once."""

    __tablename__ = "notifications"
    __table_args__ = (
        sa.ForeignKeyConstraint(*_MEMBER, ondelete="CASCADE"),
        sa.UniqueConstraint("tenant_id", "source_event_id", "ambassador_id"),
        sa.Index("ix_notifications_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        # The unread part of an inbox, in order, and its count, from this index alone.
        sa.Index(
            "ix_notifications_tenant_id_ambassador_id_id_unread",
            "tenant_id",
            "ambassador_id",
            "id",
            postgresql_where=sa.text("read_at IS NULL"),
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    kind: str = Field(sa_column=Column(sa.Text, nullable=False))
    source_event_id: UUID
    data: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    created_at: datetime = timestamp()
    read_at: datetime | None = timestamp(nullable=True)


class NotificationDeviceRow(SQLModel, table=True):
    """A device's push token: one member's at a time within a tenant."""

    __tablename__ = "notification_devices"
    __table_args__ = (
        sa.ForeignKeyConstraint(*_MEMBER, ondelete="CASCADE"),
        sa.UniqueConstraint("tenant_id", "token"),
        sa.Index(
            "ix_notification_devices_tenant_id_ambassador_id_registered_at",
            "tenant_id",
            "ambassador_id",
            "registered_at",
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    platform: str = Field(sa_column=Column(sa.Text, nullable=False))
    token: str = Field(sa_column=Column(sa.Text, nullable=False))
    registered_at: datetime = timestamp()


class NotificationPreferencesRow(SQLModel, table=True):
    """A member's choices; no row means the defaults (every kind, no quiet hours, the weekly digest)."""

    __tablename__ = "notification_preferences"
    __table_args__ = (
        sa.ForeignKeyConstraint(*_MEMBER, ondelete="CASCADE"),
        sa.CheckConstraint("version >= 1", name="version"),
        sa.CheckConstraint("(quiet_start IS NULL) = (quiet_end IS NULL)", name="quiet_hours"),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    muted_kinds: list[str] = texts()
    quiet_start: time | None = Field(default=None, sa_column=Column(sa.Time(), nullable=True))
    quiet_end: time | None = Field(default=None, sa_column=Column(sa.Time(), nullable=True))
    time_zone: str | None = Field(default=None, sa_column=Column(sa.Text, nullable=True))
    weekly_digest: bool
    version: int
    updated_at: datetime = timestamp()


class WeeklyDigestRow(SQLModel, table=True):
    """A member's weekly digest, prepared once per week (the local Monday it belongs to)."""

    __tablename__ = "weekly_digests"
    __table_args__ = (sa.ForeignKeyConstraint(*_MEMBER, ondelete="CASCADE"),)

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    week: date = Field(primary_key=True)
    prepared_at: datetime = timestamp()


class AnnouncedContentRow(SQLModel, table=True):
    """A content scheduled for later whose audience was told when it went live (once)."""

    __tablename__ = "announced_contents"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"], ondelete="CASCADE"),
    )

    tenant_id: UUID = Field(primary_key=True)
    content_id: UUID = Field(primary_key=True)
    announced_at: datetime = timestamp()
