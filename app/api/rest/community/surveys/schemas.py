"""REST bodies of surveys, their answers and their results."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from app.api.rest.bodies import JSON_INTEGER, Omittable, RequestBody, refuse_null
from app.api.rest.content.content_schemas import TargetingBody, TargetingOut
from app.api.rest.instants import Instant
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.community import surveys as domain
from app.domain.community.surveys import QuestionKind, SurveyStatus
from app.domain.community.surveys_answers import MAX_TEXT

SURVEY_ID = "0196a401-3a4b-7c5d-8e6f-7a8b9c0d1e2f"
_CREATED = "2025-03-03T09:12:44.180000Z"
_OPENED = "2025-03-05T08:00:00Z"

Title = Annotated[str, Field(min_length=1, max_length=domain.MAX_TITLE), SINGLE_LINE_NOT_BLANK]
Description = Annotated[str, Field(min_length=1, max_length=domain.MAX_DESCRIPTION), MULTI_LINE_NOT_BLANK]
Prompt = Annotated[str, Field(min_length=1, max_length=domain.MAX_PROMPT), SINGLE_LINE_NOT_BLANK]
Option = Annotated[str, Field(min_length=1, max_length=domain.MAX_OPTION), SINGLE_LINE_NOT_BLANK]

_QUESTIONS: list[dict[str, Any]] = [
    {"kind": "satisfaction", "prompt": "How satisfied are you with the programme?", "options": [], "multiple": False},
    {
        "kind": "nps",
        "prompt": "How likely are you to recommend the programme to a colleague?",
        "options": [],
        "multiple": False,
    },
    {
        "kind": "multiple_choice",
        "prompt": "Which networks do you share on?",
        "options": ["LinkedIn", "X", "Facebook"],
        "multiple": True,
    },
    {"kind": "free_text", "prompt": "What would make sharing easier?", "options": [], "multiple": False},
]
_SURVEY_SENT: dict[str, Any] = {
    "title": "Spring pulse",
    "description": "Five minutes on how the programme works for you.",
    "questions": _QUESTIONS,
    "targeting": {"departments": [], "locations": ["Lyon"], "languages": []},
    "opens_at": "2025-03-05T08:00:00Z",
    "closes_at": "2025-03-19T18:00:00Z",
    "anonymous": True,
}


class SurveyQuestionBody(RequestBody):
    """One question. Satisfaction is scored 1 to 5 and NPS 0 to 10; a multiple choice lists 2 to 20 options
    (`multiple`: several may be picked); a free text may be left unanswered."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [_QUESTIONS[2]],
            # Options belong to a multiple choice, which lists 2 to 20 different ones; other kinds have none.
            "oneOf": [
                {
                    "required": ["options"],
                    "properties": {
                        "kind": {"const": QuestionKind.MULTIPLE_CHOICE.value},
                        "options": {"minItems": domain.MIN_OPTIONS, "uniqueItems": True},
                    },
                },
                {
                    "properties": {
                        "kind": {"enum": [k.value for k in QuestionKind if k is not QuestionKind.MULTIPLE_CHOICE]},
                        "options": {"maxItems": 0},
                    }
                },
            ],
        }
    )

    kind: QuestionKind = Field(description="satisfaction (1-5), nps (0-10), multiple_choice or free_text.")
    prompt: Prompt = Field(description="The question, as ambassadors read it.")
    options: Annotated[list[Option], Field(max_length=domain.MAX_OPTIONS)] = Field(
        default_factory=list, description="A multiple choice's options, each once; none for other kinds."
    )
    multiple: StrictBool = Field(
        default=False, description="A multiple choice allows several options; other kinds read it as false."
    )


Questions = Annotated[list[SurveyQuestionBody], Field(min_length=1, max_length=domain.MAX_QUESTIONS)]


class SurveyFieldsBody(RequestBody):
    title: Omittable[Title] = Field(default=None, description="Its title, as ambassadors read it.")
    description: Description | None = Field(default=None, description="What it is about; null clears it.")
    questions: Omittable[Questions] = Field(default=None, description="Its questions, in order (1 to 30).")
    targeting: Omittable[TargetingBody] = Field(default=None, description="Who it is for; empty lists: everyone.")
    opens_at: Omittable[Instant] = Field(default=None, description="Answers are taken from then.")
    closes_at: Omittable[Instant] = Field(default=None, description="Answers are taken until then.")
    anonymous: Omittable[StrictBool] = Field(
        default=None, description="Keep no link between an answer and who gave it."
    )

    _not_null = field_validator("title", "questions", "targeting", "opens_at", "closes_at", "anonymous")(refuse_null)


class SurveyCreate(SurveyFieldsBody):
    """A survey to write; it starts as a draft."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SURVEY_SENT]})

    title: Title = Field(description="Its title, as ambassadors read it.")
    questions: Questions = Field(description="Its questions, in order (1 to 30).")
    opens_at: Instant = Field(description="Answers are taken from then.")
    closes_at: Instant = Field(description="Answers are taken until then.")


class SurveyUpdate(SurveyFieldsBody):
    """Only the fields sent change, and only while the survey is a draft."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"closes_at": "2025-03-26T18:00:00Z"}]})


class SurveyQuestionOut(BaseModel):
    """One question of a survey."""

    kind: QuestionKind = Field(description="satisfaction (1-5), nps (0-10), multiple_choice or free_text.")
    prompt: str = Field(description="The question.")
    options: list[str] = Field(description="A multiple choice's options; empty for other kinds.")
    multiple: bool = Field(description="A multiple choice allows several options.")


