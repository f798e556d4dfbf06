"""SQLModel tables of surveys and of the idea box.

An answer (``survey_answers``) and the fact that someone answered (``survey_respondents``) are kept
apart: for an anonymous survey the answer has no ambassador, a random id and the day only, and the
respondent row has neither a time nor any reference to the answer.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class SurveyRow(SQLModel, table=True):
    """A survey; its questions are one JSON array (``[{kind, prompt, options, multiple}]``)."""

    __tablename__ = "surveys"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("ix_surveys_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.CheckConstraint("status in ('draft', 'open', 'closed')", name="status"),
        sa.CheckConstraint("closes_at > opens_at", name="window"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    title: str
    description: str | None = None
    questions: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    target_departments: list[str] = texts()
    target_locations: list[str] = texts()
    target_languages: list[str] = texts()
    opens_at: datetime = timestamp()
    closes_at: datetime = timestamp()
    anonymous: bool
    status: str
    created_by: str
    opened_at: datetime | None = timestamp(nullable=True)
    closed_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class SurveyRespondentRow(SQLModel, table=True):
    """That an ambassador answered a survey: its key keeps them from answering twice. No time, no answer."""

    __tablename__ = "survey_respondents"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "survey_id"], ["surveys.tenant_id", "surveys.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
    )

    tenant_id: UUID = Field(primary_key=True)
    survey_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)


class SurveyAnswerRow(SQLModel, table=True):
    """One answer: its replies as a JSON array; ``ambassador_id`` null for an anonymous survey."""

    __tablename__ = "survey_answers"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "survey_id"], ["surveys.tenant_id", "surveys.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.Index("ix_survey_answers_tenant_id_survey_id", "tenant_id", "survey_id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    survey_id: UUID
    ambassador_id: UUID | None = None
    answered_on: date
    replies: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))


class IdeaRow(SQLModel, table=True):
    __tablename__ = "ideas"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"]),
        sa.Index("ix_ideas_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.Index("ix_ideas_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        sa.CheckConstraint("status in ('pending', 'accepted', 'declined')", name="status"),
        sa.CheckConstraint("(status = 'accepted') = (content_id IS NOT NULL)", name="content"),
        sa.CheckConstraint("(status = 'declined') = (reason IS NOT NULL)", name="reason"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    title: str
    body: str
    status: str
    reason: str | None = None
    content_id: UUID | None = None
    decided_by: str | None = None
    decided_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


surveys: sa.Table = SurveyRow.__table__  # type: ignore[attr-defined]
survey_respondents: sa.Table = SurveyRespondentRow.__table__  # type: ignore[attr-defined]
survey_answers: sa.Table = SurveyAnswerRow.__table__  # type: ignore[attr-defined]
ideas: sa.Table = IdeaRow.__table__  # type: ignore[attr-defined]
