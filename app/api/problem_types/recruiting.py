"""Problem types of recruiting: a wave naming employees who cannot be invited, and the daily limit of
referrals."""

from __future__ import annotations

from uuid import UUID

from app.api.graphql.community.recruiting import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.community.recruiting.problems import ReferralLimit, RefusedEmployees
from app.domain.community.recruiting import (
    REFERRALS_PER_DAY,
    ReferralLimitReached,
    WaveEmployeesRefused,
    WaveInvitesNobody,
)

WAVE_EMPLOYEES_REFUSED = of_error(
    WaveEmployeesRefused,
    409,
    "Employees cannot be invited",
    means="The wave names employees the organisation does not know (`unknown_employee_ids`) or who no longer "
    "work there (`terminated_employee_ids`). The wave was not created and nobody was invited.",
    fix="Remove those ids from `employee_ids` and create the wave again.",
    example=WaveEmployeesRefused([UUID("0196a3b2-7d10-7c3e-8f21-4b5a6c7d8e9f")], []),
    rest=RefusedEmployees.of,
    graphql=gql.WAVE_EMPLOYEES_REFUSED,
)
WAVE_INVITES_NOBODY = of_error(
    WaveInvitesNobody,
    409,
    "Wave invites nobody",
    means="The wave's `department` and `location` match no prospect: everyone there is already a member, "
    "or nobody works there. Nothing was created.",
    fix="Check the values against the prospects' counts, or name the employees in `employee_ids`.",
    example=WaveInvitesNobody(),
    graphql=gql.WAVE_INVITES_NOBODY,
)
REFERRAL_LIMIT_REACHED = of_error(
    ReferralLimitReached,
    409,
    "Daily referral limit reached",
    means="The ambassador already invited `referrals_per_day` colleagues today (UTC), as many as one may.",
    fix="Invite more colleagues tomorrow (after midnight UTC).",
    example=ReferralLimitReached(REFERRALS_PER_DAY),
    rest=ReferralLimit.of,
    graphql=gql.REFERRAL_LIMIT_REACHED,
)
