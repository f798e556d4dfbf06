"""SQLModel table of take-downs: one per posted share of a recalled content."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class TakeDownRow(SQLModel, table=True):
    """A recalled content's post to remove; ``share_id`` is unique: a share is taken down once."""

    __tablename__ = "takedowns"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.UniqueConstraint("tenant_id", "share_id"),
        sa.Index("ix_takedowns_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        sa.Index("ix_takedowns_tenant_id_content_id_id", "tenant_id", "content_id", "id"),
        sa.CheckConstraint("status in ('pending', 'confirmed')", name="status"),
        sa.CheckConstraint("(status = 'confirmed') = (confirmed_at IS NOT NULL)", name="confirmed_at"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    content_id: UUID
    share_id: UUID
    ambassador_id: UUID
    network: str
    post_url: str | None = None
    reason: str
    status: str
    confirmed_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


takedowns: sa.Table = TakeDownRow.__table__  # type: ignore[attr-defined]
