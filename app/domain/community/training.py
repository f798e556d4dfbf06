"""Training modules: ordered lessons (Markdown, links, a video) and an optional quiz with a pass mark.

Staff write a module as a draft, publish it for ambassadors and archive it when it is done with. A
published module's lessons and quiz are fixed, so that every completion means the same thing;
its title and summary may still change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.links import normalise_https_url
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MAX_TITLE = 200
MAX_SUMMARY = 2_000
MAX_BODY = 50_000
MAX_LESSONS = 30
MAX_LINKS = 10
MAX_QUESTIONS = 30
MAX_CHOICES = 8
MAX_CHOICE = 500
MAX_PROMPT = 1_000
MAX_URL = 2_000
EDITABLE = frozenset({"title", "summary", "lessons", "quiz"})
FIXED_ONCE_PUBLISHED = frozenset({"lessons", "quiz"})


class ModuleStatus(StrEnum):
    """A draft is being written; a published module is offered to ambassadors; an archived one is not."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True, kw_only=True)
class Lesson:
    """One lesson: its Markdown body, links to read further and an optional video, all https."""

    title: str
    body: str
    links: tuple[str, ...] = ()
    video_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A question of the quiz; ``correct`` holds the positions (from 0) of its right choices."""

    prompt: str
    choices: tuple[str, ...]
    correct: frozenset[int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quiz:
    """Passed with a score (the share of questions answered exactly right) of ``pass_mark`` percent or more."""

    questions: tuple[Question, ...]
    pass_mark: int


def _text(errors: list[FieldError], loc: tuple[str | int, ...], value: str, most: int, *, multiline: bool) -> str:
    text = value.strip()
    if is_blank(text) or len(text) > most or has_control_characters(text, multiline=multiline):
        errors.append(FieldError(loc, Message("Give 1-{most} characters, without control characters.", most=most)))
    return text


def _url(errors: list[FieldError], loc: tuple[str | int, ...], value: str) -> str:
    if len(value) > MAX_URL:
        errors.append(FieldError(loc, Message("Give an https address of at most {most} characters.", most=MAX_URL)))
        return value
    try:
        return normalise_https_url(value)
    except ValueError as error:
        errors.append(FieldError(loc, str(error)))
        return value


def _lessons(errors: list[FieldError], lessons: tuple[Lesson, ...]) -> tuple[Lesson, ...]:
    if not 1 <= len(lessons) <= MAX_LESSONS:
        errors.append(FieldError(("lessons",), Message("Give 1-{most} lessons, in order.", most=MAX_LESSONS)))
    checked = []
    for n, lesson in enumerate(lessons):
        if len(lesson.links) > MAX_LINKS:
            errors.append(FieldError(("lessons", n, "links"), Message("At most {most} links.", most=MAX_LINKS)))
        checked.append(
            Lesson(
                title=_text(errors, ("lessons", n, "title"), lesson.title, MAX_TITLE, multiline=False),
                body=_text(errors, ("lessons", n, "body"), lesson.body, MAX_BODY, multiline=True),
                links=tuple(_url(errors, ("lessons", n, "links", i), link) for i, link in enumerate(lesson.links)),
                video_url=None
                if lesson.video_url is None
                else _url(errors, ("lessons", n, "video_url"), lesson.video_url),
            )
        )
    return tuple(checked)


def _quiz(errors: list[FieldError], quiz: Quiz | None) -> Quiz | None:
    if quiz is None:
        return None
    if not 1 <= quiz.pass_mark <= 100:
        errors.append(FieldError(("quiz", "pass_mark"), "Give a percentage from 1 to 100."))
    if not 1 <= len(quiz.questions) <= MAX_QUESTIONS:
        errors.append(FieldError(("quiz", "questions"), Message("Give 1-{most} questions.", most=MAX_QUESTIONS)))
    questions = []
    for n, question in enumerate(quiz.questions):
        loc: tuple[str | int, ...] = ("quiz", "questions", n)
        if not 2 <= len(question.choices) <= MAX_CHOICES:
            errors.append(FieldError((*loc, "choices"), Message("Give 2-{most} choices.", most=MAX_CHOICES)))
        choices = tuple(
            _text(errors, (*loc, "choices", i), choice, MAX_CHOICE, multiline=False)
            for i, choice in enumerate(question.choices)
        )
        if len(set(choices)) != len(choices):
            errors.append(FieldError((*loc, "choices"), "Each choice must differ from the others."))
        if not question.correct or any(not 0 <= i < len(choices) for i in question.correct):
            errors.append(
                FieldError((*loc, "correct"), "Name at least one right choice by its position, counted from 0.")
            )
        prompt = _text(errors, (*loc, "prompt"), question.prompt, MAX_PROMPT, multiline=True)
        questions.append(Question(prompt=prompt, choices=choices, correct=frozenset(question.correct)))
    return Quiz(questions=tuple(questions), pass_mark=quiz.pass_mark)


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleFields:
    title: str
    lessons: tuple[Lesson, ...]
    summary: str | None = None
    quiz: Quiz | None = None

    def validated(self) -> ModuleFields:
        errors: list[FieldError] = []
        title = _text(errors, ("title",), self.title, MAX_TITLE, multiline=False)
        summary = (
            None if self.summary is None else _text(errors, ("summary",), self.summary, MAX_SUMMARY, multiline=True)
        )
        lessons = _lessons(errors, self.lessons)
        quiz = _quiz(errors, self.quiz)
        if errors:
            raise ValidationFailed("The training module is not valid.", errors)
        return ModuleFields(title=title, summary=summary, lessons=lessons, quiz=quiz)


@dataclass(slots=True, kw_only=True)
class TrainingModule(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: ModuleFields
    status: ModuleStatus = ModuleStatus.DRAFT
    created_by: str
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        fields: ModuleFields,
        author: str,
        now: datetime,
    ) -> TrainingModule:
        return cls(
            id=id, tenant_id=tenant_id, fields=fields.validated(), created_by=author, created_at=now, updated_at=now
        )

    def edit(self, changes: Mapping[str, Any], now: datetime) -> None:
        """Change the fields given; archived modules are frozen, and published ones keep their lessons and quiz."""
        if self.status is ModuleStatus.ARCHIVED:
            raise InvalidTransition("training module", self.status, "edited", [])
        refused = set(changes) - EDITABLE
        if self.status is ModuleStatus.PUBLISHED:
            refused |= set(changes) & FIXED_ONCE_PUBLISHED
        if refused:
            raise ValidationFailed(
                "Some fields of the training module cannot be changed.",
                [
                    FieldError(
                        (name,),
                        "A published module keeps its lessons and quiz; archive it and write a new one.",
                    )
                    if name in FIXED_ONCE_PUBLISHED
                    else FieldError((name,), "Not an editable field.")
                    for name in sorted(refused)
                ],
            )
        updated = replace(self.fields, **changes).validated()
        if updated != self.fields:
            self.fields = updated
            self._touch(now)

    def publish(self, now: datetime) -> None:
        if self.status is not ModuleStatus.DRAFT:
            raise InvalidTransition("training module", self.status, "published", ["archive"])
        self.status = ModuleStatus.PUBLISHED
        self.published_at = now
        self._touch(now)
        self._emit(EventType.TRAINING_MODULE_PUBLISHED, now, {"id": str(self.id), "title": self.fields.title})

    def archive(self, now: datetime) -> None:
        if self.status is ModuleStatus.ARCHIVED:
            raise InvalidTransition("training module", self.status, "archived", [])
        self.status = ModuleStatus.ARCHIVED
        self._touch(now)

    @property
    def lesson_count(self) -> int:
        return len(self.fields.lessons)
