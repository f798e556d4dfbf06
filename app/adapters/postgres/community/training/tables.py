"""SQLModel tables of training: modules (lessons and quiz as documents) and each ambassador's progress."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class TrainingModuleRow(SQLModel, table=True):
    """A training module; its ordered lessons and its quiz (with the right answers) are JSON documents."""

    __tablename__ = "training_modules"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("ix_training_modules_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.CheckConstraint("status in ('draft', 'published', 'archived')", name="status"),
        sa.CheckConstraint("(status = 'draft') = (published_at IS NULL) OR status = 'archived'", name="published"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    title: str
    summary: str | None = None
    lessons: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    quiz: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    status: str
    created_by: str
    version: int
    published_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class TrainingProgressRow(SQLModel, table=True):
    """One ambassador's progress in one module; completed once ``completed_at`` is set."""

    __tablename__ = "training_progress"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "module_id"], ["training_modules.tenant_id", "training_modules.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.UniqueConstraint("tenant_id", "ambassador_id", "module_id"),
        sa.Index("ix_training_progress_tenant_id_module_id_id", "tenant_id", "module_id", "id"),
        # The metrics count completions made in a period along it.
        sa.Index("ix_training_progress_tenant_id_completed_at", "tenant_id", "completed_at"),
        sa.CheckConstraint("attempts >= 0", name="attempts"),
        sa.CheckConstraint("best_score IS NULL OR best_score BETWEEN 0 AND 100", name="best_score"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    module_id: UUID
    ambassador_id: UUID
    lessons_done: list[int] = Field(sa_column=Column(ARRAY(sa.Integer), nullable=False))
    attempts: int
    best_score: int | None = None
    version: int
    completed_at: datetime | None = timestamp(nullable=True)
    started_at: datetime = timestamp()
    updated_at: datetime = timestamp()
