"""The extension members of recruiting's problems: the employees a wave cannot invite, the daily
limit of referrals."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from app.api.rest.problem_members import ProblemMembers
from app.domain.community.recruiting import ReferralLimitReached, WaveEmployeesRefused


class RefusedEmployees(ProblemMembers):
    unknown_employee_ids: list[UUID] = Field(description="The ids no employee of the organisation has.")
    terminated_employee_ids: list[UUID] = Field(description="The ids of employees who no longer work there.")

    @classmethod
    def of(cls, error: WaveEmployeesRefused) -> RefusedEmployees:
        return cls(unknown_employee_ids=list(error.unknown), terminated_employee_ids=list(error.terminated))


class ReferralLimit(ProblemMembers):
    referrals_per_day: int = Field(description="How many colleagues one ambassador may invite a UTC day.")

    @classmethod
    def of(cls, error: ReferralLimitReached) -> ReferralLimit:
        return cls(referrals_per_day=error.limit)
