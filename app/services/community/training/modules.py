"""Write training modules (staff) and read them (staff: all; ambassadors: the published ones)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.community.training import ModuleFields, ModuleStatus, TrainingModule
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.training.access import TRAINING_READERS, TRAINING_STAFF, is_staff, module_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateModuleCommand:
    module_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleTransitionCommand:
    module_id: UUID
    expected_version: int | None = None


class CreateModule(UseCase):
    """Staff (admin, manager) write a draft: a title, 1-30 ordered lessons (links and video https) and an
    optional quiz whose questions each name their right choices, with a pass mark from 1 to 100 percent."""

    async def __call__(self, principal: Principal, fields: ModuleFields) -> TrainingModule:
        principal.require_any(TRAINING_STAFF)
        tenant_id = principal.require_tenant()
        module = TrainingModule.create(
            id=self._ids.new_id(), tenant_id=tenant_id, fields=fields, author=principal.subject, now=self._clock.now()
        )
        async with self._uow(tenant_id) as uow:
            await uow.training_modules.add(module)
            await uow.commit()
        return module


class UpdateModule(UseCase):
    """Staff only; an archived module is frozen, a published one keeps its lessons and quiz."""

    async def __call__(self, principal: Principal, command: UpdateModuleCommand) -> TrainingModule:
        principal.require_any(TRAINING_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            module = await module_for_change(uow, command.module_id, command.expected_version)
            module.edit(command.changes, self._clock.now())
            await uow.training_modules.save(module)
            await uow.commit()
        return module


class PublishModule(UseCase):
    """Staff only: a draft is offered to ambassadors (``training_module.published``)."""

    async def __call__(self, principal: Principal, command: ModuleTransitionCommand) -> TrainingModule:
        principal.require_any(TRAINING_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            module = await module_for_change(uow, command.module_id, command.expected_version)
            module.publish(self._clock.now())
            await uow.training_modules.save(module)
            await uow.commit()
        return module


class ArchiveModule(UseCase):
    """Staff only: the module is no longer offered nor required; completions already made stay."""

    async def __call__(self, principal: Principal, command: ModuleTransitionCommand) -> TrainingModule:
        principal.require_any(TRAINING_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            module = await module_for_change(uow, command.module_id, command.expected_version)
            module.archive(self._clock.now())
            await uow.training_modules.save(module)
            await uow.commit()
        return module


class GetModule(UseCase):
    """Staff read any module; ambassadors only the published ones (others read as missing)."""

    async def __call__(self, principal: Principal, module_id: UUID) -> TrainingModule:
        principal.require_any(TRAINING_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            module = await uow.training_modules.get(module_id)
        if module is None or not (is_staff(principal) or module.status is ModuleStatus.PUBLISHED):
            raise NotFound("training module", module_id)
        return module


class ListModules(UseCase):
    """Staff page through every module (filtered by status); ambassadors through the published ones."""

    async def __call__(
        self, principal: Principal, status: ModuleStatus | None, page: PageRequest
    ) -> Page[TrainingModule]:
        principal.require_any(TRAINING_READERS)
        wanted = status if is_staff(principal) else ModuleStatus.PUBLISHED
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.training_modules.list(wanted, page)
