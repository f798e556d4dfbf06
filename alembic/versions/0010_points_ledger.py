"""The points ledger: append-only entries, once per (source event, rule) or per entry reversed, and
each ambassador's balance (never below zero) and points ever earned beside them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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
        "uq_points_entries_tenant_id_source_event_id_rule",
        "points_entries",
        ["tenant_id", "source_event_id", "rule"],
        unique=True,
        postgresql_where=sa.text("reverses IS NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_points_entries_tenant_id_source_event_id_rule",
        table_name="points_entries",
        postgresql_where=sa.text("reverses IS NULL"),
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
    op.drop_index("ix_points_entries_tenant_id_ambassador_id_id", table_name="points_entries")
    op.drop_table("points_entries")
    op.drop_table("points_balances")