class SurveyOut(BaseModel):
    """A survey."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _SURVEY_SENT
                | {
                    "id": SURVEY_ID,
                    "status": "open",
                    "opened_at": _OPENED,
                    "closed_at": None,
                    "created_at": _CREATED,
                    "updated_at": _OPENED,
                }
            ]
        }
    )

    id: UUID = Field(description="The survey's id.")
    title: str = Field(description="Its title.")
    description: str | None = Field(description="What it is about, if said.")
    questions: list[SurveyQuestionOut] = Field(
        description="Its questions, in order; replies name them by position (0 first)."
    )
    targeting: TargetingOut = Field(description="Who it is for.")
    opens_at: datetime = Field(description="Answers are taken from then.")
    closes_at: datetime = Field(description="Answers are taken until then.")
    anonymous: bool = Field(description="No link is kept between an answer and who gave it.")
    status: SurveyStatus = Field(description="draft, open, or closed (by staff or by the end of its window).")
    opened_at: datetime | None = Field(description="When staff opened it.")
    closed_at: datetime | None = Field(description="When staff closed it, if they did.")
    created_at: datetime = Field(description="When it was written.")
    updated_at: datetime = Field(description="When it last changed.")


class ReplyBody(RequestBody):
    """The reply to one question: a `score` (satisfaction, nps), `choices` (multiple choice) or a `text`."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"question": 0, "score": 4}]})

    question: Annotated[int, Field(ge=0, le=domain.MAX_QUESTIONS - 1), JSON_INTEGER] = Field(
        description="The question's position in the survey, 0 first."
    )
    score: Annotated[int, Field(ge=0, le=10), JSON_INTEGER] | None = Field(
        default=None, description="Satisfaction: 1 to 5; NPS: 0 to 10."
    )
    choices: Annotated[list[Option], Field(max_length=domain.MAX_OPTIONS)] = Field(
        default_factory=list, description="A multiple choice's options picked (one unless it allows several)."
    )
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT), MULTI_LINE_NOT_BLANK] | None = Field(
        default=None, description="A free text's reply."
    )


class AnswerCreate(RequestBody):
    """Your answer: one reply per question (a free text may be left out)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "replies": [
                        {"question": 0, "score": 4},
                        {"question": 1, "score": 9},
                        {"question": 2, "choices": ["LinkedIn"]},
                        {"question": 3, "text": "Shorter captions on mobile."},
                    ]
                }
            ]
        }
    )

    replies: Annotated[list[ReplyBody], Field(min_length=1, max_length=domain.MAX_QUESTIONS)] = Field(
        description="One reply per question."
    )


class AnswerOut(BaseModel):
    """Your answer, as stored: the day only, and no name for an anonymous survey."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"survey_id": SURVEY_ID, "answered_on": "2025-03-06", "anonymous": True}]}
    )

    survey_id: UUID = Field(description="The survey answered.")
    answered_on: date = Field(description="The day it was answered (no time is kept).")
    anonymous: bool = Field(description="Nothing links this answer to you.")


class ScoreCount(BaseModel):
    """How many replies gave a score."""

    score: int = Field(description="A score.")
    count: int = Field(description="How many replies gave it.")


class OptionCount(BaseModel):
    """How many replies picked an option."""

    option: str = Field(description="An option.")
    count: int = Field(description="How many replies picked it.")


class QuestionResultOut(BaseModel):
    """One question's figures; withheld, with the reason, below five replies."""

    question: int = Field(description="The question's position, 0 first.")
    kind: QuestionKind = Field(description="Its kind.")
    prompt: str = Field(description="The question.")
    replies: int = Field(description="How many answers replied to it (0 when the survey's results are withheld).")
    withheld: bool = Field(description="Fewer than five replies: its figures are not shown.")
    reason: str | None = Field(description="Why its figures are withheld, when they are.")
    average: Decimal | None = Field(description="Satisfaction and NPS: the average score, to two decimals.")
    scores: list[ScoreCount] = Field(description="Satisfaction and NPS: how many gave each score.")
    nps: int | None = Field(description="NPS: % promoters (9-10) less % detractors (0-6), from -100 to 100.")
    promoters: int | None = Field(description="NPS: replies of 9 or 10.")
    passives: int | None = Field(description="NPS: replies of 7 or 8.")
    detractors: int | None = Field(description="NPS: replies of 0 to 6.")
    options: list[OptionCount] = Field(description="Multiple choice: how many picked each option.")
    texts: list[str] = Field(description="Free text: the replies, without names, in no meaningful order.")


class SurveyResultsOut(BaseModel):
    """A survey's results; withheld (with the reason) below five answers."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "survey_id": SURVEY_ID,
                    "answers": 12,
                    "withheld": False,
                    "reason": None,
                    "questions": [
                        {
                            "question": 0,
                            "kind": "satisfaction",
                            "prompt": "How satisfied are you with the programme?",
                            "replies": 12,
                            "withheld": False,
                            "reason": None,
                            "average": "4.17",
                            "scores": [{"score": s, "count": c} for s, c in ((1, 0), (2, 1), (3, 1), (4, 5), (5, 5))],
                            "nps": None,
                            "promoters": None,
                            "passives": None,
                            "detractors": None,
                            "options": [],
                            "texts": [],
                        }
                    ],
                }
            ]
        }
    )

    survey_id: UUID = Field(description="The survey.")
    answers: int = Field(description="How many answers it has.")
    withheld: bool = Field(description="Fewer than five answers: no figure is shown.")
    reason: str | None = Field(description="Why the results are withheld, when they are.")
    questions: list[QuestionResultOut] = Field(description="Each question's figures, in order.")
