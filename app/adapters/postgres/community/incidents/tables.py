"""SQLModel tables of incidents: the incident (its assignees and exposure kept with it) and its timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class IncidentRow(SQLModel, table=True):
    """An incident; ``assignees`` is a JSON list of ``{employee_id, role}``, ``exposure`` the last
    estimate of its share's reach (null without a share)."""

    __tablename__ = "incidents"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.Index("ix_incidents_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.Index("ix_incidents_tenant_id_severity_id", "tenant_id", "severity", "id"),
        sa.CheckConstraint("status in ('open', 'in_progress', 'resolved')", name="status"),
        sa.CheckConstraint("severity in ('minor', 'moderate', 'serious', 'critical')", name="severity"),
        sa.CheckConstraint("nature in ('personal_expression', 'company_matter', 'undetermined')", name="nature"),
        sa.CheckConstraint("(status = 'resolved') = (resolved_at IS NOT NULL)", name="resolution"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    summary: str
    severity: str
    nature: str
    status: str
    share_id: UUID | None = None
    ambassador_id: UUID | None = None
    content_id: UUID | None = None
    exposure: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    assignees: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    outcome: str | None = None
    resolved_at: datetime | None = timestamp(nullable=True)
    resolved_by: str | None = None
    reported_by: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class IncidentActionRow(SQLModel, table=True):
    """One timeline entry; ``details`` holds the fields of its kind (message, grades, content, assignees...)."""

    __tablename__ = "incident_actions"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "incident_id"], ["incidents.tenant_id", "incidents.id"], ondelete="CASCADE"
        ),
        sa.Index("ix_incident_actions_tenant_id_incident_id_id", "tenant_id", "incident_id", "id"),
        sa.CheckConstraint(
            "kind in ('assessment', 'note', 'reminder', 'membership_paused', 'content_recalled', 'escalation', "
            "'resolution')",
            name="kind",
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    incident_id: UUID
    kind: str
    author: str
    at: datetime = timestamp()
    note: str | None = None
    details: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


incidents: sa.Table = IncidentRow.__table__  # type: ignore[attr-defined]
incident_actions: sa.Table = IncidentActionRow.__table__  # type: ignore[attr-defined]
