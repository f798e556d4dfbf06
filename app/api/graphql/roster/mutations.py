"""Write entry points. Each returns its success type or a typed failure from its union;
resolvers only call a use case and map its result (see ``error_handlers.HANDLED`` for failures)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import ExpectedVersion
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import global_id, uuid_of
from app.api.graphql.roster import inputs
from app.api.graphql.roster.mappers import ambassador_node, employee_node, invitation_node, social_account_node
from app.api.graphql.roster.results import (
    ConnectSocialAccountResult,
    CreateEmployeeResult,
    DisconnectSocialAccountResult,
    InviteAmbassadorResult,
    OptInResult,
    OptOutResult,
    SetPreferencesResult,
    TerminateEmployeeResult,
    UpdateAmbassadorResult,
    UpdateEmployeeResult,
    UpdateSocialAccountResult,
)
from app.api.graphql.roster.types import DisconnectedSocialAccount
from app.domain.roster.ambassadors import MAX_AUDIENCE
from app.services.roster.manage_social_accounts import UpdateSocialAccountCommand
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from app.services.roster.update_employee import UpdateEmployeeCommand

Info = strawberry.Info[GraphQLContext, None]
EmployeeId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The employee's `id`.")]


@strawberry.type
class RosterMutation:
    @described.mutation("Invite an employee to join (admin, manager). They join only by opting in.")
    async def invite_ambassador(
        self,
        info: Info,
        employee_id: Annotated[strawberry.ID, strawberry.argument(description="The `id` of the employee to invite.")],
    ) -> InviteAmbassadorResult:
        context = info.context
        uuid = uuid_of(employee_id, "Employee", ("employee_id",))
        return invitation_node(await context.services.roster.invite_ambassador(context.principal, uuid))

    @described.mutation("Pause or resume a membership, or edit its notes (admin, manager).")
    async def update_ambassador(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The membership's `id`.")],
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.AmbassadorChangesInput, strawberry.argument(description="The changes.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> UpdateAmbassadorResult:
        uuid = uuid_of(ambassador_id, "Ambassador", ("id",))
        notes_given, notes = inputs.notes(input)
        command = UpdateAmbassadorCommand(
            ambassador_id=uuid,
            status=inputs.membership_status(input),
            notes=notes,
            notes_given=notes_given,
            expected_version=expected_version,
        )
        context = info.context
        return ambassador_node(await context.services.roster.update_ambassador(context.principal, command))

    @described.mutation("Join the programme, invited or not. Your consent is recorded with its time.")
    async def opt_in(self, info: Info) -> OptInResult:
        context = info.context
        return ambassador_node(await context.services.roster.opt_in(context.principal))

    @described.mutation("Leave the programme. Always allowed.")
    async def opt_out(self, info: Info) -> OptOutResult:
        context = info.context
        return ambassador_node(await context.services.roster.opt_out(context.principal))

    @described.mutation("Replace your preferences as a whole.")
    async def set_preferences(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.PreferencesInput, strawberry.argument(description="Your preferences, all of them.")
        ],
    ) -> SetPreferencesResult:
        context = info.context
        return ambassador_node(
            await context.services.roster.set_preferences(context.principal, inputs.preferences(input))
        )

    @described.mutation("Connect one of your social accounts.")
    async def connect_social_account(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.SocialAccountInput, strawberry.argument(description="The account to connect.")
        ],
    ) -> ConnectSocialAccountResult:
        context = info.context
        command = inputs.social_account_command(input)
        return social_account_node(await context.services.roster.connect_social_account(context.principal, command))

    @described.mutation(
        "Say how many people follow one of your accounts now: kept in its audience history, and the potential "
        "reach of the shares you confirm from now on."
    )
    async def update_social_account(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The account's `id`.")],
        audience_size: Annotated[
            int, strawberry.argument(description=f"Your followers or connections there now, 0 to {MAX_AUDIENCE}.")
        ],
    ) -> UpdateSocialAccountResult:
        context = info.context
        command = UpdateSocialAccountCommand(
            account_id=uuid_of(account_id, "SocialAccount", ("id",)), audience_size=audience_size
        )
        return social_account_node(await context.services.roster.update_social_account(context.principal, command))

    @described.mutation("Disconnect one of your social accounts.")
    async def disconnect_social_account(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The account's `id`.")],
    ) -> DisconnectSocialAccountResult:
        context = info.context
        uuid = uuid_of(account_id, "SocialAccount", ("id",))
        await context.services.roster.disconnect_social_account(context.principal, uuid)
        return DisconnectedSocialAccount(social_account_id=global_id("SocialAccount", uuid))

    @described.mutation("Add an employee to the roster (admin, integrator).")
    async def create_employee(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.EmployeeInput, strawberry.argument(description="The new employee.")
        ],
    ) -> CreateEmployeeResult:
        context = info.context
        return employee_node(
            await context.services.roster.create_employee(context.principal, inputs.employee_profile(input))
        )

    @described.mutation("Change the fields sent (admin, integrator).")
    async def update_employee(
        self,
        info: Info,
        employee_id: EmployeeId,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.EmployeeChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> UpdateEmployeeResult:
        command = UpdateEmployeeCommand(
            employee_id=uuid_of(employee_id, "Employee", ("id",)),
            changes=inputs.employee_changes(input),
            expected_version=expected_version,
        )
        context = info.context
        return employee_node(await context.services.roster.update_employee(context.principal, command))

    @described.mutation(
        "Record a departure (admin, integrator), not before their hiredOn; their membership moves to LEFT."
    )
    async def terminate_employee(
        self,
        info: Info,
        employee_id: EmployeeId,
        terminated_on: Annotated[
            date | None, strawberry.argument(description="Their last day; today (UTC) if omitted.")
        ] = None,
        expected_version: ExpectedVersion = None,
    ) -> TerminateEmployeeResult:
        command = TerminateEmployeeCommand(
            employee_id=uuid_of(employee_id, "Employee", ("id",)),
            terminated_on=terminated_on,
            expected_version=expected_version,
        )
        context = info.context
        return employee_node(await context.services.roster.terminate_employee(context.principal, command))
