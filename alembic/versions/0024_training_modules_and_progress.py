"""Training: modules (their ordered lessons and quiz as JSON documents) and each ambassador's progress
in them, one row per ambassador and module, completed once ``completed_at`` is set.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training_modules",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("summary", sa.String(), nullable=True),
        sa.Column("lessons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("quiz", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status = 'draft') = (published_at IS NULL) OR status = 'archived'",
            name=op.f("ck_training_modules_published"),
        ),
        sa.CheckConstraint("status in ('draft', 'published', 'archived')", name=op.f("ck_training_modules_status")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_training_modules_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_training_modules")),
    )
    op.create_index(
        "ix_training_modules_tenant_id_status_id", "training_modules", ["tenant_id", "status", "id"], unique=False
    )
    op.create_table(
        "training_progress",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("module_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("lessons_done", postgresql.ARRAY(sa.Integer()), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("best_score", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_training_progress_attempts")),
        sa.CheckConstraint(
            "best_score IS NULL OR best_score BETWEEN 0 AND 100", name=op.f("ck_training_progress_best_score")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_training_progress_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "module_id"],
            ["training_modules.tenant_id", "training_modules.id"],
            name=op.f("fk_training_progress_tenant_id_module_id_training_modules"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_training_progress")),
        sa.UniqueConstraint(
            "tenant_id",
            "ambassador_id",
            "module_id",
            name=op.f("uq_training_progress_tenant_id_ambassador_id_module_id"),
        ),
    )
    op.create_index(
        "ix_training_progress_tenant_id_completed_at",
        "training_progress",
        ["tenant_id", "completed_at"],
        unique=False,
    )
    op.create_index(
        "ix_training_progress_tenant_id_module_id_id",
        "training_progress",
        ["tenant_id", "module_id", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_training_progress_tenant_id_module_id_id", table_name="training_progress")
    op.drop_index("ix_training_progress_tenant_id_completed_at", table_name="training_progress")
    op.drop_table("training_progress")
    op.drop_index("ix_training_modules_tenant_id_status_id", table_name="training_modules")
    op.drop_table("training_modules")
