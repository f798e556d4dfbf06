"""Surveys, their answers and the idea box in memory, refusing what the PostgreSQL tables' keys refuse.

Rows share one table of the fake database, keyed by kind first: ``("survey", tenant, id)``,
``("respondent", tenant, survey, ambassador)``, ``("answer", tenant, id)`` and ``("idea", tenant, id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.community.surveys import Survey, SurveyAlreadyAnswered, SurveyStatus
from app.domain.community.surveys_answers import Reply, Respondent, SurveyAnswer
from app.ports.community_surveys import Audience
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(row: Any) -> Any:
    return replace(row, pending_events=[])


class _Rows(_Repository):
    def _rows(self, kind: str) -> list[Any]:
        table = self._tx.surveys
        return [table.get(key) for key in table.stored_keys() if key[0] == kind and key[1] == self._tenant_id]

    def _require_ambassador(self, ambassador_id: UUID | None) -> None:
        if ambassador_id is not None and self._tx.ambassadors.get((self._tenant_id, ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {ambassador_id}.")


class FakeSurveyRepository(_Rows):
    async def add(self, survey: Survey) -> None:
        self._require_own(survey.tenant_id)
        self._require_tenant_row(survey.tenant_id)
        if self._tx.surveys.get(("survey", survey.tenant_id, survey.id)) is not None:
            raise IntegrityViolationError(f"Survey {survey.id} already exists.")
        self._tx.surveys.put(("survey", survey.tenant_id, survey.id), _copy(survey))
        self._tracker.track(survey)

    async def save(self, survey: Survey) -> None:
        self._require_own(survey.tenant_id)
        self._tx.surveys.put(("survey", survey.tenant_id, survey.id), _copy(survey))
        self._tracker.track(survey)

    async def get(self, survey_id: UUID, *, for_update: bool = False) -> Survey | None:
        found = self._tx.surveys.get(("survey", self._tenant_id, survey_id))
        return _copy(found) if found is not None else None

    async def list(self, status: SurveyStatus | None, page: PageRequest) -> Page[Survey]:
        rows = [r for r in self._rows("survey") if status is None or r.status is status]
        return keyset_page([_copy(r) for r in rows], page)

    async def list_open_for(self, audience: Audience, now: datetime, page: PageRequest) -> Page[Survey]:
        rows = [
            r
            for r in self._rows("survey")
            if r.accepts_answers_at(now)
            and r.fields.targeting.includes(
                department=audience.department, location=audience.location, language=audience.language
            )
            and self._tx.surveys.get(("respondent", self._tenant_id, r.id, audience.ambassador_id)) is None
        ]
        return keyset_page([_copy(r) for r in rows], page)

    async def add_answer(self, respondent: Respondent, answer: SurveyAnswer) -> None:
        self._require_own(respondent.tenant_id)
        self._require_own(answer.tenant_id)
        if self._tx.surveys.get(("survey", self._tenant_id, respondent.survey_id)) is None:
            raise IntegrityViolationError(f"No survey {respondent.survey_id}.")
        self._require_ambassador(respondent.ambassador_id)
        self._require_ambassador(answer.ambassador_id)
        key = ("respondent", self._tenant_id, respondent.survey_id, respondent.ambassador_id)
        if self._tx.surveys.get(key) is not None:
            raise SurveyAlreadyAnswered()
        self._tx.surveys.put(key, respondent)
        self._tx.surveys.put(("answer", self._tenant_id, answer.id), answer)
        self._tracker.track(respondent)

    async def has_answered(self, survey_id: UUID, ambassador_id: UUID) -> bool:
        return self._tx.surveys.get(("respondent", self._tenant_id, survey_id, ambassador_id)) is not None

    async def replies(self, survey_id: UUID) -> Sequence[tuple[Reply, ...]]:
        answers = sorted((a for a in self._rows("answer") if a.survey_id == survey_id), key=lambda a: a.id)
        return [a.replies for a in answers]


class FakeIdeaRepository(_Rows):
    def _check(self, idea: Idea) -> None:
        self._require_own(idea.tenant_id)
        self._require_ambassador(idea.ambassador_id)
        if (idea.status is IdeaStatus.ACCEPTED) != (idea.content_id is not None):
            raise IntegrityViolationError("An accepted idea, and only one, links its content.")
        if idea.content_id is not None and self._tx.contents.get((self._tenant_id, idea.content_id)) is None:
            raise IntegrityViolationError(f"No content {idea.content_id}.")

    async def add(self, idea: Idea) -> None:
        self._check(idea)
        self._tx.surveys.put(("idea", idea.tenant_id, idea.id), _copy(idea))
        self._tracker.track(idea)

    async def save(self, idea: Idea) -> None:
        self._check(idea)
        self._tx.surveys.put(("idea", idea.tenant_id, idea.id), _copy(idea))
        self._tracker.track(idea)

    async def get(self, idea_id: UUID, *, for_update: bool = False) -> Idea | None:
        found = self._tx.surveys.get(("idea", self._tenant_id, idea_id))
        return _copy(found) if found is not None else None

    async def list(self, status: IdeaStatus | None, ambassador_id: UUID | None, page: PageRequest) -> Page[Idea]:
        rows = [
            r
            for r in self._rows("idea")
            if (status is None or r.status is status) and (ambassador_id is None or r.ambassador_id == ambassador_id)
        ]
        return keyset_page([_copy(r) for r in rows], page)
