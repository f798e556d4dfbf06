"""Ambassadors follow a published module (lessons done, quiz attempts); staff follow its completions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.community.training import TrainingModule
from app.domain.community.training_progress import ModuleCompletion, QuizResult, TrainingProgress, require_open
from app.domain.errors import NotFound
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.community.training.access import LEARNERS, TRAINING_STAFF, learner
from app.services.roster.linking import require_membership


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizAttemptCommand:
    """``answers`` holds, for each question in order, the positions (from 0) of the choices picked."""

    module_id: UUID
    answers: Sequence[frozenset[int]]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizAttempt:
    result: QuizResult
    progress: TrainingProgress


@dataclass(frozen=True, slots=True, kw_only=True)
class Completions:
    summary: ModuleCompletion
    page: Page[TrainingProgress]


class _Learning(UseCase):
    async def _progress(
        self, uow: UnitOfWork, member: Ambassador, module_id: UUID, now: datetime
    ) -> tuple[TrainingModule, TrainingProgress, bool]:
        module = require_open(await uow.training_modules.get(module_id), module_id)
        found = await uow.training_progress.get(module_id, member.id, for_update=True)
        if found is not None:
            return module, found, False
        started = TrainingProgress.start(
            id=self._ids.new_id(), tenant_id=member.tenant_id, module_id=module_id, ambassador_id=member.id, now=now
        )
        return module, started, True

    @staticmethod
    async def _keep(uow: UnitOfWork, progress: TrainingProgress, new: bool) -> None:
        if new:
            await uow.training_progress.add(progress)
        else:
            await uow.training_progress.save(progress)
        await uow.commit()


class MarkLessonDone(_Learning):
    """Active ambassadors mark a lesson of a published module done, by its position from 1 (again: no
    change). Without a quiz, the last lesson done completes the module (``training.completed``, once)."""

    async def __call__(self, principal: Principal, module_id: UUID, position: int) -> TrainingProgress:
        principal.require_any(LEARNERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await learner(uow, principal, now)
            module, progress, new = await self._progress(uow, member, module_id, now)
            version = progress.version
            progress.mark_lesson_done(module, position, now)
            if new or progress.version != version:
                await self._keep(uow, progress, new)
        return progress


class SubmitQuizAttempt(_Learning):
    """Active ambassadors answer a published module's quiz; it is scored here. A score at or above the
    pass mark completes the module (``training.completed``, once); a lower one says both, and the quiz
    may be tried again. A module without quiz refuses (``training-without-quiz``)."""

    async def __call__(self, principal: Principal, command: QuizAttemptCommand) -> QuizAttempt:
        principal.require_any(LEARNERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await learner(uow, principal, now)
            module, progress, new = await self._progress(uow, member, command.module_id, now)
            result = progress.attempt(module, command.answers, now)
            await self._keep(uow, progress, new)
        return QuizAttempt(result=result, progress=progress)


class GetMyProgress(UseCase):
    """An ambassador's own progress in a published module (nothing done yet when never started)."""

    async def __call__(self, principal: Principal, module_id: UUID) -> TrainingProgress:
        principal.require_any(LEARNERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await require_membership(uow, principal, now, for_update=False)
            module = require_open(await uow.training_modules.get(module_id), module_id)
            found = await uow.training_progress.get(module_id, member.id)
        return found or TrainingProgress.not_started(module=module, ambassador_id=member.id)


class ListCompletions(UseCase):
    """Staff (admin, manager): who completed a module (by when they started), how many completed or are on
    their way, and the completion rate among the programme's active ambassadors."""

    async def __call__(self, principal: Principal, module_id: UUID, page: PageRequest) -> Completions:
        principal.require_any(TRAINING_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            if await uow.training_modules.get(module_id) is None:
                raise NotFound("training module", module_id)
            summary = await uow.training_progress.summary(module_id)
            found = await uow.training_progress.completions(module_id, page)
        return Completions(summary=summary, page=found)
