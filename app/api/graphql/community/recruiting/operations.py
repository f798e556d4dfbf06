"""GraphQL entry points of recruiting: prospects and their counts, waves with their funnel and your
referrals; the mutations that launch a wave and invite a colleague. The same use cases as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.community.recruiting.errors import (
    ReferralLimitReachedError,
    WaveEmployeesRefusedError,
    WaveInvitesNobodyError,
)
from app.api.graphql.community.recruiting.types import (
    ColleagueReferred,
    InvitationWave,
    LaunchWaveInput,
    Prospect,
    ProspectCounts,
    Referral,
    WaveLaunched,
    counts_node,
    prospect_node,
    referral_node,
    referred_node,
    wave_node,
)
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    AlreadyAmbassadorError,
    EmployeeTerminatedError,
    ForbiddenError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    ValidationError,
)
from app.api.graphql.global_ids import uuid_of
from app.domain.community.recruiting import ProspectStanding
from app.domain.errors import NotFound
from app.ports.community_recruiting import ProspectFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.community.recruiting.waves import LaunchWaveCommand

Info = strawberry.Info[GraphQLContext, None]
Department = Annotated[str | None, strawberry.argument(description="Only those of this department, exactly.")]
Location = Annotated[str | None, strawberry.argument(description="Only those at this location, exactly.")]
Standing = Annotated[ProspectStanding | None, strawberry.argument(description="Only those of this standing.")]

LaunchWaveResult = Annotated[
    WaveLaunched | WaveEmployeesRefusedError | WaveInvitesNobodyError | ValidationError | ForbiddenError,
    strawberry.union("LaunchWaveResult", description="The wave launched, or why not (then nobody was invited)."),
]
ReferColleagueResult = Annotated[
    ColleagueReferred
    | NotFoundError
    | EmployeeTerminatedError
    | AlreadyAmbassadorError
    | ReferralLimitReachedError
    | NotLinkedError
    | NotAnAmbassadorError
    | ForbiddenError,
    strawberry.union("ReferColleagueResult", description="The referral, or why you cannot invite this colleague."),
]


@strawberry.type
class RecruitingQuery:
    @described.field("Active employees who are not members, in id order (admin, manager).")
    async def prospects(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        department: Department = None,
        location: Location = None,
        standing: Standing = None,
    ) -> Connection[Prospect]:
        page = page_request(first, after)
        criteria = ProspectFilter(department=department, location=location, standing=standing)
        context = info.context
        found = await context.services.recruiting.list_prospects(context.principal, criteria, page)
        return connection(found, prospect_node, page)

    @described.field("How many prospects match, in all, by department and by location (admin, manager).")
    async def prospect_counts(
        self, info: Info, department: Department = None, location: Location = None, standing: Standing = None
    ) -> ProspectCounts:
        criteria = ProspectFilter(department=department, location=location, standing=standing)
        context = info.context
        return counts_node(await context.services.recruiting.count_prospects(context.principal, criteria))

    @described.field("The invitation waves, newest first, each with its funnel (staff, analysts).")
    async def invitation_waves(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[InvitationWave]:
        page = page_request(first, after)
        context = info.context
        return connection(await context.services.recruiting.list_waves(context.principal, page), wave_node, page)

    @described.field("One invitation wave with its funnel as of now, or null (staff, analysts).")
    async def invitation_wave(
        self, info: Info, uuid: Annotated[UUID, strawberry.argument(description="The wave's id.")]
    ) -> InvitationWave | None:
        context = info.context
        try:
            return wave_node(await context.services.recruiting.get_wave(context.principal, uuid))
        except NotFound:
            return None

    @described.field("The colleagues you invited, the latest first, and where each referral stands.")
    async def my_referrals(self, info: Info, first: First = DEFAULT_LIMIT, after: After = None) -> Connection[Referral]:
        page = page_request(first, after)
        context = info.context
        return connection(
            await context.services.recruiting.list_my_referrals(context.principal, page), referral_node, page
        )


@strawberry.type
class RecruitingMutation:
    @described.mutation(
        "Invite a list of employees, or the prospects of a department and/or location (admin, manager); "
        "current members are skipped and listed, and an unknown or terminated employee refuses the whole wave."
    )
    async def launch_invitation_wave(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            LaunchWaveInput, strawberry.argument(description="The wave's name, note and whom it invites.")
        ],
    ) -> LaunchWaveResult:
        employee_ids = None
        if input.employee_ids is not None:
            employee_ids = tuple(
                uuid_of(value, "Employee", ("input", "employee_ids", index))
                for index, value in enumerate(input.employee_ids)
            )
        command = LaunchWaveCommand(
            name=input.name,
            note=input.note,
            employee_ids=employee_ids,
            department=input.department,
            location=input.location,
        )
        context = info.context
        return WaveLaunched(wave=wave_node(await context.services.recruiting.launch_wave(context.principal, command)))

    @described.mutation(
        "Invite a colleague to the programme (an active ambassador, a few a day). They get the normal invitation, "
        "once, and may ignore it; you are credited if they join."
    )
    async def refer_colleague(
        self,
        info: Info,
        employee_id: Annotated[strawberry.ID, strawberry.argument(description="Your colleague's employee `id`.")],
    ) -> ReferColleagueResult:
        uuid = uuid_of(employee_id, "Employee", ("employee_id",))
        context = info.context
        return referred_node(await context.services.recruiting.refer_colleague(context.principal, uuid))
