"""Incidents: the incident (its assignees and its exposure kept with it as JSON) and the entries of its
timeline, each with its author and time. Both keyed by tenant first.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("severity", sa.String(), nullable=False),
        sa.Column("nature", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=True),
        sa.Column("ambassador_id", sa.Uuid(), nullable=True),
        sa.Column("content_id", sa.Uuid(), nullable=True),
        sa.Column("exposure", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("assignees", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(), nullable=True),
        sa.Column("reported_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(status = 'resolved') = (resolved_at IS NOT NULL)", name=op.f("ck_incidents_resolution")),
        sa.CheckConstraint(
            "nature in ('personal_expression', 'company_matter', 'undetermined')", name=op.f("ck_incidents_nature")
        ),
        sa.CheckConstraint(
            "severity in ('minor', 'moderate', 'serious', 'critical')", name=op.f("ck_incidents_severity")
        ),
        sa.CheckConstraint("status in ('open', 'in_progress', 'resolved')", name=op.f("ck_incidents_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_incidents_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_incidents_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_incidents")),
    )
    op.create_index("ix_incidents_tenant_id_severity_id", "incidents", ["tenant_id", "severity", "id"], unique=False)
    op.create_index("ix_incidents_tenant_id_status_id", "incidents", ["tenant_id", "status", "id"], unique=False)
    op.create_table(
        "incident_actions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.CheckConstraint(
            "kind in ('assessment', 'note', 'reminder', 'membership_paused', 'content_recalled', 'escalation', "
            "'resolution')",
            name=op.f("ck_incident_actions_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "incident_id"],
            ["incidents.tenant_id", "incidents.id"],
            name=op.f("fk_incident_actions_tenant_id_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_incident_actions")),
    )
    op.create_index(
        "ix_incident_actions_tenant_id_incident_id_id",
        "incident_actions",
        ["tenant_id", "incident_id", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_incident_actions_tenant_id_incident_id_id", table_name="incident_actions")
    op.drop_table("incident_actions")
    op.drop_index("ix_incidents_tenant_id_status_id", table_name="incidents")
    op.drop_index("ix_incidents_tenant_id_severity_id", table_name="incidents")
    op.drop_table("incidents")
