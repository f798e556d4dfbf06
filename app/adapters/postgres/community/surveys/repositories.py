"""PostgreSQL repositories of surveys (with their answers) and of ideas, scoped to the unit of work's tenant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.community.surveys.mappers import (
    idea_from_row,
    idea_values,
    reply_json,
    reply_of,
    survey_from_row,
    survey_values,
)
from app.adapters.postgres.community.surveys.tables import ideas, survey_answers, survey_respondents, surveys
from app.adapters.postgres.repository import _Repository
from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.community.surveys import Survey, SurveyStatus
from app.domain.community.surveys_answers import Reply, Respondent, SurveyAnswer
from app.domain.content.targeting import language_ranges_of
from app.ports.community_surveys import Audience
from app.ports.pagination import Page, PageRequest

_s = surveys.c
_r = survey_respondents.c
_a = survey_answers.c
_i = ideas.c
_FIXED_SURVEY = ("tenant_id", "id", "created_at", "created_by")
_FIXED_IDEA = ("tenant_id", "id", "created_at", "ambassador_id")


class PostgresSurveyRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(surveys).where(_s.tenant_id == self._tenant_id)

    async def add(self, survey: Survey) -> None:
        self._require_own(survey.tenant_id)
        await self._write(sa.insert(surveys).values(survey_values(survey)), survey)

    async def save(self, survey: Survey) -> None:
        self._require_own(survey.tenant_id)
        values = {k: v for k, v in survey_values(survey).items() if k not in _FIXED_SURVEY}
        statement = sa.update(surveys).where(_s.tenant_id == self._tenant_id, _s.id == survey.id).values(values)
        await self._write(statement, survey)

    async def get(self, survey_id: UUID, *, for_update: bool = False) -> Survey | None:
        statement = self._select().where(_s.id == survey_id)
        return await self._one(statement.with_for_update() if for_update else statement, survey_from_row)

    async def list(self, status: SurveyStatus | None, page: PageRequest) -> Page[Survey]:
        statement = self._select()
        if status is not None:
            statement = statement.where(_s.status == status.value)
        return await self._page(statement, _s.id, page, survey_from_row)

    async def list_open_for(self, audience: Audience, now: datetime, page: PageRequest) -> Page[Survey]:
        answered = sa.exists().where(
            _r.tenant_id == _s.tenant_id, _r.survey_id == _s.id, _r.ambassador_id == audience.ambassador_id
        )
        ranges = list(language_ranges_of(audience.language)) if audience.language else []
        statement = self._select().where(
            _s.status == SurveyStatus.OPEN.value,
            _s.opens_at <= now,
            _s.closes_at > now,
            _targets(_s.target_departments, audience.department),
            _targets(_s.target_locations, audience.location),
            sa.or_(
                sa.func.cardinality(_s.target_languages) == 0,
                _s.target_languages.overlap(sa.cast(sa.literal(ranges), _s.target_languages.type)),
            ),
            ~answered,
        )
        return await self._page(statement, _s.id, page, survey_from_row)

    async def add_answer(self, respondent: Respondent, answer: SurveyAnswer) -> None:
        self._require_own(respondent.tenant_id)
        self._require_own(answer.tenant_id)
        await self._write(
            sa.insert(survey_respondents).values(
                tenant_id=respondent.tenant_id, survey_id=respondent.survey_id, ambassador_id=respondent.ambassador_id
            ),
            respondent,
        )
        await self._write(
            sa.insert(survey_answers).values(
                tenant_id=answer.tenant_id,
                id=answer.id,
                survey_id=answer.survey_id,
                ambassador_id=answer.ambassador_id,
                answered_on=answer.answered_on,
                replies=[reply_json(reply) for reply in answer.replies],
            )
        )

    async def has_answered(self, survey_id: UUID, ambassador_id: UUID) -> bool:
        statement = sa.select(sa.literal(True)).where(
            _r.tenant_id == self._tenant_id, _r.survey_id == survey_id, _r.ambassador_id == ambassador_id
        )
        return (await self._session.execute(statement)).first() is not None

    async def replies(self, survey_id: UUID) -> Sequence[tuple[Reply, ...]]:
        statement = sa.select(_a.replies).where(_a.tenant_id == self._tenant_id, _a.survey_id == survey_id)
        rows = (await self._session.execute(statement)).scalars().all()
        return [tuple(reply_of(item) for item in replies) for replies in rows]


def _targets(column: Any, value: str | None) -> sa.ColumnElement[bool]:
    """An empty list lets everyone in; otherwise the person's value must be in it."""
    everyone = sa.func.cardinality(column) == 0
    if value is None:
        return everyone
    return sa.or_(everyone, sa.literal(value) == sa.func.any(column))


class PostgresIdeaRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(ideas).where(_i.tenant_id == self._tenant_id)

    async def add(self, idea: Idea) -> None:
        self._require_own(idea.tenant_id)
        await self._write(sa.insert(ideas).values(idea_values(idea)), idea)

    async def save(self, idea: Idea) -> None:
        self._require_own(idea.tenant_id)
        values = {k: v for k, v in idea_values(idea).items() if k not in _FIXED_IDEA}
        statement = sa.update(ideas).where(_i.tenant_id == self._tenant_id, _i.id == idea.id).values(values)
        await self._write(statement, idea)

    async def get(self, idea_id: UUID, *, for_update: bool = False) -> Idea | None:
        statement = self._select().where(_i.id == idea_id)
        return await self._one(statement.with_for_update() if for_update else statement, idea_from_row)

    async def list(self, status: IdeaStatus | None, ambassador_id: UUID | None, page: PageRequest) -> Page[Idea]:
        statement = self._select()
        if status is not None:
            statement = statement.where(_i.status == status.value)
        if ambassador_id is not None:
            statement = statement.where(_i.ambassador_id == ambassador_id)
        return await self._page(statement, _i.id, page, idea_from_row)
