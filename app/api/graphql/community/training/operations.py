"""GraphQL reads and changes of training: modules, lessons done, quiz attempts, progress and completions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.community.training import types
from app.api.graphql.community.training.enums import TrainingModuleStatus
from app.api.graphql.community.training.inputs import (
    TrainingModuleChangesInput,
    TrainingModuleInput,
    module_changes,
    module_fields,
)
from app.api.graphql.community.training.mappers import module_node, progress_node
from app.api.graphql.community.training.results import (
    ChangeTrainingModuleResult,
    CreateTrainingModuleResult,
    MarkTrainingLessonDoneResult,
    SubmitTrainingQuizResult,
)
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.domain.community.training import TrainingModule
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT
from app.services.community.training.access import is_staff
from app.services.community.training.modules import ModuleTransitionCommand, UpdateModuleCommand
from app.services.community.training.progress import QuizAttemptCommand

Info = strawberry.Info[GraphQLContext, None]
ModuleId = Annotated[strawberry.ID, strawberry.argument(description="The training module's `id`.")]


def _node(info: Info, module: TrainingModule) -> types.TrainingModule:
    return module_node(module, with_answers=is_staff(info.context.principal))


@strawberry.type
class TrainingQuery:
    @described.field("Page through training modules: staff (admin, manager) every one, ambassadors the published ones.")
    async def training_modules(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            TrainingModuleStatus | None, strawberry.argument(description="Only those of this status (staff).")
        ] = None,
    ) -> Connection[types.TrainingModule]:
        page = page_request(first, after)
        found = await info.context.services.training.list_modules(info.context.principal, status, page)
        return connection(found, lambda item: _node(info, item), page)

    @described.field("One training module, or null (ambassadors: published ones, without the right answers).")
    async def training_module(
        self, info: Info, module_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="Its `id`.")]
    ) -> types.TrainingModule | None:
        uuid = uuid_of(module_id, "TrainingModule", ("id",))
        try:
            found = await info.context.services.training.get_module(info.context.principal, uuid)
        except NotFound:
            return None
        return _node(info, found)

    @described.field("Your progress in a published training module (ambassadors), or null when there is none.")
    async def my_training_progress(self, info: Info, module_id: ModuleId) -> types.TrainingProgress | None:
        uuid = uuid_of(module_id, "TrainingModule", ("module_id",))
        try:
            found = await info.context.services.training.get_my_progress(info.context.principal, uuid)
        except NotFound:
            return None
        return progress_node(found)

    @described.field("Who completed a training module, with its completion rate (admin, manager); null if none.")
    async def training_completions(
        self, info: Info, module_id: ModuleId, first: First = DEFAULT_LIMIT, after: After = None
    ) -> types.TrainingCompletions | None:
        uuid = uuid_of(module_id, "TrainingModule", ("module_id",))
        page = page_request(first, after)
        try:
            found = await info.context.services.training.list_completions(info.context.principal, uuid, page)
        except NotFound:
            return None
        summary = found.summary
        return types.TrainingCompletions(
            completions=summary.completions,
            in_progress=summary.in_progress,
            active_ambassadors=summary.active_ambassadors,
            completion_rate=summary.completion_rate,
            completed=connection(found.page, progress_node, page),
        )


@strawberry.type
class TrainingMutation:
    @described.mutation("Write a training module as a draft (admin, manager).")
    async def create_training_module(
        self,
        info: Info,
        input: Annotated[TrainingModuleInput, strawberry.argument(description="The new module.")],  # noqa: A002
    ) -> CreateTrainingModuleResult:
        training = info.context.services.training
        return _node(info, await training.create_module(info.context.principal, module_fields(input)))

    @described.mutation("Change the fields sent (admin, manager); a published module keeps its lessons and quiz.")
    async def update_training_module(
        self,
        info: Info,
        module_id: ModuleId,
        input: Annotated[  # noqa: A002
            TrainingModuleChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeTrainingModuleResult:
        command = UpdateModuleCommand(
            module_id=uuid_of(module_id, "TrainingModule", ("module_id",)),
            changes=module_changes(input),
            expected_version=expected_version,
        )
        return _node(info, await info.context.services.training.update_module(info.context.principal, command))

    @described.mutation("Offer a draft training module to ambassadors (admin, manager).")
    async def publish_training_module(
        self, info: Info, module_id: ModuleId, expected_version: ExpectedVersion = None
    ) -> ChangeTrainingModuleResult:
        command = ModuleTransitionCommand(
            module_id=uuid_of(module_id, "TrainingModule", ("module_id",)), expected_version=expected_version
        )
        return _node(info, await info.context.services.training.publish_module(info.context.principal, command))

    @described.mutation("Withdraw a training module (admin, manager); completions stay.")
    async def archive_training_module(
        self, info: Info, module_id: ModuleId, expected_version: ExpectedVersion = None
    ) -> ChangeTrainingModuleResult:
        command = ModuleTransitionCommand(
            module_id=uuid_of(module_id, "TrainingModule", ("module_id",)), expected_version=expected_version
        )
        return _node(info, await info.context.services.training.archive_module(info.context.principal, command))

    @described.mutation("Mark a lesson of a published module done, by its position from 1 (active ambassadors).")
    async def mark_training_lesson_done(
        self,
        info: Info,
        module_id: ModuleId,
        position: Annotated[int, strawberry.argument(description="The lesson's place in the module, from 1.")],
    ) -> MarkTrainingLessonDoneResult:
        uuid = uuid_of(module_id, "TrainingModule", ("module_id",))
        done = await info.context.services.training.mark_lesson_done(info.context.principal, uuid, position)
        return progress_node(done)

    @described.mutation("Answer a published module's quiz (active ambassadors); a pass completes the module.")
    async def submit_training_quiz(
        self,
        info: Info,
        module_id: ModuleId,
        answers: Annotated[
            list[list[int]],
            strawberry.argument(
                description="For each question, in order, the positions (from 0) of the choices picked."
            ),
        ],
    ) -> SubmitTrainingQuizResult:
        command = QuizAttemptCommand(
            module_id=uuid_of(module_id, "TrainingModule", ("module_id",)),
            answers=[frozenset(answer) for answer in answers],
        )
        attempt = await info.context.services.training.submit_quiz_attempt(info.context.principal, command)
        result = attempt.result
        return types.TrainingQuizAttempt(
            score=result.score,
            pass_mark=result.pass_mark,
            passed=result.passed,
            correct=result.correct,
            questions=result.questions,
            progress=progress_node(attempt.progress),
        )
