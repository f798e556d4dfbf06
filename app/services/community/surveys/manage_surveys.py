"""Write, open and close surveys (staff), and read them (staff: all; ambassadors: those open to them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.community.surveys import Survey, SurveyFields, SurveyStatus
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.surveys.access import (
    AMBASSADORS,
    SURVEY_READERS,
    SURVEY_STAFF,
    is_reader,
    member_audience,
    survey_for_change,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateSurveyCommand:
    survey_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyTransitionCommand:
    survey_id: UUID
    expected_version: int | None = None


class CreateSurvey(UseCase):
    """Staff (admin, manager) write a survey as a draft: 1 to 30 questions, a window, a targeting (empty:
    every member) and whether it is anonymous."""

    async def __call__(self, principal: Principal, fields: SurveyFields) -> Survey:
        principal.require_any(SURVEY_STAFF)
        tenant_id = principal.require_tenant()
        survey = Survey.create(
            id=self._ids.new_id(), tenant_id=tenant_id, fields=fields, author=principal.subject, now=self._clock.now()
        )
        async with self._uow(tenant_id) as uow:
            await uow.surveys.add(survey)
            await uow.commit()
        return survey


class UpdateSurvey(UseCase):
    """Staff only, and only a draft (``invalid-transition`` once opened)."""

    async def __call__(self, principal: Principal, command: UpdateSurveyCommand) -> Survey:
        principal.require_any(SURVEY_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            survey = await survey_for_change(uow, command.survey_id, command.expected_version)
            survey.edit(command.changes, self._clock.now())
            await uow.surveys.save(survey)
            await uow.commit()
        return survey


class OpenSurvey(UseCase):
    """Staff open a draft to its audience (answers are taken inside its window); refused once its window
    has ended (``survey-not-open``)."""

    async def __call__(self, principal: Principal, command: SurveyTransitionCommand) -> Survey:
        principal.require_any(SURVEY_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            survey = await survey_for_change(uow, command.survey_id, command.expected_version)
            survey.open(self._clock.now())
            await uow.surveys.save(survey)
            await uow.commit()
        return survey


class CloseSurvey(UseCase):
    """Staff close an open survey before its window ends; it takes no more answers."""

    async def __call__(self, principal: Principal, command: SurveyTransitionCommand) -> Survey:
        principal.require_any(SURVEY_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            survey = await survey_for_change(uow, command.survey_id, command.expected_version)
            survey.close(self._clock.now())
            await uow.surveys.save(survey)
            await uow.commit()
        return survey


class GetSurvey(UseCase):
    """Staff and analysts read any survey; an ambassador only one open to them now (others read as missing)."""

    async def __call__(self, principal: Principal, survey_id: UUID) -> Survey:
        if is_reader(principal):
            async with self._uow(principal.require_tenant()) as uow:
                survey = await uow.surveys.get(survey_id)
            if survey is None:
                raise NotFound("survey", survey_id)
            return survey
        principal.require_any(SURVEY_READERS | AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            audience = await member_audience(uow, principal, now)
            survey = await uow.surveys.get(survey_id)
        targeted = survey is not None and survey.fields.targeting.includes(
            department=audience.department, location=audience.location, language=audience.language
        )
        if survey is None or not targeted or not survey.accepts_answers_at(now):
            raise NotFound("survey", survey_id)
        return survey


class ListSurveys(UseCase):
    """Staff and analysts page through every survey, filtered by status."""

    async def __call__(self, principal: Principal, status: SurveyStatus | None, page: PageRequest) -> Page[Survey]:
        principal.require_any(SURVEY_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.surveys.list(status, page)


class ListMySurveys(UseCase):
    """An ambassador's surveys to answer: open, inside their window, targeting them, not answered yet."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[Survey]:
        principal.require_any(AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            audience = await member_audience(uow, principal, now)
            return await uow.surveys.list_open_for(audience, now, page)
