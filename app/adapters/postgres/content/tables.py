"""SQLModel tables of contents and their review history (campaigns are in ``campaign_tables.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class ContentRow(SQLModel, table=True):
    """A content, its locales in one JSON document (``{language: {title, body, captions}}``).

    ``live_from`` is set while approved (its publication instant) so the feed reads approved,
    live, targeted content in order from one partial index.
    """

    __tablename__ = "contents"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("ix_contents_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.Index("ix_contents_tenant_id_format_id", "tenant_id", "format", "id"),
        sa.Index("ix_contents_tenant_id_objective_id", "tenant_id", "objective", "id"),
        sa.Index("ix_contents_tenant_id_created_by_id", "tenant_id", "created_by", "id"),
        # Contents by the publication asked for; none sorts after every date (``ContentSort``).
        sa.Index(
            "ix_contents_tenant_id_publish_at_id",
            "tenant_id",
            sa.text("coalesce(publish_at, 'infinity'::timestamptz)"),
            "id",
        ),
        sa.Index(
            "ix_contents_tenant_id_feed",
            "tenant_id",
            "pinned",
            "important",
            "live_from",
            "id",
            postgresql_where=sa.text("status = 'approved'"),
        ),
        sa.Index(
            "ix_contents_tenant_id_live_from_cadence",
            "tenant_id",
            "live_from",
            postgresql_where=sa.text("status = 'approved' AND shareable"),
        ),
        sa.CheckConstraint(
            "status in ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'archived', 'recalled')",
            name="status",
        ),
        sa.CheckConstraint(
            "format in ('article', 'infographic', 'video', 'testimonial', 'industry_news', 'company_life', "
            "'job_offer', 'event', 'other')",
            name="format",
        ),
        sa.CheckConstraint("objective in ('awareness', 'leads', 'recruiting', 'engagement')", name="objective"),
        sa.CheckConstraint("locales ? language", name="default_locale"),
        sa.CheckConstraint("expire_at IS NULL OR publish_at IS NULL OR expire_at > publish_at", name="expiry"),
        sa.CheckConstraint("(status = 'approved') = (live_from IS NOT NULL)", name="live_from"),
        sa.CheckConstraint(
            "(status = 'recalled') = "
            "(recalled_at IS NOT NULL AND recalled_by IS NOT NULL AND recall_reason IS NOT NULL)",
            name="recall",
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    status: str
    format: str
    objective: str | None = None
    language: str
    locales: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    topics: list[str] = texts()
    link_url: str | None = None
    media: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    shareable: bool
    pinned: bool
    important: bool
    publish_at: datetime | None = timestamp(nullable=True)
    expire_at: datetime | None = timestamp(nullable=True)
    live_from: datetime | None = timestamp(nullable=True)
    target_departments: list[str] = texts()
    target_locations: list[str] = texts()
    target_languages: list[str] = texts()
    proposed: bool
    created_by: str
    last_edited_by: str
    approved_at: datetime | None = timestamp(nullable=True)
    approved_by: str | None = None
    # Set when recalled (``status = 'recalled'``): the redirect reads the status from the row it joins.
    recalled_at: datetime | None = timestamp(nullable=True)
    recalled_by: str | None = None
    recall_reason: str | None = None
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class ContentHistoryRow(SQLModel, table=True):
    """Every transition of a content, keyed by the content version it produced."""

    __tablename__ = "content_history"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"], ondelete="CASCADE"),
    )

    tenant_id: UUID = Field(primary_key=True)
    content_id: UUID = Field(primary_key=True)
    version: int = Field(primary_key=True)
    at: datetime = timestamp()
    actor: str
    action: str
    from_status: str | None = None
    to_status: str
    reason: str | None = None
    override_cadence: bool
