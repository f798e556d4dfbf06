"""Following a training module: lessons done, quiz attempts, your progress; staff read its completions."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.community.training.mappers import progress_out
from app.api.rest.community.training.schemas import CompletionsOut, ProgressOut, QuizAttemptBody, QuizAttemptOut
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.training import MAX_LESSONS
from app.services.community.training.access import LEARNERS, TRAINING_STAFF
from app.services.community.training.progress import QuizAttemptCommand

router = APIRouter(prefix="/v1/training-modules/{module_id}", tags=["training"], route_class=OperationRoute)
LessonPosition = Annotated[int, Path(ge=1, le=MAX_LESSONS, description="The lesson's place in the module, from 1.")]


@router.post(
    "/lessons/{position}/done",
    dependencies=[allowed(LEARNERS)],
    summary="Mark a lesson done",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def mark_lesson_done(
    module_id: UUID, position: LessonPosition, principal: PrincipalDep, services: ServicesDep
) -> ProgressOut:
    """Mark a lesson of a published module done (active ambassadors); again changes nothing. In a module without
    quiz, the last lesson done completes it."""
    return progress_out(await services.training.mark_lesson_done(principal, module_id, position))


@router.post(
    "/quiz-attempts",
    dependencies=[allowed(LEARNERS)],
    summary="Answer a training module's quiz",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND, problem.TRAINING_WITHOUT_QUIZ),
)
async def submit_quiz_attempt(
    module_id: UUID, body: QuizAttemptBody, principal: PrincipalDep, services: ServicesDep
) -> QuizAttemptOut:
    """Answer the quiz of a published module (active ambassadors); it is scored here. A score at the pass mark
    or above completes the module; a lower one may be tried again."""
    command = QuizAttemptCommand(module_id=module_id, answers=[frozenset(answer) for answer in body.answers])
    attempt = await services.training.submit_quiz_attempt(principal, command)
    result = attempt.result
    return QuizAttemptOut(
        score=result.score,
        pass_mark=result.pass_mark,
        passed=result.passed,
        correct=result.correct,
        questions=result.questions,
        progress=progress_out(attempt.progress),
    )


@router.get(
    "/progress",
    dependencies=[allowed(LEARNERS)],
    summary="Read your progress in a training module",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_my_progress(
    module_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> ProgressOut:
    """Your progress in a published module: lessons done, attempts, best score and completion."""
    progress = await services.training.get_my_progress(principal, module_id)
    return conditional(progress_out(progress), progress.version, shows_more=True)


@router.get(
    "/completions",
    dependencies=[allowed(TRAINING_STAFF)],
    summary="List a training module's completions",
    responses=problems(problem.NOT_FOUND),
)
async def list_completions(
    module_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> CompletionsOut:
    """Who completed the module (admin, manager), by when they started, with how many completed or are on their
    way, and the completion rate among the programme's active ambassadors."""
    found = await services.training.list_completions(principal, module_id, page)
    summary = found.summary
    return CompletionsOut(
        module_id=module_id,
        completions=summary.completions,
        in_progress=summary.in_progress,
        active_ambassadors=summary.active_ambassadors,
        completion_rate=summary.completion_rate,
        items=[progress_out(item) for item in found.page.items],
        next_cursor=encode_cursor(found.page.next_after),
    )
