"""Members of training's problems."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from app.api.rest.problem_members import ProblemMembers
from app.domain.community.training_progress import TrainingRequired


class RequiredModules(ProblemMembers):
    modules: list[UUID] = Field(description="The ids of the required training modules still to complete.")

    @classmethod
    def of(cls, error: TrainingRequired) -> RequiredModules:
        return cls(modules=list(error.modules))
