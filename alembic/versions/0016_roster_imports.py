"""Roster imports: one row per import with its dry run's counts and the roster stamp it was taken
on, and the staging rows of each import's file (unlogged) with the problems of its bad rows.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "roster_imports",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("file_kind", sa.String(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("bad_rows", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("to_create", sa.Integer(), nullable=False),
        sa.Column("to_update", sa.Integer(), nullable=False),
        sa.Column("to_terminate", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("active_employees", sa.Integer(), nullable=False),
        sa.Column("roster_stamp", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_by", sa.String(), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mass_termination_confirmed", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "file_kind in ('text/csv', 'application/x-ndjson')", name=op.f("ck_roster_imports_file_kind")
        ),
        sa.CheckConstraint("mode in ('full', 'partial')", name=op.f("ck_roster_imports_mode")),
        sa.CheckConstraint("status in ('previewed', 'applied')", name=op.f("ck_roster_imports_status")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_roster_imports_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_roster_imports")),
    )
    op.create_table(
        "roster_import_rows",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(), nullable=True),
        sa.Column("given", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("given_name", sa.String(), nullable=True),
        sa.Column("family_name", sa.String(), nullable=True),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("location", sa.String(), nullable=True),
        sa.Column("manager_external_id", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("hired_on", sa.Date(), nullable=True),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("problems", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.PrimaryKeyConstraint("tenant_id", "import_id", "line", name=op.f("pk_roster_import_rows")),
        prefixes=["UNLOGGED"],
    )
    op.create_index(
        "ix_roster_import_rows_tenant_id_import_id_line_problems",
        "roster_import_rows",
        ["tenant_id", "import_id", "line"],
        unique=False,
        postgresql_where=sa.text("problems IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_roster_import_rows_tenant_id_import_id_line_problems",
        table_name="roster_import_rows",
        postgresql_where=sa.text("problems IS NOT NULL"),
    )
    op.drop_table("roster_import_rows")
    op.drop_table("roster_imports")
