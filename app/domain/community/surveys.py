"""Surveys: questions staff ask ambassadors (satisfaction, NPS, multiple choice, free text), to an
audience targeted as contents are, inside a window.

A survey is written as a draft, opened, and closed (by staff, or by its window ending). Only a draft
may be edited; its questions are fixed once it opens, so every answer answers the same questions.
An anonymous survey keeps no link between an answer and the person who gave it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.content.targeting import Targeting
from app.domain.errors import Conflict, FieldError, Forbidden, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MAX_TITLE = 200
MAX_DESCRIPTION = 2_000
MAX_PROMPT = 500
MAX_OPTION = 200
MAX_QUESTIONS = 30
MIN_OPTIONS = 2
MAX_OPTIONS = 20


class QuestionKind(StrEnum):
    """Satisfaction is a score from 1 to 5, NPS from 0 to 10; a multiple choice picks among options."""

    SATISFACTION = "satisfaction"
    NPS = "nps"
    MULTIPLE_CHOICE = "multiple_choice"
    FREE_TEXT = "free_text"


class SurveyStatus(StrEnum):
    """A draft is written and changed; an open survey takes answers inside its window; a closed one none."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class SurveyNotOpen(Conflict):
    """The survey takes no answer now: not opened yet, closed, or outside its window."""

    code = "survey-not-open"


class SurveyAlreadyAnswered(Conflict):
    code = "survey-already-answered"

    def __init__(self) -> None:
        super().__init__("You already answered this survey, and a survey is answered once.")


class SurveyNotTargeted(Forbidden):
    code = "survey-not-targeted"

    def __init__(self) -> None:
        super().__init__(
            "This survey is meant for other departments, locations or languages than yours; answer the surveys "
            "listed for you."
        )


