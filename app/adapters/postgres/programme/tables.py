"""SQLModel tables of the programme: its settings document and its charter versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class ProgrammeSettingsRow(SQLModel, table=True):
    """One settings document per tenant; a missing row means the defaults."""

    __tablename__ = "programme_settings"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    tenant_id: UUID = Field(primary_key=True)
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    version: int
    updated_at: datetime = timestamp()


class CharterVersionRow(SQLModel, table=True):
    """Published versions of the programme charter; the highest number is the current one."""

    __tablename__ = "charter_versions"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.UniqueConstraint("tenant_id", "number"),
        sa.CheckConstraint("number >= 1", name="number"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    number: int
    title: str
    body: str
    summary: str | None = None
    published_by: str
    published_at: datetime = timestamp()
