"""REST bodies of training: modules, progress, quiz attempts and completions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.rest.bodies import HTTPS_URL, JSON_INTEGER, Omittable, RequestBody, refuse_null
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.community.training import (
    MAX_BODY,
    MAX_CHOICE,
    MAX_CHOICES,
    MAX_LESSONS,
    MAX_LINKS,
    MAX_PROMPT,
    MAX_QUESTIONS,
    MAX_SUMMARY,
    MAX_TITLE,
    MAX_URL,
    ModuleStatus,
)

MODULE_ID = "0196a3fa-3c4d-7e5f-8a6b-7c8d9e0f1a2b"
_PROGRESS_ID = "0196a3fb-4d5e-7f6a-9b7c-8d9e0f1a2b3c"
_AMBASSADOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
_CREATED = "2025-03-03T09:12:44.180000Z"
_UPDATED = "2025-03-10T16:02:09.512000Z"

Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE), SINGLE_LINE_NOT_BLANK]
Summary = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY), MULTI_LINE_NOT_BLANK]
Markdown = Annotated[str, Field(min_length=1, max_length=MAX_BODY), MULTI_LINE_NOT_BLANK]
Url = Annotated[str, Field(min_length=1, max_length=MAX_URL, examples=["https://acme.example/guide"]), HTTPS_URL]
Choice = Annotated[str, Field(min_length=1, max_length=MAX_CHOICE), SINGLE_LINE_NOT_BLANK]
Position = Annotated[int, Field(ge=0, le=MAX_CHOICES - 1), JSON_INTEGER]

_LESSON: dict[str, Any] = {
    "title": "Optimise your profile",
    "body": "A clear photo, a headline that says what you do, and a summary in your own words.",
    "links": ["https://acme.example/guide/profile"],
    "video_url": "https://videos.acme.example/profile.mp4",
}
_QUIZ: dict[str, Any] = {
    "pass_mark": 80,
    "questions": [
        {
            "prompt": "What makes a post engaging?",
            "choices": ["A personal angle", "Only the company's link", "A question to readers"],
            "correct": [0, 2],
        }
    ],
}
_MODULE_SENT: dict[str, Any] = {
    "title": "Writing posts that engage",
    "summary": "Profile, posts, comments and network: the four habits of a good ambassador.",
    "lessons": [_LESSON],
    "quiz": _QUIZ,
}


class LessonBody(RequestBody):
    """A lesson, in its place among the module's lessons."""

    title: Title = Field(description="Its title.")
    body: Markdown = Field(description="The lesson, in Markdown.")
    links: Annotated[list[Url], Field(max_length=MAX_LINKS)] = Field(
        default_factory=list, description="https addresses to read further."
    )
    video_url: Url | None = Field(default=None, description="An https address of a video; null: none.")


class QuizQuestionBody(RequestBody):
    """A question with its choices; `correct` names the right ones by position, from 0."""

    prompt: Annotated[str, Field(min_length=1, max_length=MAX_PROMPT), MULTI_LINE_NOT_BLANK] = Field(
        description="The question."
    )
    choices: Annotated[list[Choice], Field(min_length=2, max_length=MAX_CHOICES)] = Field(
        description="The choices offered, in order."
    )
    correct: Annotated[list[Position], Field(min_length=1, max_length=MAX_CHOICES)] = Field(
        description="The positions (from 0) of the right choices; an answer counts when it picks exactly these."
    )


class QuizBody(RequestBody):
    """The module's quiz: passed with a score of `pass_mark` percent of questions answered exactly right."""

    pass_mark: Annotated[int, Field(ge=1, le=100), JSON_INTEGER] = Field(description="The pass mark, in percent.")
    questions: Annotated[list[QuizQuestionBody], Field(min_length=1, max_length=MAX_QUESTIONS)] = Field(
        description="The questions, in order."
    )


class ModuleCreate(RequestBody):
    """A training module to write, as a draft."""

    model_config = ConfigDict(json_schema_extra={"examples": [_MODULE_SENT]})

    title: Title = Field(description="Its title.")
    summary: Summary | None = Field(default=None, description="What ambassadors learn in it.")
    lessons: Annotated[list[LessonBody], Field(min_length=1, max_length=MAX_LESSONS)] = Field(
        description="Its lessons, in order."
    )
    quiz: QuizBody | None = Field(default=None, description="Its quiz; null: completed when every lesson is done.")


