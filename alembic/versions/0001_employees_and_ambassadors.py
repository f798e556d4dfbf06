"""Tenants, employees, ambassadors, social accounts and the outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tenants",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenants")),
        sa.UniqueConstraint("slug", name=op.f("uq_tenants_slug")),
    )
    op.create_table(
        "employees",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("given_name", sa.String(), nullable=False),
        sa.Column("family_name", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("location", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("manager_id", sa.Uuid(), nullable=True),
        sa.Column("idp_subject", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("hired_on", sa.Date(), nullable=True),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status in ('active', 'terminated')", name=op.f("ck_employees_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "manager_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_employees_tenant_id_manager_id_employees"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_employees_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_employees")),
        sa.UniqueConstraint("tenant_id", "external_id", name=op.f("uq_employees_tenant_id_external_id")),
    )
    op.create_index(
        "ix_employees_tenant_id_department",
        "employees",
        ["tenant_id", "department"],
        unique=False,
    )
    op.create_index(
        "ix_employees_tenant_id_location",
        "employees",
        ["tenant_id", "location"],
        unique=False,
    )
    op.create_index(
        "ix_employees_tenant_id_status",
        "employees",
        ["tenant_id", "status"],
        unique=False,
    )
    op.create_index(
        "uq_employees_tenant_id_email",
        "employees",
        ["tenant_id", sa.literal_column("lower(email)")],
        unique=True,
    )
    op.create_index(
        "uq_employees_tenant_id_idp_subject",
        "employees",
        ["tenant_id", "idp_subject"],
        unique=True,
    )
    op.create_table(
        "outbox",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_outbox_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_outbox")),
    )
    op.create_index(
        "ix_outbox_tenant_id_id_undelivered",
        "outbox",
        ["tenant_id", "id"],
        unique=False,
        postgresql_where=sa.text("delivered_at IS NULL"),
    )
    op.create_table(
        "ambassadors",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("invited_by", sa.String(), nullable=True),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("preferences", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status in ('invited', 'active', 'paused', 'left')",
            name=op.f("ck_ambassadors_status"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_ambassadors_tenant_id_employee_id_employees"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_ambassadors")),
        sa.UniqueConstraint(
            "tenant_id",
            "employee_id",
            name=op.f("uq_ambassadors_tenant_id_employee_id"),
        ),
    )
    op.create_index(
        "ix_ambassadors_tenant_id_status",
        "ambassadors",
        ["tenant_id", "status"],
        unique=False,
    )
    op.create_table(
        "social_accounts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("handle", sa.String(), nullable=False),
        sa.Column("audience_size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("audience_size >= 0", name=op.f("ck_social_accounts_audience_size")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_social_accounts_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_social_accounts")),
    )
    op.create_index(
        "uq_social_accounts_tenant_id_ambassador_id_network_handle",
        "social_accounts",
        ["tenant_id", "ambassador_id", "network", sa.literal_column("lower(handle)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index(
        "uq_social_accounts_tenant_id_ambassador_id_network_handle",
        table_name="social_accounts",
    )
    op.drop_table("social_accounts")
    op.drop_index("ix_ambassadors_tenant_id_status", table_name="ambassadors")
    op.drop_table("ambassadors")
    op.drop_index(
        "ix_outbox_tenant_id_id_undelivered",
        table_name="outbox",
        postgresql_where=sa.text("delivered_at IS NULL"),
    )
    op.drop_table("outbox")
    op.drop_index("uq_employees_tenant_id_idp_subject", table_name="employees")
    op.drop_index("uq_employees_tenant_id_email", table_name="employees")
    op.drop_index("ix_employees_tenant_id_status", table_name="employees")
    op.drop_index("ix_employees_tenant_id_location", table_name="employees")
    op.drop_index("ix_employees_tenant_id_department", table_name="employees")
    op.drop_table("employees")
    op.drop_table("tenants")
