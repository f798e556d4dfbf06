"""An ambassador answers a survey, once; staff read its results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from app.domain.community.surveys import SurveyAlreadyAnswered, SurveyStatus
from app.domain.community.surveys_answers import Reply, Respondent, SurveyAnswer, SurveyResults, results_of
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.community.surveys.access import AMBASSADORS, SURVEY_READERS, member_audience


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerSurveyCommand:
    survey_id: UUID
    replies: Sequence[Reply]


class AnswerSurvey(UseCase):
    """Members (active or paused). Refused, with nothing written, when the survey does not target them
    (``survey-not-targeted``), is not open or its window does not hold now (``survey-not-open``), when
    they already answered it (``survey-already-answered``) or when a reply does not fit its question
    (``validation-failed``). A draft reads as missing. The answer and the fact that they answered are
    stored apart; for an anonymous survey nothing links the two. ``survey.answered`` names them (for
    their points), never their answer."""

    async def __call__(self, principal: Principal, command: AnswerSurveyCommand) -> SurveyAnswer:
        principal.require_any(AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            audience = await member_audience(uow, principal, now)
            survey = await uow.surveys.get(command.survey_id)
            if survey is None or survey.status is SurveyStatus.DRAFT:
                raise NotFound("survey", command.survey_id)
            survey.require_targets(
                department=audience.department, location=audience.location, language=audience.language
            )
            survey.require_open(now)
            if await uow.surveys.has_answered(survey.id, audience.ambassador_id):
                raise SurveyAlreadyAnswered()
            answer = SurveyAnswer.give(
                survey=survey, ambassador_id=audience.ambassador_id, replies=command.replies, now=now
            )
            await uow.surveys.add_answer(Respondent.of(survey, audience.ambassador_id, now), answer)
            await uow.commit()
        return answer


class GetSurveyResults(UseCase):
    """Staff and analysts: the results per question; withheld below five answers (the whole survey) or
    five replies (a question), with the reason. Free texts are given without anyone's name."""

    async def __call__(self, principal: Principal, survey_id: UUID) -> SurveyResults:
        principal.require_any(SURVEY_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            survey = await uow.surveys.get(survey_id)
            if survey is None:
                raise NotFound("survey", survey_id)
            replies = await uow.surveys.replies(survey_id)
        return results_of(survey, replies)
