"""Answers to a survey, and its results.

An answer gives one reply per question (a free text may be left out). An anonymous survey's answer
keeps no ambassador and nothing that links it back to one: a random id (no time in it) and the day
only; who answered is kept apart (``Respondent``), without any reference to the answer, so that each
ambassador answers once.

Results are counted per question. A group of fewer than ``MIN_GROUP`` answers is never shown: the
whole survey below it, or a question answered fewer times, reads as withheld, with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID, uuid4

from app.domain.community.surveys import Question, QuestionKind, Survey
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MIN_GROUP = 5
MAX_TEXT = 2_000
SCALES = {QuestionKind.SATISFACTION: (1, 5), QuestionKind.NPS: (0, 10)}
PROMOTERS = 9  # NPS scores of 9 and 10
DETRACTORS = 6  # NPS scores of 0 to 6

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    """The reply to the question at position ``question``: a ``score`` (satisfaction, NPS), ``choices``
    (multiple choice) or a ``text`` (free text)."""

    question: int
    score: int | None = None
    choices: tuple[str, ...] = ()
    text: str | None = None


def checked_replies(questions: Sequence[Question], replies: Sequence[Reply]) -> tuple[Reply, ...]:
    """The replies in question order, or ``ValidationFailed`` naming each one that does not fit its question."""
    errors: list[FieldError] = []
    kept: dict[int, Reply] = {}
    for index, reply in enumerate(replies):
        loc: Loc = ("replies", index)
        if not 0 <= reply.question < len(questions):
            errors.append(
                FieldError(
                    (*loc, "question"), Message("This survey's questions are 0 to {last}.", last=len(questions) - 1)
                )
            )
            continue
        if reply.question in kept:
            errors.append(FieldError((*loc, "question"), "Reply to each question once."))
            continue
        checked = _checked(questions[reply.question], reply, loc, errors)
        if checked is not None:
            kept[reply.question] = checked
    for position, question in enumerate(questions):
        if position not in kept and question.kind is not QuestionKind.FREE_TEXT and not _named(replies, position):
            errors.append(FieldError(("replies",), Message("Reply to question {question}.", question=position)))
    if errors:
        raise ValidationFailed("The answer does not fit the survey's questions.", errors)
    return tuple(kept[position] for position in sorted(kept))


def _named(replies: Sequence[Reply], position: int) -> bool:
    return any(reply.question == position for reply in replies)


def _checked(question: Question, reply: Reply, loc: Loc, errors: list[FieldError]) -> Reply | None:
    kind = question.kind
    scale = SCALES.get(kind)
    if scale is not None:
        least, most = scale
        if reply.score is None or not least <= reply.score <= most or reply.choices or reply.text is not None:
            errors.append(
                FieldError(
                    (*loc, "score"),
                    Message("Give a score from {least} to {most}, and only a score.", least=least, most=most),
                )
            )
            return None
        return Reply(question=reply.question, score=reply.score)
    if kind is QuestionKind.MULTIPLE_CHOICE:
        choices = reply.choices
        wanted = (
            "Pick one of the question's options."
            if not question.multiple
            else "Pick one or more of the question's options, each once."
        )
        if (
            reply.score is not None
            or reply.text is not None
            or not choices
            or len(set(choices)) != len(choices)
            or any(choice not in question.options for choice in choices)
            or (not question.multiple and len(choices) != 1)
        ):
            errors.append(FieldError((*loc, "choices"), wanted))
            return None
        return Reply(question=reply.question, choices=tuple(o for o in question.options if o in choices))
    text = (reply.text or "").strip()
    if (
        reply.score is not None
        or reply.choices
        or is_blank(text)
        or len(text) > MAX_TEXT
        or has_control_characters(text, multiline=True)
    ):
        errors.append(
            FieldError((*loc, "text"), Message("Write 1-{most} characters, or leave this question out.", most=MAX_TEXT))
        )
        return None
    return Reply(question=reply.question, text=text)


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyAnswer:
    """One answer. ``ambassador_id`` is None for an anonymous survey; ``answered_on`` is the day only."""

    id: UUID
    tenant_id: UUID
    survey_id: UUID
    ambassador_id: UUID | None
    answered_on: date
    replies: tuple[Reply, ...]

    @classmethod
    def give(cls, *, survey: Survey, ambassador_id: UUID, replies: Sequence[Reply], now: datetime) -> SurveyAnswer:
        # A random id: a time-ordered one would tell when the answer was given, to the millisecond.
        return cls(
            id=uuid4(),
            tenant_id=survey.tenant_id,
            survey_id=survey.id,
            ambassador_id=None if survey.fields.anonymous else ambassador_id,
            answered_on=now.date(),
            replies=checked_replies(survey.fields.questions, replies),
        )


@dataclass(slots=True, kw_only=True)
class Respondent(EventSource):
    """That an ambassador answered a survey (and no more): what keeps them from answering twice, and what
    ``survey.answered`` announces, for their points; the event never holds the answer."""

    tenant_id: UUID
    survey_id: UUID
    ambassador_id: UUID
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def of(cls, survey: Survey, ambassador_id: UUID, now: datetime) -> Respondent:
        respondent = cls(tenant_id=survey.tenant_id, survey_id=survey.id, ambassador_id=ambassador_id)
        data = {"survey_id": str(survey.id), "ambassador_id": str(ambassador_id), "anonymous": survey.fields.anonymous}
        respondent.record(
            DomainEvent(type=EventType.SURVEY_ANSWERED, tenant_id=survey.tenant_id, occurred_at=now, data=data)
        )
        return respondent


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionResult:
    """One question's figures; all None or empty when ``withheld`` (fewer than ``MIN_GROUP`` replies)."""

    question: int
    kind: QuestionKind
    prompt: str
    replies: int
    withheld: bool
    reason: str | None = None
    average: Decimal | None = None
    scores: tuple[tuple[int, int], ...] = ()
    nps: int | None = None
    promoters: int | None = None
    passives: int | None = None
    detractors: int | None = None
    options: tuple[tuple[str, int], ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyResults:
    survey_id: UUID
    answers: int
    withheld: bool
    reason: str | None
    questions: tuple[QuestionResult, ...]


def withheld_reason(count: int) -> str:
    return Message(
        "Only {count} answers: results of fewer than {least} answers are never shown, so no one can be recognised "
        "in them.",
        count=count,
        least=MIN_GROUP,
    )


def net_promoter_score(scores: Sequence[int]) -> int | None:
    """The share of promoters (9-10) less the share of detractors (0-6), in points from -100 to 100."""
    if not scores:
        return None
    promoters = sum(1 for score in scores if score >= PROMOTERS)
    detractors = sum(1 for score in scores if score <= DETRACTORS)
    exact = Decimal(100 * (promoters - detractors)) / Decimal(len(scores))
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def average(scores: Sequence[int]) -> Decimal | None:
    if not scores:
        return None
    return (Decimal(sum(scores)) / Decimal(len(scores))).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def results_of(survey: Survey, answers: Sequence[Sequence[Reply]]) -> SurveyResults:
    """The survey's results from its answers' replies; withheld below ``MIN_GROUP`` answers."""
    count = len(answers)
    if count < MIN_GROUP:
        reason = withheld_reason(count)
        questions = tuple(
            QuestionResult(question=i, kind=q.kind, prompt=q.prompt, replies=0, withheld=True, reason=reason)
            for i, q in enumerate(survey.fields.questions)
        )
        return SurveyResults(survey_id=survey.id, answers=count, withheld=True, reason=reason, questions=questions)
    by_question: dict[int, list[Reply]] = {}
    for replies in answers:
        for reply in replies:
            by_question.setdefault(reply.question, []).append(reply)
    results = tuple(_result(i, q, by_question.get(i, [])) for i, q in enumerate(survey.fields.questions))
    return SurveyResults(survey_id=survey.id, answers=count, withheld=False, reason=None, questions=results)


def _result(index: int, question: Question, replies: list[Reply]) -> QuestionResult:
    count = len(replies)
    base = QuestionResult(question=index, kind=question.kind, prompt=question.prompt, replies=count, withheld=False)
    if count < MIN_GROUP:
        reason = Message(
            "Only {count} replies to this question: figures of fewer than {least} replies are never shown.",
            count=count,
            least=MIN_GROUP,
        )
        return replace(base, withheld=True, reason=reason)
    kind = question.kind
    if kind in SCALES:
        scores = [r.score for r in replies if r.score is not None]
        least, most = SCALES[kind]
        tally = Counter(scores)
        spread = tuple((value, tally.get(value, 0)) for value in range(least, most + 1))
        if kind is QuestionKind.SATISFACTION:
            return replace(base, average=average(scores), scores=spread)
        promoters = sum(1 for s in scores if s >= PROMOTERS)
        detractors = sum(1 for s in scores if s <= DETRACTORS)
        return replace(
            base,
            average=average(scores),
            scores=spread,
            nps=net_promoter_score(scores),
            promoters=promoters,
            passives=len(scores) - promoters - detractors,
            detractors=detractors,
        )
    if kind is QuestionKind.MULTIPLE_CHOICE:
        picked = Counter(choice for r in replies for choice in r.choices)
        return replace(base, options=tuple((o, picked.get(o, 0)) for o in question.options))
    return replace(base, texts=tuple(r.text for r in replies if r.text is not None))
