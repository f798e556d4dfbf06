"""The training a programme requires before sharing, checked in the share's own transaction."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.community.training_progress import TrainingRequired
from app.ports.unit_of_work import UnitOfWork


async def require_training(uow: UnitOfWork, ambassador_id: UUID, required: Sequence[UUID]) -> None:
    """Refuse (``training-required``, naming what to complete) unless the ambassador completed every
    published module among ``required``; one read, and none when nothing is required."""
    if not required:
        return
    missing = await uow.training_modules.missing(ambassador_id, required)
    if missing:
        raise TrainingRequired(missing)
