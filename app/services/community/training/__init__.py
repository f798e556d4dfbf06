"""Use cases of training: modules (staff), progress and quiz attempts (ambassadors), completions (staff).

``build_training`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.training.modules import (
    ArchiveModule,
    CreateModule,
    GetModule,
    ListModules,
    PublishModule,
    UpdateModule,
)
from app.services.community.training.progress import (
    GetMyProgress,
    ListCompletions,
    MarkLessonDone,
    SubmitQuizAttempt,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingUseCases:
    create_module: CreateModule
    update_module: UpdateModule
    publish_module: PublishModule
    archive_module: ArchiveModule
    get_module: GetModule
    list_modules: ListModules
    mark_lesson_done: MarkLessonDone
    submit_quiz_attempt: SubmitQuizAttempt
    get_my_progress: GetMyProgress
    list_completions: ListCompletions


def build_training(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> TrainingUseCases:
    return TrainingUseCases(
        create_module=CreateModule(uow, clock, ids),
        update_module=UpdateModule(uow, clock, ids),
        publish_module=PublishModule(uow, clock, ids),
        archive_module=ArchiveModule(uow, clock, ids),
        get_module=GetModule(uow, clock, ids),
        list_modules=ListModules(uow, clock, ids),
        mark_lesson_done=MarkLessonDone(uow, clock, ids),
        submit_quiz_attempt=SubmitQuizAttempt(uow, clock, ids),
        get_my_progress=GetMyProgress(uow, clock, ids),
        list_completions=ListCompletions(uow, clock, ids),
    )
