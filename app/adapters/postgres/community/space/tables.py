"""SQLModel tables of the community space: posts, their comments and their reactions."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)

# Hidden with all three of when, by whom and why, or not hidden at all.
_MODERATION = "(hidden_at is null) = (hidden_by is null) and (hidden_at is null) = (hidden_reason is null)"


class SpacePostRow(SQLModel, table=True):
    __tablename__ = "space_posts"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "author_id"], ["employees.tenant_id", "employees.id"]),
        sa.Index("ix_space_posts_tenant_id_kind_id", "tenant_id", "kind", "id"),
        sa.UniqueConstraint("tenant_id", "kudos_id"),
        sa.CheckConstraint("kind in ('discussion', 'success', 'question', 'kudos')", name="kind"),
        sa.CheckConstraint("(kind = 'kudos') = (kudos_id is not null)", name="kudos"),
        sa.CheckConstraint(_MODERATION, name="moderation"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    kind: str
    author_id: UUID | None = None
    title: str | None = None
    body: str
    flagged_terms: list[str] = texts()
    hidden_at: datetime | None = timestamp(nullable=True)
    hidden_by: str | None = None
    hidden_reason: str | None = None
    accepted_comment_id: UUID | None = None
    kudos_id: UUID | None = None
    recognised_id: UUID | None = None
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
    version: int = 0


class SpaceCommentRow(SQLModel, table=True):
    __tablename__ = "space_comments"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "post_id"], ["space_posts.tenant_id", "space_posts.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tenant_id", "author_id"], ["employees.tenant_id", "employees.id"]),
        sa.Index("ix_space_comments_tenant_id_post_id_id", "tenant_id", "post_id", "id"),
        sa.CheckConstraint(_MODERATION, name="moderation"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    post_id: UUID
    author_id: UUID
    body: str
    flagged_terms: list[str] = texts()
    hidden_at: datetime | None = timestamp(nullable=True)
    hidden_by: str | None = None
    hidden_reason: str | None = None
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
    version: int = 0


class SpaceReactionRow(SQLModel, table=True):
    __tablename__ = "space_reactions"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "post_id"], ["space_posts.tenant_id", "space_posts.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"]),
        sa.CheckConstraint("reaction in ('like', 'celebrate', 'insightful')", name="reaction"),
    )

    tenant_id: UUID = Field(primary_key=True)
    post_id: UUID = Field(primary_key=True)
    employee_id: UUID = Field(primary_key=True)
    reaction: str = Field(primary_key=True)
    reacted_at: datetime = timestamp()


space_posts: sa.Table = SpacePostRow.__table__  # type: ignore[attr-defined]
space_comments: sa.Table = SpaceCommentRow.__table__  # type: ignore[attr-defined]
space_reactions: sa.Table = SpaceReactionRow.__table__  # type: ignore[attr-defined]
