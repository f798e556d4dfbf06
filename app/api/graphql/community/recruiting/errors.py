"""GraphQL forms of recruiting's refusals."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain.community.recruiting import ReferralLimitReached, WaveEmployeesRefused, WaveInvitesNobody


@strawberry.type(description="Some employees named in the wave cannot be invited; remove them and try again.")
class WaveEmployeesRefusedError(Error):
    unknown_employee_ids: list[UUID] = strawberry.field(description="The ids no employee of the organisation has.")
    terminated_employee_ids: list[UUID] = strawberry.field(description="The ids of employees who no longer work there.")


@strawberry.type(description="No prospect matches the wave's department and location; check them, or name employees.")
class WaveInvitesNobodyError(Error):
    pass


@strawberry.type(description="You invited as many colleagues today as one may; invite more tomorrow (UTC).")
class ReferralLimitReachedError(Error):
    referrals_per_day: int = strawberry.field(description="How many colleagues one ambassador may invite a UTC day.")


WAVE_EMPLOYEES_REFUSED: GraphQLForm[WaveEmployeesRefused] = GraphQLForm(
    WaveEmployeesRefusedError,
    lambda e: {"unknown_employee_ids": list(e.unknown), "terminated_employee_ids": list(e.terminated)},
)
WAVE_INVITES_NOBODY: GraphQLForm[WaveInvitesNobody] = GraphQLForm(WaveInvitesNobodyError)
REFERRAL_LIMIT_REACHED: GraphQLForm[ReferralLimitReached] = GraphQLForm(
    ReferralLimitReachedError, lambda e: {"referrals_per_day": e.limit}
)
