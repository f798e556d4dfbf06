"""Domain objects of surveys and ideas to GraphQL types, and GraphQL inputs to domain values."""

from __future__ import annotations

from typing import Any

from app.api.graphql.changes import sent_changes
from app.api.graphql.community.surveys import types as gql
from app.api.graphql.community.surveys.inputs import QuestionInput, ReplyInput, SurveyChangesInput, SurveyInput
from app.api.graphql.content.inputs import TargetingInput
from app.api.graphql.content.mappers import targeting_node
from app.api.graphql.global_ids import global_id, optional_global_id
from app.domain.community import ideas, surveys, surveys_answers
from app.domain.content.targeting import Targeting
from app.domain.errors import FieldError, ValidationFailed

SURVEY_CLEARABLE = frozenset({"description"})


def _targeting(data: TargetingInput) -> Targeting:
    return Targeting(
        departments=tuple(data.departments), locations=tuple(data.locations), languages=tuple(data.languages)
    )


def _question(data: QuestionInput) -> surveys.Question:
    return surveys.Question(kind=data.kind, prompt=data.prompt, options=tuple(data.options), multiple=data.multiple)


def _converted(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("questions") is not None:
        values["questions"] = tuple(_question(q) for q in values["questions"])
    if values.get("targeting") is not None:
        values["targeting"] = _targeting(values["targeting"])
    naive = [
        name for name in ("opens_at", "closes_at") if values.get(name) is not None and values[name].utcoffset() is None
    ]
    if naive:
        raise ValidationFailed(
            "The instant needs its time zone.", [FieldError((name,), "Add a zone.") for name in naive]
        )
    return values


def survey_values(data: SurveyInput) -> dict[str, Any]:
    values = dict(vars(data))
    if values["targeting"] is None:
        del values["targeting"]
    return _converted(values)


def survey_changes(data: SurveyChangesInput) -> dict[str, Any]:
    return _converted(sent_changes(data, SURVEY_CLEARABLE))


def replies(data: list[ReplyInput]) -> list[surveys_answers.Reply]:
    return [
        surveys_answers.Reply(question=r.question, score=r.score, choices=tuple(r.choices), text=r.text) for r in data
    ]


def survey_node(survey: surveys.Survey) -> gql.Survey:
    fields = survey.fields
    return gql.Survey(
        id=survey.id,
        version=survey.version,
        title=fields.title,
        description=fields.description,
        questions=[
            gql.Question(kind=q.kind, prompt=q.prompt, options=list(q.options), multiple=q.multiple)
            for q in fields.questions
        ],
        targeting=targeting_node(fields.targeting),
        opens_at=fields.opens_at,
        closes_at=fields.closes_at,
        anonymous=fields.anonymous,
        status=survey.status,
        opened_at=survey.opened_at,
        closed_at=survey.closed_at,
        created_at=survey.created_at,
        updated_at=survey.updated_at,
    )


def answer_node(answer: surveys_answers.SurveyAnswer) -> gql.SurveyAnswer:
    return gql.SurveyAnswer(
        survey_id=global_id("Survey", answer.survey_id),
        answered_on=answer.answered_on,
        anonymous=answer.ambassador_id is None,
    )


def results_node(results: surveys_answers.SurveyResults) -> gql.SurveyResults:
    return gql.SurveyResults(
        survey_id=global_id("Survey", results.survey_id),
        answers=results.answers,
        withheld=results.withheld,
        reason=results.reason,
        questions=[
            gql.QuestionResult(
                question=q.question,
                kind=q.kind,
                prompt=q.prompt,
                replies=q.replies,
                withheld=q.withheld,
                reason=q.reason,
                average=q.average,
                scores=[gql.ScoreCount(score=s, count=c) for s, c in q.scores],
                nps=q.nps,
                promoters=q.promoters,
                passives=q.passives,
                detractors=q.detractors,
                options=[gql.OptionCount(option=o, count=c) for o, c in q.options],
                texts=list(q.texts),
            )
            for q in results.questions
        ],
    )


def idea_node(idea: ideas.Idea) -> gql.Idea:
    return gql.Idea(
        id=idea.id,
        version=idea.version,
        ambassador_id=global_id("Ambassador", idea.ambassador_id),
        title=idea.title,
        body=idea.body,
        status=idea.status,
        reason=idea.reason,
        content_id=optional_global_id("Content", idea.content_id),
        decided_by=idea.decided_by,
        decided_at=idea.decided_at,
        created_at=idea.created_at,
        updated_at=idea.updated_at,
    )
