"""Programme settings, charter versions and the charter each ambassador accepted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "programme_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("document", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_programme_settings_version")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_programme_settings_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_programme_settings")),
    )
    op.create_table(
        "charter_versions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("summary", sa.String(), nullable=True),
        sa.Column("published_by", sa.String(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_charter_versions_number")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_charter_versions_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_charter_versions")),
        sa.UniqueConstraint("tenant_id", "number", name=op.f("uq_charter_versions_tenant_id_number")),
    )
    op.add_column("ambassadors", sa.Column("charter_version", sa.Integer(), nullable=True))
    op.add_column("ambassadors", sa.Column("charter_accepted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_check_constraint(
        op.f("ck_ambassadors_charter_acceptance"),
        "ambassadors",
        "(charter_version IS NULL) = (charter_accepted_at IS NULL)",
    )
    op.create_index(
        "ix_ambassadors_tenant_id_charter_version",
        "ambassadors",
        ["tenant_id", "charter_version"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_ambassadors_tenant_id_charter_version", table_name="ambassadors")
    op.drop_constraint(op.f("ck_ambassadors_charter_acceptance"), "ambassadors", type_="check")
    op.drop_column("ambassadors", "charter_accepted_at")
    op.drop_column("ambassadors", "charter_version")
    op.drop_table("charter_versions")
    op.drop_table("programme_settings")
