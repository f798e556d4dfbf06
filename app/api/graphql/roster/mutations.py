"""Write entry points. Each returns its success type or a typed failure from its union;
resolvers only call a use case and map its result (see ``error_handlers.HANDLED`` for failures)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.context import GraphQLContext
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
)
from app.api.graphql.roster.types import DisconnectedSocialAccount
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from app.services.roster.update_employee import UpdateEmployeeCommand

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[UUID, strawberry.argument(name="id")]
ExpectedVersion = Annotated[
    int | None, strawberry.argument(description="The `version` you last read; stale changes are refused.")
]


@strawberry.type
class RosterMutation:
    @described.mutation("Invite an employee to join (admin, manager). They join only by opting in.")
    async def invite_ambassador(self, info: Info, employee_id: UUID) -> InviteAmbassadorResult:
        context = info.context
        return invitation_node(await context.services.roster.invite_ambassador(context.principal, employee_id))

    @described.mutation("Pause or resume a membership, or edit its notes (admin, manager).")
    async def update_ambassador(
        self,
        info: Info,
        ambassador_id: Id,
        input: inputs.AmbassadorChangesInput,  # noqa: A002 - the GraphQL convention
        expected_version: ExpectedVersion = None,
    ) -> UpdateAmbassadorResult:
        notes_given, notes = inputs.notes(input)
        command = UpdateAmbassadorCommand(
            ambassador_id=ambassador_id,
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
        input: inputs.PreferencesInput,  # noqa: A002 - the GraphQL convention
    ) -> SetPreferencesResult:
        context = info.context
        return ambassador_node(
            await context.services.roster.set_preferences(context.principal, inputs.preferences(input))
        )

    @described.mutation("Connect one of your social accounts.")
    async def connect_social_account(
        self,
        info: Info,
        input: inputs.SocialAccountInput,  # noqa: A002 - the GraphQL convention
    ) -> ConnectSocialAccountResult:
        context = info.context
        command = inputs.social_account_command(input)
        return social_account_node(await context.services.roster.connect_social_account(context.principal, command))

    @described.mutation("Disconnect one of your social accounts.")
    async def disconnect_social_account(self, info: Info, account_id: Id) -> DisconnectSocialAccountResult:
        context = info.context
        await context.services.roster.disconnect_social_account(context.principal, account_id)
        return DisconnectedSocialAccount(id=account_id)

    @described.mutation("Add an employee to the roster (admin, integrator).")
    async def create_employee(
        self,
        info: Info,
        input: inputs.EmployeeInput,  # noqa: A002 - the GraphQL convention
    ) -> CreateEmployeeResult:
        context = info.context
        return employee_node(
            await context.services.roster.create_employee(context.principal, inputs.employee_profile(input))
        )

    @described.mutation("Change the fields sent (admin, integrator).")
    async def update_employee(
        self,
        info: Info,
        employee_id: Id,
        input: inputs.EmployeeChangesInput,  # noqa: A002 - the GraphQL convention
        expected_version: ExpectedVersion = None,
    ) -> UpdateEmployeeResult:
        command = UpdateEmployeeCommand(
            employee_id=employee_id, changes=inputs.employee_changes(input), expected_version=expected_version
        )
        context = info.context
        return employee_node(await context.services.roster.update_employee(context.principal, command))

    @described.mutation("Record a departure (admin, integrator); their membership moves to LEFT.")
    async def terminate_employee(
        self,
        info: Info,
        employee_id: Id,
        terminated_on: Annotated[date | None, strawberry.argument(description="Defaults to today (UTC).")] = None,
        expected_version: ExpectedVersion = None,
    ) -> TerminateEmployeeResult:
        command = TerminateEmployeeCommand(
            employee_id=employee_id, terminated_on=terminated_on, expected_version=expected_version
        )
        context = info.context
        return employee_node(await context.services.roster.terminate_employee(context.principal, command))
