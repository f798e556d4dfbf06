"""GraphQL object types: what clients read. Relations resolve through per-request DataLoaders,
so a list of n items costs one batched read per relation, never n reads."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.programme.enums import CharterStatus
from app.api.graphql.roster.enums import EmployeeStatus, MembershipStatus, Network, Role

if TYPE_CHECKING:
    # Only for the ``Info`` annotations: the context imports the loaders, which build these types.
    from app.api.graphql.context import GraphQLContext


@strawberry.type(description="An employee on the organisation's roster.")
class Employee:
    id: UUID
    external_id: str | None = strawberry.field(description="The employee's id in the HRIS; unique per tenant.")
    email: str
    given_name: str
    family_name: str
    department: str | None
    location: str | None
    language: str | None = strawberry.field(description="BCP 47 language tag.")
    manager_id: UUID | None
    idp_subject: str | None = strawberry.field(description="The `sub` of this employee's access tokens.")
    status: EmployeeStatus
    hired_on: date | None
    terminated_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int = strawberry.field(description="Send as `expectedVersion` to change this employee safely.")

    @described.field("The employee's manager, when the roster names one.")
    async def manager(self, info: strawberry.Info[GraphQLContext, None]) -> Employee | None:
        if self.manager_id is None:
            return None
        return await info.context.loaders.employees.load(self.manager_id)

    @described.field("The employee's programme membership, if they were ever invited or joined.")
    async def ambassador(self, info: strawberry.Info[GraphQLContext, None]) -> Ambassador | None:
        return await info.context.loaders.ambassadors_by_employee.load(self.id)


@strawberry.type(description="What an ambassador wants to receive and show.")
class Preferences:
    languages: list[str]
    topics: list[str]
    max_shares_per_week: int | None
    leaderboard_visible: bool = strawberry.field(description="Shown on leaderboards (hidden by default).")


@strawberry.type(description="One employee's membership of the ambassador programme.")
class Ambassador:
    id: UUID
    employee_id: UUID
    status: MembershipStatus
    invited_at: datetime | None
    consented_at: datetime | None = strawberry.field(description="When the employee opted in (their consent).")
    left_at: datetime | None
    notes: str | None
    preferences: Preferences
    charter_version: int | None = strawberry.field(description="The charter version this member accepted, if any.")
    charter_accepted_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int = strawberry.field(description="Send as `expectedVersion` to change this membership safely.")

    @described.field("The member's roster record.")
    async def employee(self, info: strawberry.Info[GraphQLContext, None]) -> Employee | None:
        return await info.context.loaders.employees.load(self.employee_id)


@strawberry.type(description="A social account an ambassador shares on.")
class SocialAccount:
    id: UUID
    network: Network
    handle: str
    audience_size: int
    created_at: datetime


@strawberry.type(description="An invitation to join the programme; `created` is false when one already stood.")
class Invitation:
    ambassador: Ambassador
    created: bool


@strawberry.type(description="A social account that is no longer connected.")
class DisconnectedSocialAccount:
    id: UUID


@strawberry.type(description="The caller: their token's identity, roster record and membership, when they exist.")
class Me:
    subject: str
    tenant_id: UUID | None
    email: str | None
    roles: list[Role]
    employee: Employee | None = strawberry.field(description="Your roster record, once your token is linked to it.")
    ambassador: Ambassador | None = strawberry.field(description="Your programme membership, if any.")
    social_accounts: list[SocialAccount]
    charter_status: CharterStatus | None = strawberry.field(
        description="Whether you accepted the charter in force; null until your token is linked to an employee."
    )
