"""SQLModel tables of sharing: shares, their clicks and engagement, visitor salts, conversions.

``shares.code`` is the one key not led by ``tenant_id``: the public redirect carries only the
code, so codes are unique across all tenants and the redirect finds a share from its code alone.
Click rows hold no IP address, no user agent and no employee id: only a daily-salted digest.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp


class ShareRow(SQLModel, table=True):
    """A share: an intent until the ambassador confirms it (posted) or cancels it.

    ``destination`` is the content link with its UTM parameters, without the click reference
    (added per click); ``click_param`` is the setting as it was when the share was created.
    """

    __tablename__ = "shares"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "campaign_id"], ["campaigns.tenant_id", "campaigns.id"]),
        sa.UniqueConstraint("code"),
        sa.Index(
            "uq_shares_tenant_id_ambassador_id_content_id_network_open",
            "tenant_id",
            "ambassador_id",
            "content_id",
            "network",
            unique=True,
            postgresql_where=sa.text("status = 'intent'"),
        ),
        sa.Index(
            "ix_shares_tenant_id_ambassador_id_network_created_at",
            "tenant_id",
            "ambassador_id",
            "network",
            "created_at",
        ),
        sa.Index("ix_shares_tenant_id_content_id_id", "tenant_id", "content_id", "id"),
        # The feed marks the contents its reader posted; one probe per item.
        sa.Index(
            "ix_shares_tenant_id_ambassador_id_content_id_posted",
            "tenant_id",
            "ambassador_id",
            "content_id",
            postgresql_where=sa.text("status = 'posted'"),
        ),
        sa.Index("ix_shares_tenant_id_campaign_id_id", "tenant_id", "campaign_id", "id"),
        sa.CheckConstraint("status in ('intent', 'posted', 'cancelled')", name="status"),
        sa.CheckConstraint("(status = 'posted') = (posted_at IS NOT NULL)", name="posted_at"),
        sa.CheckConstraint("(status = 'cancelled') = (cancelled_at IS NOT NULL)", name="cancelled_at"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    code: str
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None
    network: str
    language: str
    caption: str
    status: str
    destination: str
    click_param: str
    post_url: str | None = None
    created_at: datetime = timestamp()
    posted_at: datetime | None = timestamp(nullable=True)
    cancelled_at: datetime | None = timestamp(nullable=True)
    version: int


class ClickRow(SQLModel, table=True):
    """A request on a tracked link. Its id (a UUIDv7) is the click reference handed to landing pages."""

    __tablename__ = "clicks"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
        sa.Index(
            "ix_clicks_tenant_id_share_id_visitor_hash_clicked_at",
            "tenant_id",
            "share_id",
            "visitor_hash",
            "clicked_at",
        ),
        sa.CheckConstraint("kind in ('counted', 'head', 'prefetch', 'bot')", name="kind"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    share_id: UUID
    clicked_at: datetime = timestamp()
    visitor_hash: str
    kind: str
    is_unique: bool
    is_self: bool


class VisitorSaltRow(SQLModel, table=True):
    """The salt of one UTC day, shared by every tenant and replica (get-or-create on conflict)."""

    __tablename__ = "visitor_salts"

    day: date = Field(primary_key=True)
    salt: bytes = Field(sa_column=Column(sa.LargeBinary, nullable=False))
    created_at: datetime = timestamp()


class AmbassadorVisitorRow(SQLModel, table=True):
    """An ambassador's own visitor digest on a day they created a share, to flag their own clicks."""

    __tablename__ = "ambassador_visitors"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"], ondelete="CASCADE"
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    visitor_hash: str = Field(primary_key=True)


class EngagementSnapshotRow(SQLModel, table=True):
    """Counts observed on the network for a share; the latest ``observed_at`` is the current one."""

    __tablename__ = "engagement_snapshots"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
        sa.Index("ix_engagement_snapshots_tenant_id_share_id_observed_at", "tenant_id", "share_id", "observed_at"),
        sa.CheckConstraint("impressions >= 0", name="impressions"),
        sa.CheckConstraint("reactions >= 0", name="reactions"),
        sa.CheckConstraint("comments >= 0", name="comments"),
        sa.CheckConstraint("reshares >= 0", name="reshares"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    share_id: UUID
    observed_at: datetime = timestamp()
    impressions: int
    reactions: int
    comments: int
    reshares: int
    recorded_at: datetime = timestamp()
    recorded_by: str


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
