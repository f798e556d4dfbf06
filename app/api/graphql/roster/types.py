"""GraphQL object types: what clients read. Relations resolve through per-request DataLoaders,
so a list of n items costs one batched read per relation, never n reads."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.global_ids import uuid_in
from app.api.graphql.metrics.enums import ImpactPeriod
from app.api.graphql.metrics.types import Impact, impact_node
from app.api.graphql.programme.enums import CharterStatus
from app.api.graphql.roster.enums import EmployeeStatus, MembershipStatus, Network, Role

if TYPE_CHECKING:
    # Only for the ``Info`` annotations: the context imports the loaders, which build these types.
    from app.api.graphql.context import GraphQLContext


@strawberry.type(description="An employee on the organisation's roster.")
class Employee(relay.Node):
    id: relay.NodeID[UUID]
    external_id: str | None = strawberry.field(description="The employee's id in the HRIS; unique per tenant.")
    email: str = strawberry.field(description="Work e-mail address; unique per tenant.")
    given_name: str = strawberry.field(description="First name.")
    family_name: str = strawberry.field(description="Last name.")
    department: str | None = strawberry.field(description="Department, as the HRIS names it.")
    location: str | None = strawberry.field(description="Office or site, as the HRIS names it.")
    language: str | None = strawberry.field(description="BCP 47 language tag.")
    manager_id: relay.GlobalID | None = strawberry.field(description="The `id` of the employee's manager, if known.")
    idp_subject: str | None = strawberry.field(description="The `sub` of this employee's access tokens.")
    status: EmployeeStatus = strawberry.field(description="Whether they still work for the organisation.")
    hired_on: date | None = strawberry.field(description="Their first day.")
    terminated_on: date | None = strawberry.field(description="Their last day, once terminated.")
    created_at: datetime = strawberry.field(description="When the roster got them.")
    updated_at: datetime = strawberry.field(description="When their record last changed.")
    version: int = strawberry.field(description="Send as `expectedVersion` to change this employee safely.")

    @described.field("REST's id of this employee (`/v1/employees/{id}`).")
    def uuid(self) -> UUID:
        return self.id

    @described.field("The employee's manager, when the roster names one.")
    async def manager(self, info: strawberry.Info[GraphQLContext, None]) -> Employee | None:
        if self.manager_id is None:
            return None
        return await info.context.loaders.employees.load(uuid_in(self.manager_id))

    @described.field("The employee's programme membership, if they were ever invited or joined.")
    async def ambassador(self, info: strawberry.Info[GraphQLContext, None]) -> Ambassador | None:
        return await info.context.loaders.ambassadors_by_employee.load(self.id)


@strawberry.type(description="What an ambassador wants to receive and show.")
class Preferences:
    languages: list[str] = strawberry.field(description="BCP 47 tags of the languages they read, preferred first.")
    topics: list[str] = strawberry.field(description="Topics they care about, lowercase.")
    max_shares_per_week: int | None = strawberry.field(description="The most they want to share a week; null: no cap.")
    leaderboard_visible: bool = strawberry.field(description="Shown on leaderboards (hidden by default).")


@strawberry.type(description="One employee's membership of the ambassador programme.")
class Ambassador(relay.Node):
    id: relay.NodeID[UUID]
    employee_id: relay.GlobalID = strawberry.field(description="The `id` of the member's employee record.")
    status: MembershipStatus = strawberry.field(description="Where they stand in the programme.")
    invited_at: datetime | None = strawberry.field(description="When staff invited them, if they did.")
    consented_at: datetime | None = strawberry.field(description="When the employee opted in (their consent).")
    left_at: datetime | None = strawberry.field(description="When they left, while they are out of the programme.")
    notes: str | None = strawberry.field(description="Staff's notes about the membership.")
    preferences: Preferences = strawberry.field(description="What they want to receive and show.")
    charter_version: int | None = strawberry.field(description="The charter version this member accepted, if any.")
    charter_accepted_at: datetime | None = strawberry.field(description="When they accepted it.")
    created_at: datetime = strawberry.field(description="When the membership began (invitation or opt-in).")
    updated_at: datetime = strawberry.field(description="When the membership last changed.")
    version: int = strawberry.field(description="Send as `expectedVersion` to change this membership safely.")

    @described.field("REST's id of this membership (`/v1/ambassadors/{id}`).")
    def uuid(self) -> UUID:
        return self.id

    @described.field("The member's roster record.")
    async def employee(self, info: strawberry.Info[GraphQLContext, None]) -> Employee | None:
        return await info.context.loaders.employees.load(uuid_in(self.employee_id))


@strawberry.type(description="A social account an ambassador shares on.")
class SocialAccount(relay.Node):
    id: relay.NodeID[UUID]
    network: Network = strawberry.field(description="The network it is on.")
    handle: str = strawberry.field(description="The account's name on that network.")
    audience_size: int = strawberry.field(description="Followers or connections, as the ambassador stated them.")
    created_at: datetime = strawberry.field(description="When it was connected.")

    @described.field("REST's id of this account (`/v1/me/social-accounts/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="A social account's audience as its ambassador gave it at a moment.")
class AudienceObservation:
    observed_at: datetime = strawberry.field(description="When it was given: on connecting the account, or a change.")
    audience_size: int = strawberry.field(description="How many people followed the account then.")


@strawberry.type(description="An invitation to join the programme; `created` is false when one already stood.")
class Invitation:
    ambassador: Ambassador = strawberry.field(description="The membership, INVITED until the employee opts in.")
    created: bool = strawberry.field(description="False when the employee was already invited or a member.")


@strawberry.type(description="A social account that is no longer connected.")
class DisconnectedSocialAccount:
    social_account_id: relay.GlobalID = strawberry.field(description="The `id` the account had; remove it from caches.")


@strawberry.type(description="The caller: their token's identity, roster record and membership, when they exist.")
class Me:
    subject: str = strawberry.field(description="The `sub` of your access token.")
    tenant_id: UUID | None = strawberry.field(description="Your organisation's id; null for platform operators.")
    email: str | None = strawberry.field(description="The e-mail address your token carries, if any.")
    roles: list[Role] = strawberry.field(description="What your token allows.")
    employee: Employee | None = strawberry.field(description="Your roster record, once your token is linked to it.")
    ambassador: Ambassador | None = strawberry.field(description="Your programme membership, if any.")
    social_accounts: list[SocialAccount] = strawberry.field(description="The accounts you connected.")
    charter_status: CharterStatus | None = strawberry.field(
        description="Whether you accepted the charter in force; null until your token is linked to an employee."
    )

    @described.field(
        "Your own figures over the current week, month, quarter or year in the programme's time zone, each beside "
        "the whole period before (members of the programme)."
    )
    async def impact(
        self,
        info: strawberry.Info[GraphQLContext, None],
        period: Annotated[
            ImpactPeriod, strawberry.argument(description="The period: this week, month, quarter or year.")
        ] = ImpactPeriod.MONTH,
    ) -> Impact:
        context = info.context
        return impact_node(await context.services.metrics.read_impact(context.principal, period))
