"""Rows of surveys, answers and ideas to domain objects and back, explicitly."""

from __future__ import annotations

from typing import Any

from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.community.surveys import Question, QuestionKind, Survey, SurveyFields, SurveyStatus
from app.domain.community.surveys_answers import Reply
from app.domain.content.targeting import Targeting


def question_json(question: Question) -> dict[str, Any]:
    return {
        "kind": question.kind.value,
        "prompt": question.prompt,
        "options": list(question.options),
        "multiple": question.multiple,
    }


def question_of(data: dict[str, Any]) -> Question:
    return Question(
        kind=QuestionKind(data["kind"]),
        prompt=data["prompt"],
        options=tuple(data.get("options", ())),
        multiple=bool(data.get("multiple", False)),
    )


def reply_json(reply: Reply) -> dict[str, Any]:
    return {"question": reply.question, "score": reply.score, "choices": list(reply.choices), "text": reply.text}


def reply_of(data: dict[str, Any]) -> Reply:
    return Reply(
        question=int(data["question"]),
        score=data.get("score"),
        choices=tuple(data.get("choices", ())),
        text=data.get("text"),
    )


def survey_values(survey: Survey) -> dict[str, Any]:
    fields = survey.fields
    return {
        "tenant_id": survey.tenant_id,
        "id": survey.id,
        "title": fields.title,
        "description": fields.description,
        "questions": [question_json(q) for q in fields.questions],
        "target_departments": list(fields.targeting.departments),
        "target_locations": list(fields.targeting.locations),
        "target_languages": list(fields.targeting.languages),
        "opens_at": fields.opens_at,
        "closes_at": fields.closes_at,
        "anonymous": fields.anonymous,
        "status": survey.status.value,
        "created_by": survey.created_by,
        "opened_at": survey.opened_at,
        "closed_at": survey.closed_at,
        "version": survey.version,
        "created_at": survey.created_at,
        "updated_at": survey.updated_at,
    }


def survey_from_row(row: Any) -> Survey:
    return Survey(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=SurveyFields(
            title=row.title,
            description=row.description,
            questions=tuple(question_of(q) for q in row.questions),
            targeting=Targeting(
                departments=tuple(row.target_departments),
                locations=tuple(row.target_locations),
                languages=tuple(row.target_languages),
            ),
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            anonymous=row.anonymous,
        ),
        status=SurveyStatus(row.status),
        created_by=row.created_by,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def idea_values(idea: Idea) -> dict[str, Any]:
    return {
        "tenant_id": idea.tenant_id,
        "id": idea.id,
        "ambassador_id": idea.ambassador_id,
        "title": idea.title,
        "body": idea.body,
        "status": idea.status.value,
        "reason": idea.reason,
        "content_id": idea.content_id,
        "decided_by": idea.decided_by,
        "decided_at": idea.decided_at,
        "version": idea.version,
        "created_at": idea.created_at,
        "updated_at": idea.updated_at,
    }


def idea_from_row(row: Any) -> Idea:
    return Idea(
        id=row.id,
        tenant_id=row.tenant_id,
        ambassador_id=row.ambassador_id,
        title=row.title,
        body=row.body,
        status=IdeaStatus(row.status),
        reason=row.reason,
        content_id=row.content_id,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
