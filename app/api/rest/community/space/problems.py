"""The extension members of the space's problem types."""

from __future__ import annotations

from pydantic import Field

from app.api.rest.problem_members import ProblemMembers
from app.domain.community import space_refusals as refusals


class ModerationState(ProblemMembers):
    hidden: bool = Field(description="Whether the item is hidden now.")

    @classmethod
    def of(cls, error: refusals.AlreadyModerated) -> ModerationState:
        return cls(hidden=error.hidden)
