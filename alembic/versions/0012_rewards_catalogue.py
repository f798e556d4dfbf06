"""The rewards catalogue: rewards (with their stock, never below zero), redemptions and the ledger
entries that spent and refunded their points, the associations ambassadors donate to and their
donations, and kudos.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "associations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("website", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status in ('active', 'archived')", name=op.f("ck_associations_status")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_associations_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_associations")),
    )
    op.create_index("ix_associations_tenant_id_status_id", "associations", ["tenant_id", "status", "id"], unique=False)
    op.create_table(
        "rewards",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("per_person_limit", sa.Integer(), nullable=True),
        sa.Column("available_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("available_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("requires_approval", sa.Boolean(), nullable=False),
        sa.Column("association_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(kind = 'donation') = (association_id IS NOT NULL)", name=op.f("ck_rewards_association")),
        sa.CheckConstraint("kind in ('gift', 'experience', 'donation')", name=op.f("ck_rewards_kind")),
        sa.CheckConstraint("status in ('active', 'archived')", name=op.f("ck_rewards_status")),
        sa.CheckConstraint(
            "available_from IS NULL OR available_until IS NULL OR available_until > available_from",
            name=op.f("ck_rewards_window"),
        ),
        sa.CheckConstraint("cost > 0", name=op.f("ck_rewards_cost")),
        sa.CheckConstraint(
            "per_person_limit IS NULL OR per_person_limit > 0", name=op.f("ck_rewards_per_person_limit")
        ),
        sa.CheckConstraint("stock IS NULL OR stock >= 0", name=op.f("ck_rewards_stock")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "association_id"],
            ["associations.tenant_id", "associations.id"],
            name=op.f("fk_rewards_tenant_id_association_id_associations"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_rewards_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_rewards")),
    )
    op.create_index("ix_rewards_tenant_id_status_id", "rewards", ["tenant_id", "status", "id"], unique=False)
    op.create_table(
        "kudos",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("message", sa.String(), nullable=False),
        sa.Column("sent_by", sa.String(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_kudos_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_kudos")),
    )
    op.create_index("ix_kudos_tenant_id_ambassador_id_id", "kudos", ["tenant_id", "ambassador_id", "id"], unique=False)
    op.create_table(
        "donations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("association_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("points > 0", name=op.f("ck_donations_points")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_donations_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "association_id"],
            ["associations.tenant_id", "associations.id"],
            name=op.f("fk_donations_tenant_id_association_id_associations"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entry_id"],
            ["points_entries.tenant_id", "points_entries.id"],
            name=op.f("fk_donations_tenant_id_entry_id_points_entries"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_donations")),
    )
    op.create_index(
        "ix_donations_tenant_id_ambassador_id_id", "donations", ["tenant_id", "ambassador_id", "id"], unique=False
    )
    op.create_index("ix_donations_tenant_id_association_id", "donations", ["tenant_id", "association_id"], unique=False)
    op.create_table(
        "redemptions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reward_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("spend_entry_id", sa.Uuid(), nullable=False),
        sa.Column("refund_entry_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fulfilled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status in ('rejected', 'cancelled')) = (refund_entry_id IS NOT NULL)", name=op.f("ck_redemptions_refund")
        ),
        sa.CheckConstraint(
            "status in ('requested', 'approved', 'fulfilled', 'rejected', 'cancelled')",
            name=op.f("ck_redemptions_status"),
        ),
        sa.CheckConstraint("points > 0", name=op.f("ck_redemptions_points")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_redemptions_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "refund_entry_id"],
            ["points_entries.tenant_id", "points_entries.id"],
            name=op.f("fk_redemptions_tenant_id_refund_entry_id_points_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "reward_id"],
            ["rewards.tenant_id", "rewards.id"],
            name=op.f("fk_redemptions_tenant_id_reward_id_rewards"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "spend_entry_id"],
            ["points_entries.tenant_id", "points_entries.id"],
            name=op.f("fk_redemptions_tenant_id_spend_entry_id_points_entries"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_redemptions")),
    )
    op.create_index(
        "ix_redemptions_tenant_id_ambassador_id_id", "redemptions", ["tenant_id", "ambassador_id", "id"], unique=False
    )
    op.create_index(
        "ix_redemptions_tenant_id_reward_id_ambassador_id",
        "redemptions",
        ["tenant_id", "reward_id", "ambassador_id"],
        unique=False,
    )
    op.create_index("ix_redemptions_tenant_id_status_id", "redemptions", ["tenant_id", "status", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_redemptions_tenant_id_status_id", table_name="redemptions")
    op.drop_index("ix_redemptions_tenant_id_reward_id_ambassador_id", table_name="redemptions")
    op.drop_index("ix_redemptions_tenant_id_ambassador_id_id", table_name="redemptions")
    op.drop_table("redemptions")
    op.drop_index("ix_donations_tenant_id_association_id", table_name="donations")
    op.drop_index("ix_donations_tenant_id_ambassador_id_id", table_name="donations")
    op.drop_table("donations")
    op.drop_index("ix_kudos_tenant_id_ambassador_id_id", table_name="kudos")
    op.drop_table("kudos")
    op.drop_index("ix_rewards_tenant_id_status_id", table_name="rewards")
    op.drop_table("rewards")
    op.drop_index("ix_associations_tenant_id_status_id", table_name="associations")
    op.drop_table("associations")
