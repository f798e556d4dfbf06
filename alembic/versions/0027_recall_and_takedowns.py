"""Recall: a content's ``recalled`` status with who recalled it, when and why, and the take-downs table.

``contents`` gains ``recalled_at``, ``recalled_by`` and ``recall_reason``, set exactly when its status is
``recalled`` (a status its check now allows). ``takedowns`` holds one row per posted share of a recalled
content (unique per share), listed by ambassador and by content.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status in ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'archived'"
RECALL = "(status = 'recalled') = (recalled_at IS NOT NULL AND recalled_by IS NOT NULL AND recall_reason IS NOT NULL)"


def upgrade() -> None:
    op.create_table(
        "takedowns",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("post_url", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status = 'confirmed') = (confirmed_at IS NOT NULL)", name=op.f("ck_takedowns_confirmed_at")
        ),
        sa.CheckConstraint("status in ('pending', 'confirmed')", name=op.f("ck_takedowns_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_takedowns_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_takedowns_tenant_id_content_id_contents"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_takedowns_tenant_id_share_id_shares"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_takedowns")),
        sa.UniqueConstraint("tenant_id", "share_id", name=op.f("uq_takedowns_tenant_id_share_id")),
    )
    op.create_index(
        "ix_takedowns_tenant_id_ambassador_id_id", "takedowns", ["tenant_id", "ambassador_id", "id"], unique=False
    )
    op.create_index(
        "ix_takedowns_tenant_id_content_id_id", "takedowns", ["tenant_id", "content_id", "id"], unique=False
    )
    op.add_column("contents", sa.Column("recalled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("contents", sa.Column("recalled_by", sa.String(), nullable=True))
    op.add_column("contents", sa.Column("recall_reason", sa.String(), nullable=True))
    op.drop_constraint(op.f("ck_contents_status"), "contents", type_="check")
    op.create_check_constraint(op.f("ck_contents_status"), "contents", STATUSES + ", 'recalled')")
    op.create_check_constraint(op.f("ck_contents_recall"), "contents", RECALL)


def downgrade() -> None:
    op.drop_constraint(op.f("ck_contents_recall"), "contents", type_="check")
    op.execute("UPDATE contents SET status = 'archived' WHERE status = 'recalled'")
    op.drop_constraint(op.f("ck_contents_status"), "contents", type_="check")
    op.create_check_constraint(op.f("ck_contents_status"), "contents", STATUSES + ")")
    op.drop_column("contents", "recall_reason")
    op.drop_column("contents", "recalled_by")
    op.drop_column("contents", "recalled_at")
    op.drop_index("ix_takedowns_tenant_id_content_id_id", table_name="takedowns")
    op.drop_index("ix_takedowns_tenant_id_ambassador_id_id", table_name="takedowns")
    op.drop_table("takedowns")
