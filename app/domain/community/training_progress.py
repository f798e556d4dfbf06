"""An ambassador's progress through a training module: lessons done, quiz attempts, completion.

A module without a quiz is completed when every lesson is done; a module with a quiz when an attempt
scores its pass mark or more (failed attempts may be made again). Completion is recorded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.community.training import ModuleStatus, Quiz, TrainingModule
from app.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message


class TrainingRequired(Conflict):
    """Sharing waits until the programme's required training modules are completed."""

    code = "training-required"

    def __init__(self, missing: Sequence[tuple[UUID, str]]) -> None:
        super().__init__(
            Message(
                "Complete the required training before sharing: {titles}.",
                titles=", ".join(f"“{title}”" for _, title in missing),
            )
        )
        self.modules = tuple(module_id for module_id, _ in missing)


class NoQuiz(Conflict):
    code = "training-without-quiz"

    def __init__(self) -> None:
        super().__init__(Message("This training module has no quiz: complete it by marking each of its lessons done."))


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizResult:
    """``score`` is the percentage of questions answered exactly right, rounded down."""

    score: int
    pass_mark: int
    correct: int
    questions: int

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_mark


def score(quiz: Quiz, answers: Sequence[frozenset[int]]) -> QuizResult:
    """Score one attempt: a question counts when the choices picked are exactly its right ones."""
    if len(answers) != len(quiz.questions):
        raise ValidationFailed(
            "The quiz attempt is not valid.",
            [
                FieldError(
                    ("answers",),
                    Message("Answer each of the {count} questions, in order.", count=len(quiz.questions)),
                )
            ],
        )
    errors = [
        FieldError(("answers", n), "Pick choices by their positions, counted from 0.")
        for n, (question, picked) in enumerate(zip(quiz.questions, answers, strict=True))
        if any(not 0 <= i < len(question.choices) for i in picked)
    ]
    if errors:
        raise ValidationFailed("The quiz attempt is not valid.", errors)
    right = sum(1 for question, picked in zip(quiz.questions, answers, strict=True) if picked == question.correct)
    return QuizResult(
        score=right * 100 // len(quiz.questions), pass_mark=quiz.pass_mark, correct=right, questions=len(quiz.questions)
    )


def require_open(module: TrainingModule | None, module_id: UUID) -> TrainingModule:
    """The module an ambassador follows: published, or read as missing."""
    if module is None or module.status is not ModuleStatus.PUBLISHED:
        raise NotFound("training module", module_id)
    return module


@dataclass(slots=True, kw_only=True)
class TrainingProgress(TenantAggregate):
    """One ambassador's progress in one module; ``lessons_done`` holds lesson positions, from 1."""

    id: UUID
    tenant_id: UUID
    module_id: UUID
    ambassador_id: UUID
    lessons_done: frozenset[int] = frozenset()
    attempts: int = 0
    best_score: int | None = None
    completed_at: datetime | None = None
    # None only for the progress of one who never started (never stored).
    started_at: datetime | None
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def start(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        module_id: UUID,
        ambassador_id: UUID,
        now: datetime,
    ) -> TrainingProgress:
        return cls(
            id=id, tenant_id=tenant_id, module_id=module_id, ambassador_id=ambassador_id, started_at=now, updated_at=now
        )

    @classmethod
    def not_started(cls, *, module: TrainingModule, ambassador_id: UUID) -> TrainingProgress:
        """What an ambassador who never started the module reads: nothing done, unchanged until they start."""
        return cls(
            id=module.id,
            tenant_id=module.tenant_id,
            module_id=module.id,
            ambassador_id=ambassador_id,
            started_at=None,
            updated_at=module.updated_at,
            version=0,
        )

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def mark_lesson_done(self, module: TrainingModule, position: int, now: datetime) -> None:
        """Mark lesson ``position`` (from 1) done; doing it again changes nothing. Without a quiz, the
        last lesson done completes the module."""
        if not 1 <= position <= module.lesson_count:
            raise NotFound("lesson", position)
        if position in self.lessons_done:
            return
        self.lessons_done = self.lessons_done | {position}
        self._touch(now)
        if module.fields.quiz is None and len(self.lessons_done) == module.lesson_count:
            self._complete(module, now)

    def attempt(self, module: TrainingModule, answers: Sequence[frozenset[int]], now: datetime) -> QuizResult:
        """Score an attempt; a pass completes the module (once: later attempts only count)."""
        if module.fields.quiz is None:
            raise NoQuiz()
        result = score(module.fields.quiz, answers)
        self.attempts += 1
        self.best_score = max(self.best_score or 0, result.score)
        self._touch(now)
        if result.passed:
            self._complete(module, now)
        return result

    def _complete(self, module: TrainingModule, now: datetime) -> None:
        if self.completed_at is not None:
            return
        self.completed_at = now
        self._emit(
            EventType.TRAINING_COMPLETED,
            now,
            {
                "module_id": str(module.id),
                "ambassador_id": str(self.ambassador_id),
                "title": module.fields.title,
                "score": self.best_score,
            },
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleCompletion:
    """Staff's view of a module: who completed it, how many, and the share of active ambassadors."""

    module_id: UUID
    completions: int
    in_progress: int
    active_ambassadors: int

    @property
    def completion_rate(self) -> float:
        return round(self.completions / self.active_ambassadors, 4) if self.active_ambassadors else 0.0