def _text(errors: list[FieldError], loc: tuple[str | int, ...], value: str, most: int, *, multiline: bool) -> str:
    text = value.strip()
    if is_blank(text) or len(text) > most or has_control_characters(text, multiline=multiline):
        errors.append(FieldError(loc, Message("Give 1-{most} characters, without control characters.", most=most)))
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """``options`` and ``multiple`` (several options may be picked) belong to multiple choice alone."""

    kind: QuestionKind
    prompt: str
    options: tuple[str, ...] = ()
    multiple: bool = False

    def validated(self, errors: list[FieldError], index: int) -> Question:
        loc: tuple[str | int, ...] = ("questions", index)
        prompt = _text(errors, (*loc, "prompt"), self.prompt, MAX_PROMPT, multiline=False)
        options = tuple(
            _text(errors, (*loc, "options", i), o, MAX_OPTION, multiline=False) for i, o in enumerate(self.options)
        )
        if self.kind is QuestionKind.MULTIPLE_CHOICE:
            if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
                errors.append(
                    FieldError(
                        (*loc, "options"),
                        Message("Give {least} to {most} options.", least=MIN_OPTIONS, most=MAX_OPTIONS),
                    )
                )
            elif len(set(options)) != len(options):
                errors.append(FieldError((*loc, "options"), "Give each option once."))
            return replace(self, prompt=prompt, options=options)
        if options:
            errors.append(FieldError((*loc, "options"), "Only a multiple choice question has options."))
        # `multiple` says how many options may be picked: a question without options reads it as false.
        return replace(self, prompt=prompt, options=options, multiple=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyFields:
    title: str
    description: str | None = None
    questions: tuple[Question, ...] = ()
    targeting: Targeting = field(default_factory=Targeting)
    opens_at: datetime
    closes_at: datetime
    anonymous: bool = False

    def validated(self) -> SurveyFields:
        errors: list[FieldError] = []
        title = _text(errors, ("title",), self.title, MAX_TITLE, multiline=False)
        description = self.description
        if description is not None:
            description = _text(errors, ("description",), description, MAX_DESCRIPTION, multiline=True)
        if not 1 <= len(self.questions) <= MAX_QUESTIONS:
            errors.append(FieldError(("questions",), Message("Ask 1 to {most} questions.", most=MAX_QUESTIONS)))
        questions = tuple(question.validated(errors, index) for index, question in enumerate(self.questions))
        targeting, targeting_errors = Targeting.parse(
            departments=self.targeting.departments,
            locations=self.targeting.locations,
            languages=self.targeting.languages,
        )
        errors += targeting_errors
        if self.closes_at <= self.opens_at:
            errors.append(FieldError(("closes_at",), "Must be later than opens_at."))
        if errors:
            raise ValidationFailed("The survey is not valid.", errors)
        return replace(self, title=title, description=description, questions=questions, targeting=targeting)


@dataclass(slots=True, kw_only=True)
class Survey(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: SurveyFields
    status: SurveyStatus = SurveyStatus.DRAFT
    created_by: str
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        fields: SurveyFields,
        author: str,
        now: datetime,
    ) -> Survey:
        return cls(
            id=id, tenant_id=tenant_id, fields=fields.validated(), created_by=author, created_at=now, updated_at=now
        )

    def edit(self, changes: Mapping[str, Any], now: datetime) -> None:
        """Only a draft changes: once opened, every answer answers the same questions."""
        if self.status is not SurveyStatus.DRAFT:
            raise InvalidTransition("survey", self.status, "edited", [])
        unknown = set(changes) - {f.name for f in fields(SurveyFields)}
        if unknown:
            raise ValidationFailed(
                "Some survey fields cannot be changed.",
                [FieldError((name,), "Not an editable field.") for name in sorted(unknown)],
            )
        updated = replace(self.fields, **changes).validated()
        if updated != self.fields:
            self.fields = updated
            self._touch(now)

    def open(self, now: datetime) -> None:
        if self.status is not SurveyStatus.DRAFT:
            raise InvalidTransition("survey", self.status, "opened", ["close"] if self.is_open else [])
        if now >= self.fields.closes_at:
            raise SurveyNotOpen(
                Message(
                    "This survey's window ended at {closes_at}; move closes_at later before opening it.",
                    closes_at=_instant(self.fields.closes_at),
                )
            )
        self.status = SurveyStatus.OPEN
        self.opened_at = now
        self._touch(now)
        self._emit(EventType.SURVEY_OPENED, now, {"id": str(self.id)})

    def close(self, now: datetime) -> None:
        if self.status is not SurveyStatus.OPEN:
            raise InvalidTransition("survey", self.status, "closed", ["open"] if self.is_draft else [])
        self.status = SurveyStatus.CLOSED
        self.closed_at = now
        self._touch(now)
        self._emit(EventType.SURVEY_CLOSED, now, {"id": str(self.id)})

    @property
    def is_draft(self) -> bool:
        return self.status is SurveyStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status is SurveyStatus.OPEN

    def accepts_answers_at(self, now: datetime) -> bool:
        return self.is_open and self.fields.opens_at <= now < self.fields.closes_at

    def public_status(self, now: datetime) -> SurveyStatus:
        """Closed once its window ended, whether or not staff closed it."""
        if self.is_open and now >= self.fields.closes_at:
            return SurveyStatus.CLOSED
        return self.status

    def require_open(self, now: datetime) -> None:
        if self.status is SurveyStatus.DRAFT:
            raise SurveyNotOpen("This survey is not open yet; answer it once staff open it.")
        if self.status is SurveyStatus.CLOSED or now >= self.fields.closes_at:
            raise SurveyNotOpen(
                Message("This survey closed at {closes_at}; it takes no more answers.", closes_at=_closed(self))
            )
        if now < self.fields.opens_at:
            raise SurveyNotOpen(
                Message("This survey opens at {opens_at}; answer it then.", opens_at=_instant(self.fields.opens_at))
            )

    def require_targets(self, *, department: str | None, location: str | None, language: str | None) -> None:
        if not self.fields.targeting.includes(department=department, location=location, language=language):
            raise SurveyNotTargeted()


def _instant(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _closed(survey: Survey) -> str:
    closed = survey.closed_at if survey.closed_at is not None else survey.fields.closes_at
    return _instant(min(closed, survey.fields.closes_at))
