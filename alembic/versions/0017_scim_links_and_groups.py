"""SCIM provisioning: the links between employees and the identity provider that manages them (its
userName, unique per tenant without regard to case, and its own id for them), and the groups it pushes
(departments).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scim_links",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_scim_links_tenant_id_employee_id_employees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "employee_id", name=op.f("pk_scim_links")),
    )
    op.create_index(
        "ix_scim_links_tenant_id_created_at_employee_id",
        "scim_links",
        ["tenant_id", "created_at", "employee_id"],
        unique=False,
    )
    op.create_index("ix_scim_links_tenant_id_external_id", "scim_links", ["tenant_id", "external_id"], unique=False)
    op.create_index(
        "uq_scim_links_tenant_id_user_name",
        "scim_links",
        ["tenant_id", sa.literal_column("lower(user_name)")],
        unique=True,
    )

    op.create_table(
        "scim_groups",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_scim_groups_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_scim_groups")),
    )
    op.create_index(
        "ix_scim_groups_tenant_id_created_at_id", "scim_groups", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "uq_scim_groups_tenant_id_display_name",
        "scim_groups",
        ["tenant_id", sa.literal_column("lower(display_name)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_scim_groups_tenant_id_display_name", table_name="scim_groups")
    op.drop_index("ix_scim_groups_tenant_id_created_at_id", table_name="scim_groups")
    op.drop_table("scim_groups")
    op.drop_index("uq_scim_links_tenant_id_user_name", table_name="scim_links")
    op.drop_index("ix_scim_links_tenant_id_external_id", table_name="scim_links")
    op.drop_index("ix_scim_links_tenant_id_created_at_employee_id", table_name="scim_links")
    op.drop_table("scim_links")
