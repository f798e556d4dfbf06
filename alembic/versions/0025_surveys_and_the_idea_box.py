"""Surveys and the idea box: surveys with their questions, targeting and window; their answers and
their respondents, kept apart (an anonymous answer has no ambassador and nothing that links it to the
respondent row); and ideas, each linked to the draft content made of it once accepted.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("questions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("target_departments", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("target_locations", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("target_languages", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status in ('draft', 'open', 'closed')", name=op.f("ck_surveys_status")),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_surveys_window")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_surveys_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_surveys")),
    )
    op.create_index("ix_surveys_tenant_id_status_id", "surveys", ["tenant_id", "status", "id"], unique=False)
    op.create_table(
        "ideas",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("content_id", sa.Uuid(), nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(status = 'accepted') = (content_id IS NOT NULL)", name=op.f("ck_ideas_content")),
        sa.CheckConstraint("(status = 'declined') = (reason IS NOT NULL)", name=op.f("ck_ideas_reason")),
        sa.CheckConstraint("status in ('pending', 'accepted', 'declined')", name=op.f("ck_ideas_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_ideas_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_ideas_tenant_id_content_id_contents"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_ideas")),
    )
    op.create_index("ix_ideas_tenant_id_ambassador_id_id", "ideas", ["tenant_id", "ambassador_id", "id"], unique=False)
    op.create_index("ix_ideas_tenant_id_status_id", "ideas", ["tenant_id", "status", "id"], unique=False)
    op.create_table(
        "survey_answers",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("replies", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_survey_answers_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "survey_id"],
            ["surveys.tenant_id", "surveys.id"],
            name=op.f("fk_survey_answers_tenant_id_survey_id_surveys"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_survey_answers")),
    )
    op.create_index("ix_survey_answers_tenant_id_survey_id", "survey_answers", ["tenant_id", "survey_id"], unique=False)
    op.create_table(
        "survey_respondents",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_survey_respondents_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "survey_id"],
            ["surveys.tenant_id", "surveys.id"],
            name=op.f("fk_survey_respondents_tenant_id_survey_id_surveys"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "survey_id", "ambassador_id", name=op.f("pk_survey_respondents")),
    )


def downgrade() -> None:
    op.drop_table("survey_respondents")
    op.drop_index("ix_survey_answers_tenant_id_survey_id", table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_index("ix_ideas_tenant_id_status_id", table_name="ideas")
    op.drop_index("ix_ideas_tenant_id_ambassador_id_id", table_name="ideas")
    op.drop_table("ideas")
    op.drop_index("ix_surveys_tenant_id_status_id", table_name="surveys")
    op.drop_table("surveys")
