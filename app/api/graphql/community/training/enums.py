"""GraphQL enums of training: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.community.training import ModuleStatus

TrainingModuleStatus = ModuleStatus
__all__ = ["TrainingModuleStatus"]

domain_enum(
    ModuleStatus,
    "Where a training module stands.",
    {
        ModuleStatus.DRAFT: "Being written; not offered.",
        ModuleStatus.PUBLISHED: "Offered to ambassadors; its lessons and quiz are fixed.",
        ModuleStatus.ARCHIVED: "Withdrawn; completions stay.",
    },
    name="TrainingModuleStatus",
)
