"""Rewards: the points ledger (append-only entries, once per source event, rule and share or per entry
reversed), each ambassador's balance (never below zero) and points ever earned, the versions of the
reward rules, and the conversions reported invalid.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reward_rule_sets",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rules", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("velocity_guard", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_reward_rule_sets_version")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_reward_rule_sets_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "version", name=op.f("pk_reward_rule_sets")),
    )
    op.create_table(
        "conversion_invalidations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("invalidated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("invalidated_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "conversion_id"],
            ["conversions.tenant_id", "conversions.id"],
            name=op.f("fk_conversion_invalidations_tenant_id_conversion_id_conversions"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "conversion_id", name=op.f("pk_conversion_invalidations")),
    )
    op.create_table(
        "points_balances",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("earned", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("balance >= 0", name=op.f("ck_points_balances_balance")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_points_balances_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ambassador_id", name=op.f("pk_points_balances")),
    )
    op.create_table(
        "points_entries",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.Column("rule_set_version", sa.Integer(), nullable=True),
        sa.Column("source_event_id", sa.Uuid(), nullable=True),
        sa.Column("source_event_type", sa.String(), nullable=True),
        sa.Column("share_id", sa.Uuid(), nullable=True),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("conversion_id", sa.Uuid(), nullable=True),
        sa.Column("multiplier", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("cap_hit", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("reverses", sa.Uuid(), nullable=True),
        sa.Column("actor", sa.String(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("(kind = 'reversal') = (reverses IS NOT NULL)", name=op.f("ck_points_entries_reverses")),
        sa.CheckConstraint("cap_hit IS NULL OR cap_hit in ('daily', 'share')", name=op.f("ck_points_entries_cap_hit")),
        sa.CheckConstraint(
            "kind in ('award', 'reversal', 'adjustment', 'redemption', 'refund', 'donation')",
            name=op.f("ck_points_entries_kind"),
        ),
        sa.CheckConstraint(
            "status in ('credited', 'withheld', 'released', 'reversed')", name=op.f("ck_points_entries_status")
        ),
        sa.CheckConstraint("multiplier > 0", name=op.f("ck_points_entries_multiplier")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_points_entries_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "reverses"],
            ["points_entries.tenant_id", "points_entries.id"],
            name=op.f("fk_points_entries_tenant_id_reverses_points_entries"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_points_entries")),
    )
    op.create_index(
        "ix_points_entries_tenant_id_ambassador_id_id",
        "points_entries",
        ["tenant_id", "ambassador_id", "id"],
        unique=False,
    )
    op.create_index(
        "ix_points_entries_tenant_id_conversion_id",
        "points_entries",
        ["tenant_id", "conversion_id"],
        unique=False,
        postgresql_where=sa.text("conversion_id IS NOT NULL"),
    )
    op.create_index(
        "ix_points_entries_tenant_id_share_id",
        "points_entries",
        ["tenant_id", "share_id"],
        unique=False,
        postgresql_where=sa.text("share_id IS NOT NULL"),
    )
    op.create_index(
        "ix_points_entries_tenant_id_withheld",
        "points_entries",
        ["tenant_id", "id"],
        unique=False,
        postgresql_where=sa.text("status = 'withheld'"),
    )
    op.create_index(
        "uq_points_entries_tenant_id_reverses",
        "points_entries",
        ["tenant_id", "reverses"],
        unique=True,
        postgresql_where=sa.text("reverses IS NOT NULL"),
    )
    op.create_index(
        "uq_points_entries_tenant_id_source_event_id_rule_share_id",
        "points_entries",
        ["tenant_id", "source_event_id", "rule", "share_id"],
        unique=True,
        postgresql_where=sa.text("source_event_id IS NOT NULL AND reverses IS NULL"),
        postgresql_nulls_not_distinct=True,
    )


def downgrade() -> None:
    op.drop_index(
        "uq_points_entries_tenant_id_source_event_id_rule_share_id",
        table_name="points_entries",
        postgresql_where=sa.text("source_event_id IS NOT NULL AND reverses IS NULL"),
        postgresql_nulls_not_distinct=True,
    )
    op.drop_index(
        "uq_points_entries_tenant_id_reverses",
        table_name="points_entries",
        postgresql_where=sa.text("reverses IS NOT NULL"),
    )
    op.drop_index(
        "ix_points_entries_tenant_id_withheld",
        table_name="points_entries",
        postgresql_where=sa.text("status = 'withheld'"),
    )
    op.drop_index(
        "ix_points_entries_tenant_id_share_id",
        table_name="points_entries",
        postgresql_where=sa.text("share_id IS NOT NULL"),
    )
    op.drop_index(
        "ix_points_entries_tenant_id_conversion_id",
        table_name="points_entries",
        postgresql_where=sa.text("conversion_id IS NOT NULL"),
    )
    op.drop_index("ix_points_entries_tenant_id_ambassador_id_id", table_name="points_entries")
    op.drop_table("points_entries")
    op.drop_table("points_balances")
    op.drop_table("conversion_invalidations")
    op.drop_table("reward_rule_sets")
