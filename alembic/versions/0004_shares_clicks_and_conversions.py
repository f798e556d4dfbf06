"""Shares, clicks, visitor salts, ambassadors' own visitors, engagement, conversions and credits.

``shares.code`` is unique across tenants: the public redirect carries the code and no tenant.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    _shares()
    _clicks_salts_and_visitors()
    _engagement()
    _conversions()


def _shares() -> None:
    op.create_table(
        "shares",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("caption", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("destination", sa.String(), nullable=False),
        sa.Column("click_param", sa.String(), nullable=False),
        sa.Column("post_url", sa.String(), nullable=True),
        _timestamp("created_at"),
        _timestamp("posted_at", nullable=True),
        _timestamp("cancelled_at", nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status in ('intent', 'posted', 'cancelled')", name=op.f("ck_shares_status")),
        sa.CheckConstraint("(status = 'posted') = (posted_at IS NOT NULL)", name=op.f("ck_shares_posted_at")),
        sa.CheckConstraint("(status = 'cancelled') = (cancelled_at IS NOT NULL)", name=op.f("ck_shares_cancelled_at")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_shares_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_shares_tenant_id_content_id_contents"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "campaign_id"],
            ["campaigns.tenant_id", "campaigns.id"],
            name=op.f("fk_shares_tenant_id_campaign_id_campaigns"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_shares")),
        sa.UniqueConstraint("code", name=op.f("uq_shares_code")),
    )
    op.create_index(
        "uq_shares_tenant_id_ambassador_id_content_id_network_open",
        "shares",
        ["tenant_id", "ambassador_id", "content_id", "network"],
        unique=True,
        postgresql_where=sa.text("status = 'intent'"),
    )
    op.create_index(
        "ix_shares_tenant_id_ambassador_id_network_created_at",
        "shares",
        ["tenant_id", "ambassador_id", "network", "created_at"],
        unique=False,
    )
    op.create_index("ix_shares_tenant_id_content_id_id", "shares", ["tenant_id", "content_id", "id"], unique=False)
    op.create_index("ix_shares_tenant_id_campaign_id_id", "shares", ["tenant_id", "campaign_id", "id"], unique=False)


def _clicks_salts_and_visitors() -> None:
    op.create_table(
        "clicks",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        _timestamp("clicked_at"),
        sa.Column("visitor_hash", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("is_unique", sa.Boolean(), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind in ('counted', 'head', 'prefetch', 'bot')", name=op.f("ck_clicks_kind")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_clicks_tenant_id_share_id_shares"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_clicks")),
    )
    op.create_index(
        "ix_clicks_tenant_id_share_id_visitor_hash_clicked_at",
        "clicks",
        ["tenant_id", "share_id", "visitor_hash", "clicked_at"],
        unique=False,
    )
    op.create_table(
        "visitor_salts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_visitor_salts")),
    )
    op.create_table(
        "ambassador_visitors",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("visitor_hash", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_ambassador_visitors_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "ambassador_id", "day", "visitor_hash", name=op.f("pk_ambassador_visitors")
        ),
    )


def _engagement() -> None:
    op.create_table(
        "engagement_snapshots",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        _timestamp("observed_at"),
        sa.Column("impressions", sa.Integer(), nullable=False),
        sa.Column("reactions", sa.Integer(), nullable=False),
        sa.Column("comments", sa.Integer(), nullable=False),
        sa.Column("reshares", sa.Integer(), nullable=False),
        _timestamp("recorded_at"),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.CheckConstraint("impressions >= 0", name=op.f("ck_engagement_snapshots_impressions")),
        sa.CheckConstraint("reactions >= 0", name=op.f("ck_engagement_snapshots_reactions")),
        sa.CheckConstraint("comments >= 0", name=op.f("ck_engagement_snapshots_comments")),
        sa.CheckConstraint("reshares >= 0", name=op.f("ck_engagement_snapshots_reshares")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_engagement_snapshots_tenant_id_share_id_shares"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_engagement_snapshots")),
    )
    op.create_index(
        "ix_engagement_snapshots_tenant_id_share_id_observed_at",
        "engagement_snapshots",
        ["tenant_id", "share_id", "observed_at"],
        unique=False,
    )


def _conversions() -> None:
    op.create_table(
        "conversions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("external_id", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        _timestamp("occurred_at"),
        sa.Column("value_minor", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(), nullable=True),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("click_refs", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("link_code", sa.String(), nullable=True),
        sa.Column("attributed", sa.Boolean(), nullable=False),
        sa.Column("unattributed_reason", sa.String(), nullable=True),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        _timestamp("recorded_at"),
        sa.CheckConstraint(
            "type in ('lead', 'signup', 'job_application', 'hire', 'purchase', 'custom')",
            name=op.f("ck_conversions_type"),
        ),
        sa.CheckConstraint("value_minor IS NULL OR value_minor >= 0", name=op.f("ck_conversions_value_minor")),
        sa.CheckConstraint("window_days >= 1", name=op.f("ck_conversions_window_days")),
        sa.CheckConstraint("attributed = (unattributed_reason IS NULL)", name=op.f("ck_conversions_attribution")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_conversions_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_conversions")),
        sa.UniqueConstraint("tenant_id", "type", "external_id", name=op.f("uq_conversions_tenant_id_type_external_id")),
    )
    op.create_index(
        "ix_conversions_tenant_id_occurred_at_id", "conversions", ["tenant_id", "occurred_at", "id"], unique=False
    )
    op.create_table(
        "conversion_credits",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("weight_numerator", sa.Integer(), nullable=False),
        sa.Column("weight_denominator", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "weight_numerator >= 1 AND weight_denominator >= weight_numerator",
            name=op.f("ck_conversion_credits_weight"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "conversion_id"],
            ["conversions.tenant_id", "conversions.id"],
            name=op.f("fk_conversion_credits_tenant_id_conversion_id_conversions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_conversion_credits_tenant_id_share_id_shares"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "conversion_id", "share_id", name=op.f("pk_conversion_credits")),
    )
    op.create_index(
        "ix_conversion_credits_tenant_id_share_id", "conversion_credits", ["tenant_id", "share_id"], unique=False
    )
    op.create_index(
        "ix_conversion_credits_tenant_id_ambassador_id",
        "conversion_credits",
        ["tenant_id", "ambassador_id"],
        unique=False,
    )
    op.create_index(
        "ix_conversion_credits_tenant_id_campaign_id", "conversion_credits", ["tenant_id", "campaign_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("conversion_credits")
    op.drop_table("conversions")
    op.drop_table("engagement_snapshots")
    op.drop_table("ambassador_visitors")
    op.drop_table("visitor_salts")
    op.drop_table("clicks")
    op.drop_table("shares")
