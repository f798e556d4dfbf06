"""SQLModel tables of attribution: conversions and the credits each gives to shares."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class ConversionRow(SQLModel, table=True):
    """A reported conversion, attributed or not (then with the reason)."""

    __tablename__ = "conversions"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.UniqueConstraint("tenant_id", "type", "external_id"),
        sa.Index("ix_conversions_tenant_id_occurred_at_id", "tenant_id", "occurred_at", "id"),
        sa.CheckConstraint("type in ('lead', 'signup', 'job_application', 'hire', 'purchase', 'custom')", name="type"),
        sa.CheckConstraint("value_minor IS NULL OR value_minor >= 0", name="value_minor"),
        sa.CheckConstraint("window_days >= 1", name="window_days"),
        sa.CheckConstraint("attributed = (unattributed_reason IS NULL)", name="attribution"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    type: str
    external_id: str
    fingerprint: str
    occurred_at: datetime = timestamp()
    value_minor: int | None = Field(default=None, sa_column=Column(sa.BigInteger, nullable=True))
    currency: str | None = None
    metadata_: dict[str, Any] = Field(sa_column=Column("metadata", JSONB, nullable=False))
    click_refs: list[str] = texts()
    link_code: str | None = None
    attributed: bool
    unattributed_reason: str | None = None
    model: str
    window_days: int
    recorded_at: datetime = timestamp()


class ConversionCreditRow(SQLModel, table=True):
    """The share a conversion is credited to, with its fraction of the credit (1/1 for one touch)."""

    __tablename__ = "conversion_credits"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "conversion_id"], ["conversions.tenant_id", "conversions.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"]),
        sa.Index("ix_conversion_credits_tenant_id_share_id", "tenant_id", "share_id"),
        sa.Index("ix_conversion_credits_tenant_id_ambassador_id", "tenant_id", "ambassador_id"),
        sa.Index("ix_conversion_credits_tenant_id_campaign_id", "tenant_id", "campaign_id"),
        sa.CheckConstraint("weight_numerator >= 1 AND weight_denominator >= weight_numerator", name="weight"),
    )

    tenant_id: UUID = Field(primary_key=True)
    conversion_id: UUID = Field(primary_key=True)
    share_id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None
    weight_numerator: int
    weight_denominator: int
