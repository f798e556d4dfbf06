"""The extension members of the idea box's problem types."""

from __future__ import annotations

from pydantic import Field

from app.api.rest.problem_members import ProblemMembers
from app.domain.community.ideas import IdeaAlreadyDecided, IdeaStatus


class DecidedIdea(ProblemMembers):
    idea_status: IdeaStatus = Field(description="How the idea was decided: `accepted` or `declined`.")

    @classmethod
    def of(cls, error: IdeaAlreadyDecided) -> DecidedIdea:
        return cls(idea_status=error.status)
