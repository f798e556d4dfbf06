"""Domain objects of surveys and ideas to REST bodies and back."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.api.rest.community.surveys.idea_schemas import IdeaOut
from app.api.rest.community.surveys.schemas import (
    AnswerCreate,
    OptionCount,
    QuestionResultOut,
    ScoreCount,
    SurveyOut,
    SurveyQuestionBody,
    SurveyQuestionOut,
    SurveyResultsOut,
)
from app.api.rest.content.content_mappers import targeting, targeting_out
from app.domain.community.ideas import Idea
from app.domain.community.surveys import Question, Survey
from app.domain.community.surveys_answers import Reply, SurveyResults


def question(body: SurveyQuestionBody) -> Question:
    return Question(kind=body.kind, prompt=body.prompt, options=tuple(body.options), multiple=body.multiple)


def survey_changes(body: BaseModel) -> dict[str, Any]:
    """The fields sent, as the domain names and types them."""
    values: dict[str, Any] = {name: getattr(body, name) for name in body.model_fields_set}
    if "questions" in values:
        values["questions"] = tuple(question(item) for item in values["questions"])
    if "targeting" in values:
        values["targeting"] = targeting(values["targeting"])
    return values


def replies(body: AnswerCreate) -> list[Reply]:
    return [
        Reply(question=item.question, score=item.score, choices=tuple(item.choices), text=item.text)
        for item in body.replies
    ]


def survey_out(survey: Survey) -> SurveyOut:
    fields = survey.fields
    return SurveyOut(
        id=survey.id,
        title=fields.title,
        description=fields.description,
        questions=[
            SurveyQuestionOut(kind=q.kind, prompt=q.prompt, options=list(q.options), multiple=q.multiple)
            for q in fields.questions
        ],
        targeting=targeting_out(fields.targeting),
        opens_at=fields.opens_at,
        closes_at=fields.closes_at,
        anonymous=fields.anonymous,
        status=survey.status,
        opened_at=survey.opened_at,
        closed_at=survey.closed_at,
        created_at=survey.created_at,
        updated_at=survey.updated_at,
    )


def results_out(results: SurveyResults) -> SurveyResultsOut:
    return SurveyResultsOut(
        survey_id=results.survey_id,
        answers=results.answers,
        withheld=results.withheld,
        reason=results.reason,
        questions=[
            QuestionResultOut(
                question=q.question,
                kind=q.kind,
                prompt=q.prompt,
                replies=q.replies,
                withheld=q.withheld,
                reason=q.reason,
                average=q.average,
                scores=[ScoreCount(score=s, count=c) for s, c in q.scores],
                nps=q.nps,
                promoters=q.promoters,
                passives=q.passives,
                detractors=q.detractors,
                options=[OptionCount(option=o, count=c) for o, c in q.options],
                texts=list(q.texts),
            )
            for q in results.questions
        ],
    )


def idea_out(idea: Idea) -> IdeaOut:
    return IdeaOut(
        id=idea.id,
        ambassador_id=idea.ambassador_id,
        title=idea.title,
        body=idea.body,
        status=idea.status,
        reason=idea.reason,
        content_id=idea.content_id,
        decided_by=idea.decided_by,
        decided_at=idea.decided_at,
        created_at=idea.created_at,
        updated_at=idea.updated_at,
    )
