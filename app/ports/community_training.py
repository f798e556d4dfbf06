"""Ports of training: modules, and each ambassador's progress through them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol
from uuid import UUID

from app.domain.community.training import ModuleStatus, TrainingModule
from app.domain.community.training_progress import ModuleCompletion, TrainingProgress
from app.ports.pagination import Page, PageRequest


class TrainingModuleRepository(Protocol):
    async def add(self, module: TrainingModule) -> None: ...
    async def save(self, module: TrainingModule) -> None: ...
    async def get(self, module_id: UUID, *, for_update: bool = False) -> TrainingModule | None: ...
    async def list(self, status: ModuleStatus | None, page: PageRequest) -> Page[TrainingModule]: ...

    async def missing(self, ambassador_id: UUID, module_ids: Sequence[UUID]) -> Sequence[tuple[UUID, str]]:
        """The published modules among ``module_ids`` the ambassador has not completed, with their titles,
        in one read (modules unknown, draft or archived are not asked for)."""
        ...


class TrainingProgressRepository(Protocol):
    async def add(self, progress: TrainingProgress) -> None: ...
    async def save(self, progress: TrainingProgress) -> None: ...
    async def get(
        self, module_id: UUID, ambassador_id: UUID, *, for_update: bool = False
    ) -> TrainingProgress | None: ...

    async def completions(self, module_id: UUID, page: PageRequest) -> Page[TrainingProgress]:
        """The module's completed progress, by id (the order in which ambassadors started)."""
        ...

    async def summary(self, module_id: UUID) -> ModuleCompletion:
        """How many completed the module, how many are on their way, and how many ambassadors are active."""
        ...
