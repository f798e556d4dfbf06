"""SQLModel tables of campaigns and what each campaign holds."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class CampaignRow(SQLModel, table=True):
    __tablename__ = "campaigns"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.UniqueConstraint("tenant_id", "slug"),
        sa.Index("ix_campaigns_tenant_id_status_starts_at", "tenant_id", "status", "starts_at"),
        sa.Index("ix_campaigns_tenant_id_objective_id", "tenant_id", "objective", "id"),
        sa.CheckConstraint("status in ('draft', 'launched', 'archived')", name="status"),
        sa.CheckConstraint("objective in ('awareness', 'leads', 'recruiting', 'engagement')", name="objective"),
        sa.CheckConstraint("points_multiplier >= 1", name="points_multiplier"),
        sa.CheckConstraint("ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at", name="period"),
        sa.CheckConstraint("status <> 'launched' OR starts_at IS NOT NULL", name="launched_start"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    slug: str
    name: str
    description: str | None = None
    objective: str | None = None
    status: str
    starts_at: datetime | None = timestamp(nullable=True)
    ends_at: datetime | None = timestamp(nullable=True)
    target_departments: list[str] = texts()
    target_locations: list[str] = texts()
    target_languages: list[str] = texts()
    goals: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    points_multiplier: Decimal = Field(sa_column=Column(sa.Numeric(4, 2), nullable=False))
    is_challenge: bool
    created_by: str
    launched_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class CampaignContentRow(SQLModel, table=True):
    """Which contents are in which campaigns; a content may be in several."""

    __tablename__ = "campaign_contents"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "campaign_id"], ["campaigns.tenant_id", "campaigns.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"], ondelete="CASCADE"),
        sa.Index("ix_campaign_contents_tenant_id_content_id_campaign_id", "tenant_id", "content_id", "campaign_id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    campaign_id: UUID = Field(primary_key=True)
    content_id: UUID = Field(primary_key=True)
    added_at: datetime = timestamp()
