"""SQLModel tables. They never leave this package: repositories map rows to domain objects.

Every tenant-owned table starts its keys and indexes with ``tenant_id`` so that the schema
can later be distributed by tenant.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION


class TenantRow(SQLModel, table=True):
    __tablename__ = "tenants"

    id: UUID = Field(primary_key=True)
    slug: str = Field(sa_column=Column(sa.Text, nullable=False, unique=True))
    name: str
    created_at: datetime = timestamp()


class EmployeeRow(SQLModel, table=True):
    __tablename__ = "employees"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "manager_id"], ["employees.tenant_id", "employees.id"]),
        sa.UniqueConstraint("tenant_id", "external_id"),
        sa.Index("uq_employees_tenant_id_email", "tenant_id", sa.text("lower(email)"), unique=True),
        sa.Index("uq_employees_tenant_id_idp_subject", "tenant_id", "idp_subject", unique=True),
        sa.Index("ix_employees_tenant_id_department", "tenant_id", "department"),
        sa.Index("ix_employees_tenant_id_location", "tenant_id", "location"),
        sa.Index("ix_employees_tenant_id_status", "tenant_id", "status"),
        sa.CheckConstraint("status in ('active', 'terminated')", name="status"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    external_id: str | None = None
    email: str
    given_name: str
    family_name: str
    department: str | None = None
    location: str | None = None
    language: str | None = None
    manager_id: UUID | None = None
    idp_subject: str | None = None
    status: str
    hired_on: date | None = None
    terminated_on: date | None = None
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class AmbassadorRow(SQLModel, table=True):
    __tablename__ = "ambassadors"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"]),
        sa.UniqueConstraint("tenant_id", "employee_id"),
        sa.Index("ix_ambassadors_tenant_id_status", "tenant_id", "status"),
        sa.Index("ix_ambassadors_tenant_id_charter_version", "tenant_id", "charter_version"),
        sa.CheckConstraint("status in ('invited', 'active', 'paused', 'left')", name="status"),
        sa.CheckConstraint("(charter_version IS NULL) = (charter_accepted_at IS NULL)", name="charter_acceptance"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    employee_id: UUID
    status: str
    invited_at: datetime | None = timestamp(nullable=True)
    invited_by: str | None = None
    consented_at: datetime | None = timestamp(nullable=True)
    left_at: datetime | None = timestamp(nullable=True)
    notes: str | None = None
    preferences: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    charter_version: int | None = None
    charter_accepted_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class SocialAccountRow(SQLModel, table=True):
    __tablename__ = "social_accounts"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"], ondelete="CASCADE"
        ),
        sa.Index(
            "uq_social_accounts_tenant_id_ambassador_id_network_handle",
            "tenant_id",
            "ambassador_id",
            "network",
            sa.text("lower(handle)"),
            unique=True,
        ),
        sa.CheckConstraint("audience_size >= 0", name="audience_size"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    network: str
    handle: str
    audience_size: int
    created_at: datetime = timestamp()


class OutboxRow(SQLModel, table=True):
    """Domain events waiting to be relayed; written in the transaction that caused them."""

    __tablename__ = "outbox"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index(
            "ix_outbox_tenant_id_id_undelivered", "tenant_id", "id", postgresql_where=sa.text("delivered_at IS NULL")
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    type: str
    occurred_at: datetime = timestamp()
    data: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    recorded_at: datetime = timestamp()
    delivered_at: datetime | None = timestamp(nullable=True)


class ProgrammeSettingsRow(SQLModel, table=True):
    """One settings document per tenant; a missing row means the defaults."""

    __tablename__ = "programme_settings"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    tenant_id: UUID = Field(primary_key=True)
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    version: int
    updated_at: datetime = timestamp()


class CharterVersionRow(SQLModel, table=True):
    """Published versions of the programme charter; the highest number is the current one."""

    __tablename__ = "charter_versions"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.UniqueConstraint("tenant_id", "number"),
        sa.CheckConstraint("number >= 1", name="number"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    number: int
    title: str
    body: str
    summary: str | None = None
    published_by: str
    published_at: datetime = timestamp()


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
            "status in ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'archived')", name="status"
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


# The sharing tables live in their own module; importing it here registers them on the same
# metadata, so migrations and schema resets always see every table.
from app.adapters.postgres import sharing_tables as sharing_tables  # noqa: E402
