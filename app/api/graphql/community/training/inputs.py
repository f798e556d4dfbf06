"""GraphQL inputs of training, converted to the same values REST gives the use cases."""

from __future__ import annotations

from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.domain.community.training import Lesson, ModuleFields, Question, Quiz


@strawberry.input(description="A lesson, in its place among the module's lessons.")
class TrainingLessonInput:
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(description="The lesson, in Markdown.")
    links: list[str] = strawberry.field(default_factory=list, description="https addresses to read further.")
    video_url: str | None = strawberry.field(default=None, description="An https address of a video.")


@strawberry.input(description="A question with its choices; `correct` names the right ones by position, from 0.")
class TrainingQuestionInput:
    prompt: str = strawberry.field(description="The question.")
    choices: list[str] = strawberry.field(description="2 to 8 choices, in order.")
    correct: list[int] = strawberry.field(description="The positions (from 0) of the right choices.")


@strawberry.input(description="A quiz, passed with `passMark` percent of questions answered exactly right.")
class TrainingQuizInput:
    pass_mark: int = strawberry.field(description="The pass mark, 1 to 100 percent.")
    questions: list[TrainingQuestionInput] = strawberry.field(description="The questions, in order.")


@strawberry.input(description="A training module to write, as a draft.")
class TrainingModuleInput:
    title: str = strawberry.field(description="Its title.")
    lessons: list[TrainingLessonInput] = strawberry.field(description="1 to 30 lessons, in order.")
    summary: str | None = strawberry.field(default=None, description="What ambassadors learn in it.")
    quiz: TrainingQuizInput | None = strawberry.field(
        default=None, description="Its quiz; none: completed when every lesson is done."
    )


@strawberry.input(description="Only the fields sent change; a published module keeps its lessons and quiz.")
class TrainingModuleChangesInput:
    title: strawberry.Maybe[str | None] = strawberry.field(description="Its title.")
    summary: strawberry.Maybe[str | None] = strawberry.field(description="What ambassadors learn; null clears it.")
    lessons: strawberry.Maybe[list[TrainingLessonInput] | None] = strawberry.field(
        description="Its lessons, in order (drafts only)."
    )
    quiz: strawberry.Maybe[TrainingQuizInput | None] = strawberry.field(
        description="Its quiz (drafts only); null removes it."
    )


def _lessons(items: list[TrainingLessonInput]) -> tuple[Lesson, ...]:
    return tuple(Lesson(title=i.title, body=i.body, links=tuple(i.links), video_url=i.video_url) for i in items)


def _quiz(item: TrainingQuizInput | None) -> Quiz | None:
    if item is None:
        return None
    return Quiz(
        pass_mark=item.pass_mark,
        questions=tuple(
            Question(prompt=q.prompt, choices=tuple(q.choices), correct=frozenset(q.correct)) for q in item.questions
        ),
    )


def module_fields(data: TrainingModuleInput) -> ModuleFields:
    return ModuleFields(title=data.title, summary=data.summary, lessons=_lessons(data.lessons), quiz=_quiz(data.quiz))


def module_changes(data: TrainingModuleChangesInput) -> dict[str, Any]:
    changes = sent_changes(data, clearable=("summary", "quiz"))
    if "lessons" in changes:
        changes["lessons"] = _lessons(changes["lessons"])
    if "quiz" in changes:
        changes["quiz"] = _quiz(changes["quiz"])
    return changes
