"""The extension members of the catalogue's problem types."""

from __future__ import annotations

from pydantic import Field

from app.api.rest.problem_members import ProblemMembers
from app.domain.rewards import refusals


class PointsShortfall(ProblemMembers):
    balance: int = Field(description="The points your balance holds now.")
    cost: int = Field(description="The points the reward or the donation costs.")

    @classmethod
    def of(cls, error: refusals.InsufficientPoints) -> PointsShortfall:
        return cls(balance=error.balance, cost=error.cost)


class PersonLimit(ProblemMembers):
    per_person_limit: int = Field(description="How many redemptions of the reward one person may hold.")

    @classmethod
    def of(cls, error: refusals.RedemptionLimitReached) -> PersonLimit:
        return cls(per_person_limit=error.limit)
