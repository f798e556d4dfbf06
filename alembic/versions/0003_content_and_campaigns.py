"""Contents with their review history, campaigns and the contents in each campaign.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OBJECTIVES = "objective in ('awareness', 'leads', 'recruiting', 'engagement')"


def _texts(name: str) -> sa.Column[list[str]]:
    return sa.Column(name, postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "contents",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("objective", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("locales", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        _texts("topics"),
        sa.Column("link_url", sa.String(), nullable=True),
        sa.Column("media", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("shareable", sa.Boolean(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.Column("publish_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expire_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("live_from", sa.DateTime(timezone=True), nullable=True),
        _texts("target_departments"),
        _texts("target_locations"),
        _texts("target_languages"),
        sa.Column("proposed", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("last_edited_by", sa.String(), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status in ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'archived')",
            name=op.f("ck_contents_status"),
        ),
        sa.CheckConstraint(
            "format in ('article', 'infographic', 'video', 'testimonial', 'industry_news', 'company_life', "
            "'job_offer', 'event', 'other')",
            name=op.f("ck_contents_format"),
        ),
        sa.CheckConstraint(OBJECTIVES, name=op.f("ck_contents_objective")),
        sa.CheckConstraint("locales ? language", name=op.f("ck_contents_default_locale")),
        sa.CheckConstraint(
            "expire_at IS NULL OR publish_at IS NULL OR expire_at > publish_at", name=op.f("ck_contents_expiry")
        ),
        sa.CheckConstraint("(status = 'approved') = (live_from IS NOT NULL)", name=op.f("ck_contents_live_from")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_contents_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contents")),
    )
    op.create_index("ix_contents_tenant_id_status_id", "contents", ["tenant_id", "status", "id"], unique=False)
    op.create_index("ix_contents_tenant_id_format_id", "contents", ["tenant_id", "format", "id"], unique=False)
    op.create_index("ix_contents_tenant_id_objective_id", "contents", ["tenant_id", "objective", "id"], unique=False)
    op.create_index("ix_contents_tenant_id_created_by_id", "contents", ["tenant_id", "created_by", "id"], unique=False)
    op.create_index(
        "ix_contents_tenant_id_feed",
        "contents",
        ["tenant_id", "pinned", "important", "live_from", "id"],
        unique=False,
        postgresql_where=sa.text("status = 'approved'"),
    )
    op.create_index(
        "ix_contents_tenant_id_live_from_cadence",
        "contents",
        ["tenant_id", "live_from"],
        unique=False,
        postgresql_where=sa.text("status = 'approved' AND shareable"),
    )
    op.create_table(
        "content_history",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("from_status", sa.String(), nullable=True),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("override_cadence", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_content_history_tenant_id_content_id_contents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "content_id", "version", name=op.f("pk_content_history")),
    )
    op.create_table(
        "campaigns",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("objective", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        _texts("target_departments"),
        _texts("target_locations"),
        _texts("target_languages"),
        sa.Column("goals", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("points_multiplier", sa.Numeric(4, 2), nullable=False),
        sa.Column("is_challenge", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("launched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status in ('draft', 'launched', 'archived')", name=op.f("ck_campaigns_status")),
        sa.CheckConstraint(OBJECTIVES, name=op.f("ck_campaigns_objective")),
        sa.CheckConstraint("points_multiplier >= 1", name=op.f("ck_campaigns_points_multiplier")),
        sa.CheckConstraint(
            "ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at", name=op.f("ck_campaigns_period")
        ),
        sa.CheckConstraint("status <> 'launched' OR starts_at IS NOT NULL", name=op.f("ck_campaigns_launched_start")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_campaigns_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("tenant_id", "slug", name=op.f("uq_campaigns_tenant_id_slug")),
    )
    op.create_index(
        "ix_campaigns_tenant_id_status_starts_at", "campaigns", ["tenant_id", "status", "starts_at"], unique=False
    )
    op.create_index("ix_campaigns_tenant_id_objective_id", "campaigns", ["tenant_id", "objective", "id"], unique=False)
    op.create_table(
        "campaign_contents",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "campaign_id"],
            ["campaigns.tenant_id", "campaigns.id"],
            name=op.f("fk_campaign_contents_tenant_id_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_campaign_contents_tenant_id_content_id_contents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "campaign_id", "content_id", name=op.f("pk_campaign_contents")),
    )
    op.create_index(
        "ix_campaign_contents_tenant_id_content_id_campaign_id",
        "campaign_contents",
        ["tenant_id", "content_id", "campaign_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_contents_tenant_id_content_id_campaign_id", table_name="campaign_contents")
    op.drop_table("campaign_contents")
    op.drop_index("ix_campaigns_tenant_id_objective_id", table_name="campaigns")
    op.drop_index("ix_campaigns_tenant_id_status_starts_at", table_name="campaigns")
    op.drop_table("campaigns")
    op.drop_table("content_history")
    op.drop_index(
        "ix_contents_tenant_id_live_from_cadence",
        table_name="contents",
        postgresql_where=sa.text("status = 'approved' AND shareable"),
    )
    op.drop_index("ix_contents_tenant_id_feed", table_name="contents", postgresql_where=sa.text("status = 'approved'"))
    op.drop_index("ix_contents_tenant_id_created_by_id", table_name="contents")
    op.drop_index("ix_contents_tenant_id_objective_id", table_name="contents")
    op.drop_index("ix_contents_tenant_id_format_id", table_name="contents")
    op.drop_index("ix_contents_tenant_id_status_id", table_name="contents")
    op.drop_table("contents")
