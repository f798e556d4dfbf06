"""PostgreSQL repositories of training modules and progress, scoped to the unit of work's tenant."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.community.training.tables import TrainingModuleRow, TrainingProgressRow
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.tables import AmbassadorRow
from app.domain.community.training import Lesson, ModuleFields, ModuleStatus, Question, Quiz, TrainingModule
from app.domain.community.training_progress import ModuleCompletion, TrainingProgress
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.pagination import Page, PageRequest

modules = TrainingModuleRow.__table__  # type: ignore[attr-defined]
progress = TrainingProgressRow.__table__  # type: ignore[attr-defined]
ambassadors = AmbassadorRow.__table__  # type: ignore[attr-defined]
_m = modules.c
_p = progress.c
_FIXED_MODULE = ("tenant_id", "id", "created_at", "created_by")
_FIXED_PROGRESS = ("tenant_id", "id", "module_id", "ambassador_id", "started_at")


def module_values(module: TrainingModule) -> dict[str, Any]:
    fields = module.fields
    quiz = fields.quiz
    return {
        "tenant_id": module.tenant_id,
        "id": module.id,
        "title": fields.title,
        "summary": fields.summary,
        "lessons": [
            {"title": lesson.title, "body": lesson.body, "links": list(lesson.links), "video_url": lesson.video_url}
            for lesson in fields.lessons
        ],
        "quiz": None
        if quiz is None
        else {
            "pass_mark": quiz.pass_mark,
            "questions": [
                {"prompt": q.prompt, "choices": list(q.choices), "correct": sorted(q.correct)} for q in quiz.questions
            ],
        },
        "status": module.status.value,
        "created_by": module.created_by,
        "version": module.version,
        "published_at": module.published_at,
        "created_at": module.created_at,
        "updated_at": module.updated_at,
    }


def module_from_row(row: Any) -> TrainingModule:
    quiz = row.quiz
    return TrainingModule(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=ModuleFields(
            title=row.title,
            summary=row.summary,
            lessons=tuple(
                Lesson(title=item["title"], body=item["body"], links=tuple(item["links"]), video_url=item["video_url"])
                for item in row.lessons
            ),
            quiz=None
            if quiz is None
            else Quiz(
                pass_mark=quiz["pass_mark"],
                questions=tuple(
                    Question(prompt=q["prompt"], choices=tuple(q["choices"]), correct=frozenset(q["correct"]))
                    for q in quiz["questions"]
                ),
            ),
        ),
        status=ModuleStatus(row.status),
        created_by=row.created_by,
        version=row.version,
        published_at=row.published_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def progress_values(item: TrainingProgress) -> dict[str, Any]:
    return {
        "tenant_id": item.tenant_id,
        "id": item.id,
        "module_id": item.module_id,
        "ambassador_id": item.ambassador_id,
        "lessons_done": sorted(item.lessons_done),
        "attempts": item.attempts,
        "best_score": item.best_score,
        "version": item.version,
        "completed_at": item.completed_at,
        "started_at": item.started_at,
        "updated_at": item.updated_at,
    }


def progress_from_row(row: Any) -> TrainingProgress:
    return TrainingProgress(
        id=row.id,
        tenant_id=row.tenant_id,
        module_id=row.module_id,
        ambassador_id=row.ambassador_id,
        lessons_done=frozenset(row.lessons_done),
        attempts=row.attempts,
        best_score=row.best_score,
        version=row.version,
        completed_at=row.completed_at,
        started_at=row.started_at,
        updated_at=row.updated_at,
    )


class PostgresTrainingModuleRepository(_Repository):
    async def add(self, module: TrainingModule) -> None:
        self._require_own(module.tenant_id)
        await self._write(sa.insert(modules).values(module_values(module)), module)

    async def save(self, module: TrainingModule) -> None:
        self._require_own(module.tenant_id)
        values = {k: v for k, v in module_values(module).items() if k not in _FIXED_MODULE}
        statement = sa.update(modules).where(_m.tenant_id == self._tenant_id, _m.id == module.id).values(values)
        await self._write(statement, module)

    async def get(self, module_id: UUID, *, for_update: bool = False) -> TrainingModule | None:
        statement = sa.select(modules).where(_m.tenant_id == self._tenant_id, _m.id == module_id)
        return await self._one(statement.with_for_update() if for_update else statement, module_from_row)

    async def list(self, status: ModuleStatus | None, page: PageRequest) -> Page[TrainingModule]:
        statement = sa.select(modules).where(_m.tenant_id == self._tenant_id)
        if status is not None:
            statement = statement.where(_m.status == status.value)
        return await self._page(statement, _m.id, page, module_from_row)

    async def missing(self, ambassador_id: UUID, module_ids: Sequence[UUID]) -> Sequence[tuple[UUID, str]]:
        done = sa.exists().where(
            _p.tenant_id == _m.tenant_id,
            _p.ambassador_id == ambassador_id,
            _p.module_id == _m.id,
            _p.completed_at.is_not(None),
        )
        statement = (
            sa.select(_m.id, _m.title)
            .where(
                _m.tenant_id == self._tenant_id,
                _m.id.in_(list(module_ids)),
                _m.status == ModuleStatus.PUBLISHED.value,
                ~done,
            )
            .order_by(_m.id)
        )
        return [(row.id, row.title) for row in (await self._session.execute(statement)).all()]


class PostgresTrainingProgressRepository(_Repository):
    async def add(self, item: TrainingProgress) -> None:
        self._require_own(item.tenant_id)
        await self._write(sa.insert(progress).values(progress_values(item)), item)

    async def save(self, item: TrainingProgress) -> None:
        self._require_own(item.tenant_id)
        values = {k: v for k, v in progress_values(item).items() if k not in _FIXED_PROGRESS}
        statement = sa.update(progress).where(_p.tenant_id == self._tenant_id, _p.id == item.id).values(values)
        await self._write(statement, item)

    async def get(self, module_id: UUID, ambassador_id: UUID, *, for_update: bool = False) -> TrainingProgress | None:
        statement = sa.select(progress).where(
            _p.tenant_id == self._tenant_id, _p.ambassador_id == ambassador_id, _p.module_id == module_id
        )
        return await self._one(statement.with_for_update() if for_update else statement, progress_from_row)

    async def completions(self, module_id: UUID, page: PageRequest) -> Page[TrainingProgress]:
        statement = sa.select(progress).where(
            _p.tenant_id == self._tenant_id, _p.module_id == module_id, _p.completed_at.is_not(None)
        )
        return await self._page(statement, _p.id, page, progress_from_row)

    async def summary(self, module_id: UUID) -> ModuleCompletion:
        a = ambassadors.c
        active = (
            sa.select(sa.func.count())
            .where(a.tenant_id == self._tenant_id, a.status == MembershipStatus.ACTIVE.value)
            .scalar_subquery()
        )
        statement = sa.select(
            sa.func.count().filter(_p.completed_at.is_not(None)).label("completed"),
            sa.func.count().filter(_p.completed_at.is_(None)).label("started"),
            active.label("active"),
        ).where(_p.tenant_id == self._tenant_id, _p.module_id == module_id)
        row = (await self._session.execute(statement)).one()
        return ModuleCompletion(
            module_id=module_id, completions=row.completed, in_progress=row.started, active_ambassadors=row.active
        )
