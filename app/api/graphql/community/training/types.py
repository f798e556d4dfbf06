"""GraphQL types of training: modules with their lessons and quiz, progress, attempts and completions."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.community.training.enums import TrainingModuleStatus
from app.api.graphql.connections import Connection


@strawberry.type(description="A lesson of a training module.")
class TrainingLesson:
    position: int = strawberry.field(description="Its place, from 1: the number to mark it done with.")
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(description="The lesson, in Markdown.")
    links: list[str] = strawberry.field(description="https addresses to read further.")
    video_url: str | None = strawberry.field(description="An https address of a video, if any.")


@strawberry.type(description="A question of a training quiz.")
class TrainingQuestion:
    prompt: str = strawberry.field(description="The question.")
    choices: list[str] = strawberry.field(description="The choices, in order; answers name them by position from 0.")
    correct: list[int] | None = strawberry.field(
        description="The right choices' positions, for staff; null for ambassadors."
    )


@strawberry.type(description="A training module's quiz.")
class TrainingQuiz:
    pass_mark: int = strawberry.field(description="The pass mark, in percent of questions answered exactly right.")
    questions: list[TrainingQuestion] = strawberry.field(description="The questions, in order.")


@strawberry.type(description="A training module: ordered lessons and an optional quiz.")
class TrainingModule(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this module safely.")
    title: str = strawberry.field(description="Its title.")
    summary: str | None = strawberry.field(description="What ambassadors learn in it, if said.")
    lessons: list[TrainingLesson] = strawberry.field(description="Its lessons, in order.")
    quiz: TrainingQuiz | None = strawberry.field(description="Its quiz; null: completed when every lesson is done.")
    status: TrainingModuleStatus = strawberry.field(description="Draft, published or archived.")
    published_at: datetime | None = strawberry.field(description="When it was published, if it was.")
    created_at: datetime = strawberry.field(description="When it was written.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this module (`/v1/training-modules/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="An ambassador's progress in a training module.")
class TrainingProgress:
    module_id: relay.GlobalID = strawberry.field(description="The module's `id`.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The ambassador's `id`.")
    lessons_done: list[int] = strawberry.field(description="The positions of the lessons marked done.")
    attempts: int = strawberry.field(description="Quiz attempts made.")
    best_score: int | None = strawberry.field(description="The best quiz score, in percent; null before any.")
    completed: bool = strawberry.field(description="Whether the module is completed.")
    completed_at: datetime | None = strawberry.field(description="When it was completed, if it was.")
    started_at: datetime | None = strawberry.field(description="When the ambassador started it; null until then.")


@strawberry.type(description="A quiz attempt, scored: passing completes the module; failing may be tried again.")
class TrainingQuizAttempt:
    score: int = strawberry.field(description="The percentage of questions answered exactly right, rounded down.")
    pass_mark: int = strawberry.field(description="The module's pass mark, in percent.")
    passed: bool = strawberry.field(description="Whether the score reaches the pass mark.")
    correct: int = strawberry.field(description="Questions answered exactly right.")
    questions: int = strawberry.field(description="Questions in the quiz.")
    progress: TrainingProgress = strawberry.field(description="Your progress after the attempt.")


@strawberry.type(description="Who completed a training module, with its figures.")
class TrainingCompletions:
    completions: int = strawberry.field(description="Ambassadors who completed it.")
    in_progress: int = strawberry.field(description="Ambassadors who started it and have not completed it.")
    active_ambassadors: int = strawberry.field(description="The programme's active ambassadors now.")
    completion_rate: float = strawberry.field(description="Completions over active ambassadors (0 when none).")
    completed: Connection[TrainingProgress] = strawberry.field(
        description="Completed progress, by when each ambassador started."
    )