class ModuleUpdate(RequestBody):
    """Only the fields sent change; a published module keeps its lessons and quiz. Null clears summary or quiz."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"summary": "Four habits, twenty minutes."}]})

    title: Omittable[Title] = Field(default=None, description="Its title.")
    summary: Summary | None = Field(default=None, description="What ambassadors learn in it; null clears it.")
    lessons: Omittable[Annotated[list[LessonBody], Field(min_length=1, max_length=MAX_LESSONS)]] = Field(
        default=None, description="Its lessons, in order (drafts only)."
    )
    quiz: QuizBody | None = Field(default=None, description="Its quiz (drafts only); null removes it.")

    _not_null = field_validator("title", "lessons")(refuse_null)


class QuizAttemptBody(RequestBody):
    """Your answers, one per question in order: the positions (from 0) of the choices you pick."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"answers": [[0, 2]]}]})

    answers: Annotated[
        list[Annotated[list[Position], Field(max_length=MAX_CHOICES)]], Field(max_length=MAX_QUESTIONS)
    ] = Field(description="For each question, in order, the positions of the choices picked.")


class LessonOut(BaseModel):
    """A lesson of a module."""

    position: int = Field(description="Its place, from 1: the number to mark it done with.")
    title: str = Field(description="Its title.")
    body: str = Field(description="The lesson, in Markdown.")
    links: list[str] = Field(description="https addresses to read further.")
    video_url: str | None = Field(description="An https address of a video, if any.")


class QuizQuestionOut(BaseModel):
    """A question of the quiz."""

    prompt: str = Field(description="The question.")
    choices: list[str] = Field(description="The choices, in order; answers name them by position from 0.")
    correct: list[int] | None = Field(description="The right choices' positions, for staff; null for ambassadors.")


class QuizOut(BaseModel):
    """A module's quiz."""

    pass_mark: int = Field(description="The pass mark, in percent of questions answered exactly right.")
    questions: list[QuizQuestionOut] = Field(description="The questions, in order.")


class ModuleOut(BaseModel):
    """A training module."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _MODULE_SENT
                | {
                    "id": MODULE_ID,
                    "lessons": [_LESSON | {"position": 1}],
                    "status": "published",
                    "published_at": _UPDATED,
                    "created_at": _CREATED,
                    "updated_at": _UPDATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The module's id.")
    title: str = Field(description="Its title.")
    summary: str | None = Field(description="What ambassadors learn in it, if said.")
    lessons: list[LessonOut] = Field(description="Its lessons, in order.")
    quiz: QuizOut | None = Field(description="Its quiz; null: completed when every lesson is done.")
    status: ModuleStatus = Field(description="Draft, published (offered to ambassadors) or archived.")
    published_at: datetime | None = Field(description="When it was published, if it was.")
    created_at: datetime = Field(description="When it was written.")
    updated_at: datetime = Field(description="When it last changed.")


_PROGRESS: dict[str, Any] = {
    "module_id": MODULE_ID,
    "ambassador_id": _AMBASSADOR_ID,
    "lessons_done": [1],
    "attempts": 1,
    "best_score": 100,
    "completed": True,
    "completed_at": _UPDATED,
    "started_at": _CREATED,
}


class ProgressOut(BaseModel):
    """An ambassador's progress in a module."""

    model_config = ConfigDict(json_schema_extra={"examples": [_PROGRESS]})

    module_id: UUID = Field(description="The module's id.")
    ambassador_id: UUID = Field(description="The ambassador's id.")
    lessons_done: list[int] = Field(description="The positions of the lessons marked done.")
    attempts: int = Field(description="Quiz attempts made.")
    best_score: int | None = Field(description="The best quiz score, in percent; null before any attempt.")
    completed: bool = Field(description="Whether the module is completed.")
    completed_at: datetime | None = Field(description="When it was completed, if it was.")
    started_at: datetime | None = Field(description="When the ambassador started it; null until then.")


class QuizAttemptOut(BaseModel):
    """A quiz attempt, scored: passing completes the module; failing may be tried again."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"score": 100, "pass_mark": 80, "passed": True, "correct": 1, "questions": 1} | {"progress": _PROGRESS}
            ]
        }
    )

    score: int = Field(description="The percentage of questions answered exactly right, rounded down.")
    pass_mark: int = Field(description="The module's pass mark, in percent.")
    passed: bool = Field(description="Whether the score reaches the pass mark.")
    correct: int = Field(description="Questions answered exactly right.")
    questions: int = Field(description="Questions in the quiz.")
    progress: ProgressOut = Field(description="Your progress after the attempt.")


class CompletionsOut(BaseModel):
    """Who completed a module, with the module's figures."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "module_id": MODULE_ID,
                    "completions": 3,
                    "in_progress": 2,
                    "active_ambassadors": 8,
                    "completion_rate": 0.375,
                    "items": [_PROGRESS],
                    "next_cursor": None,
                }
            ]
        }
    )

    module_id: UUID = Field(description="The module's id.")
    completions: int = Field(description="Ambassadors who completed it.")
    in_progress: int = Field(description="Ambassadors who started it and have not completed it.")
    active_ambassadors: int = Field(description="The programme's active ambassadors now.")
    completion_rate: float = Field(description="Completions over active ambassadors (0 when there are none).")
    items: list[ProgressOut] = Field(description="A page of completed progress, by when each ambassador started.")
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")
