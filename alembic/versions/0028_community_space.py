"""The community space: posts (discussions, successes, questions and kudos) with their moderation and
flagged terms, their comments, and each person's reactions; comments and reactions go with their post.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "space_posts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("flagged_terms", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("hidden_by", sa.String(), nullable=True),
        sa.Column("hidden_reason", sa.String(), nullable=True),
        sa.Column("accepted_comment_id", sa.Uuid(), nullable=True),
        sa.Column("kudos_id", sa.Uuid(), nullable=True),
        sa.Column("recognised_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("(kind = 'kudos') = (kudos_id is not null)", name=op.f("ck_space_posts_kudos")),
        sa.CheckConstraint("kind in ('discussion', 'success', 'question', 'kudos')", name=op.f("ck_space_posts_kind")),
        sa.CheckConstraint(
            "(hidden_at is null) = (hidden_by is null) and (hidden_at is null) = (hidden_reason is null)",
            name=op.f("ck_space_posts_moderation"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "author_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_space_posts_tenant_id_author_id_employees"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_space_posts_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_space_posts")),
        sa.UniqueConstraint("tenant_id", "kudos_id", name=op.f("uq_space_posts_tenant_id_kudos_id")),
    )
    op.create_index("ix_space_posts_tenant_id_kind_id", "space_posts", ["tenant_id", "kind", "id"], unique=False)
    op.create_table(
        "space_comments",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("flagged_terms", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("hidden_by", sa.String(), nullable=True),
        sa.Column("hidden_reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(hidden_at is null) = (hidden_by is null) and (hidden_at is null) = (hidden_reason is null)",
            name=op.f("ck_space_comments_moderation"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "author_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_space_comments_tenant_id_author_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "post_id"],
            ["space_posts.tenant_id", "space_posts.id"],
            name=op.f("fk_space_comments_tenant_id_post_id_space_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_space_comments")),
    )
    op.create_index(
        "ix_space_comments_tenant_id_post_id_id", "space_comments", ["tenant_id", "post_id", "id"], unique=False
    )
    op.create_table(
        "space_reactions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("reaction", sa.String(), nullable=False),
        sa.Column("reacted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("reaction in ('like', 'celebrate', 'insightful')", name=op.f("ck_space_reactions_reaction")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["employees.tenant_id", "employees.id"],
            name=op.f("fk_space_reactions_tenant_id_employee_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "post_id"],
            ["space_posts.tenant_id", "space_posts.id"],
            name=op.f("fk_space_reactions_tenant_id_post_id_space_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "post_id", "employee_id", "reaction", name=op.f("pk_space_reactions")),
    )


def downgrade() -> None:
    op.drop_table("space_reactions")
    op.drop_index("ix_space_comments_tenant_id_post_id_id", table_name="space_comments")
    op.drop_table("space_comments")
    op.drop_index("ix_space_posts_tenant_id_kind_id", table_name="space_posts")
    op.drop_table("space_posts")
