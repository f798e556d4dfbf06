"""Training between REST bodies and the domain."""

from __future__ import annotations

from typing import Any

from app.api.rest.community.training.schemas import (
    LessonBody,
    LessonOut,
    ModuleCreate,
    ModuleOut,
    ModuleUpdate,
    ProgressOut,
    QuizBody,
    QuizOut,
    QuizQuestionOut,
)
from app.domain.community.training import Lesson, ModuleFields, Question, Quiz, TrainingModule
from app.domain.community.training_progress import TrainingProgress


def _lessons(bodies: list[LessonBody]) -> tuple[Lesson, ...]:
    return tuple(Lesson(title=b.title, body=b.body, links=tuple(b.links), video_url=b.video_url) for b in bodies)


def _quiz(body: QuizBody | None) -> Quiz | None:
    if body is None:
        return None
    return Quiz(
        pass_mark=body.pass_mark,
        questions=tuple(
            Question(prompt=q.prompt, choices=tuple(q.choices), correct=frozenset(q.correct)) for q in body.questions
        ),
    )


def module_fields(body: ModuleCreate) -> ModuleFields:
    return ModuleFields(title=body.title, summary=body.summary, lessons=_lessons(body.lessons), quiz=_quiz(body.quiz))


def module_changes(body: ModuleUpdate) -> dict[str, Any]:
    """The fields sent, as the domain names them."""
    sent = body.model_fields_set
    changes: dict[str, Any] = {name: getattr(body, name) for name in sent & {"title", "summary"}}
    if "lessons" in sent and body.lessons is not None:
        changes["lessons"] = _lessons(body.lessons)
    if "quiz" in sent:
        changes["quiz"] = _quiz(body.quiz)
    return changes


def module_out(module: TrainingModule, *, with_answers: bool) -> ModuleOut:
    """``with_answers``: staff read the right choices; ambassadors never do."""
    fields, quiz = module.fields, module.fields.quiz
    return ModuleOut(
        id=module.id,
        title=fields.title,
        summary=fields.summary,
        lessons=[
            LessonOut(position=n, title=it.title, body=it.body, links=list(it.links), video_url=it.video_url)
            for n, it in enumerate(fields.lessons, start=1)
        ],
        quiz=None
        if quiz is None
        else QuizOut(
            pass_mark=quiz.pass_mark,
            questions=[
                QuizQuestionOut(
                    prompt=q.prompt, choices=list(q.choices), correct=sorted(q.correct) if with_answers else None
                )
                for q in quiz.questions
            ],
        ),
        status=module.status,
        published_at=module.published_at,
        created_at=module.created_at,
        updated_at=module.updated_at,
    )


def progress_out(progress: TrainingProgress) -> ProgressOut:
    return ProgressOut(
        module_id=progress.module_id,
        ambassador_id=progress.ambassador_id,
        lessons_done=sorted(progress.lessons_done),
        attempts=progress.attempts,
        best_score=progress.best_score,
        completed=progress.completed,
        completed_at=progress.completed_at,
        started_at=progress.started_at,
    )
