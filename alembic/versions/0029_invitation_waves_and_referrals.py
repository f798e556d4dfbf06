"""Recruiting: invitation waves with the employees each named (the cohort followed through its funnel),
and referrals of a colleague by an ambassador, one per ambassador and colleague, a colleague credited to
one referral ever.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invitation_waves",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("location", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_invitation_waves")),
    )
    op.create_table(
        "invitation_wave_members",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("wave_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.CheckConstraint("outcome in ('invited', 'skipped')", name=op.f("ck_invitation_wave_members_outcome")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_invitation_wave_members_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_invitation_wave_members_tenant_id_employee_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "wave_id"],
            ["invitation_waves.tenant_id", "invitation_waves.id"],
            name=op.f("fk_invitation_wave_members_tenant_id_wave_id_invitation_waves"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "wave_id", "employee_id", name=op.f("pk_invitation_wave_members")),
    )
    op.create_table(
        "referrals",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referrer_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("(status = 'pending') = (closed_at IS NULL)", name=op.f("ck_referrals_closed_at")),
        sa.CheckConstraint("status in ('pending', 'credited', 'not_credited')", name=op.f("ck_referrals_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_referrals_tenant_id_employee_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "referrer_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_referrals_tenant_id_referrer_id_ambassadors"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_referrals")),
        sa.UniqueConstraint(
            "tenant_id", "referrer_id", "employee_id", name=op.f("uq_referrals_tenant_id_referrer_id_employee_id")
        ),
    )
    op.create_index("ix_referrals_tenant_id_employee_id", "referrals", ["tenant_id", "employee_id"], unique=False)
    op.create_index(
        "ix_referrals_tenant_id_referrer_id_id", "referrals", ["tenant_id", "referrer_id", "id"], unique=False
    )
    op.create_index(
        "uq_referrals_tenant_id_employee_id_credited",
        "referrals",
        ["tenant_id", "employee_id"],
        unique=True,
        postgresql_where=sa.text("status = 'credited'"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_referrals_tenant_id_employee_id_credited",
        table_name="referrals",
        postgresql_where=sa.text("status = 'credited'"),
    )
    op.drop_index("ix_referrals_tenant_id_referrer_id_id", table_name="referrals")
    op.drop_index("ix_referrals_tenant_id_employee_id", table_name="referrals")
    op.drop_table("referrals")
    op.drop_table("invitation_wave_members")
    op.drop_table("invitation_waves")
