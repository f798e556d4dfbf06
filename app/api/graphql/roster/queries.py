"""Read entry points. A missing (or another tenant's) id reads as null, as a 404 does in REST;
a role that may not read gives a top-level error coded ``forbidden``."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, Edge, connection, page_info, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_in, uuid_of
from app.api.graphql.programme.enums import CharterStatus
from app.api.graphql.roster.enums import EmployeeStatus, MembershipStatus
from app.api.graphql.roster.mappers import ambassador_node, audience_observation_node, employee_node, me_node
from app.api.graphql.roster.types import Ambassador, AudienceObservation, Employee, Me
from app.api.pagination import decode_before_cursor, encode_before_cursor
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from app.services.roster.manage_social_accounts import AudienceHistoryRequest

Info = strawberry.Info[GraphQLContext, None]
Department = Annotated[str | None, strawberry.argument(description="Only those of this department, exactly.")]
Location = Annotated[str | None, strawberry.argument(description="Only those at this location, exactly.")]
MAX_SEARCH = 200
AFTER_HINT = "Pass back the endCursor of a previous page, unchanged."


@strawberry.type
class RosterQuery:
    @described.field("Who you are: your roles, your roster record and your membership.")
    async def me(self, info: Info) -> Me:
        context = info.context
        me = me_node(await context.services.roster.get_me(context.principal))
        # The caller may read their own records through any relation, even without a staff role.
        if me.employee is not None:
            context.loaders.employees.prime(me.employee.id, me.employee)
            context.loaders.ambassadors_by_employee.prime(me.employee.id, me.ambassador)
        return me

    @described.field(
        "The audiences you gave one of your social accounts, newest first; null for an account that is not yours."
    )
    async def social_account_audience(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The account's `id`.")],
        first: First = DEFAULT_LIMIT,
        after: After = None,
    ) -> Connection[AudienceObservation] | None:
        request = page_request(first, None)
        before = decode_before_cursor(after, ("after",), AFTER_HINT) if after is not None else None
        command = AudienceHistoryRequest(
            account_id=uuid_of(account_id, "SocialAccount", ("id",)), before=before, limit=request.limit
        )
        try:
            history = await info.context.services.roster.list_audience_history(info.context.principal, command)
        except NotFound:
            return None
        edges = [
            Edge(cursor=encode_before_cursor(item.observed_at) or "", node=audience_observation_node(item))
            for item in history.items
        ]
        has_next = history.next_before is not None
        return Connection(
            edges=edges, page_info=page_info(edges, has_next_page=has_next, after_a_cursor=after is not None)
        )

    @described.field("Page through the roster (admin, manager, moderator, analyst, integrator).")
    async def employees(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        department: Department = None,
        location: Location = None,
        status: Annotated[EmployeeStatus | None, strawberry.argument(description="Only those of this status.")] = None,
        q: Annotated[str | None, strawberry.argument(description="Matches name or e-mail.")] = None,
    ) -> Connection[Employee]:
        page = page_request(first, after)
        if q is not None and len(q) > MAX_SEARCH:
            raise ValidationFailed("The search is too long.", [FieldError(("q",), f"At most {MAX_SEARCH} characters.")])
        criteria = EmployeeFilter(department=department, location=location, status=status, query=q)
        context = info.context
        found = connection(
            await context.services.roster.list_employees(context.principal, criteria, page), employee_node, page
        )
        for edge in found.edges:
            context.loaders.employees.prime(edge.node.id, edge.node)
        return found

    @described.field("One employee of your organisation, or null.")
    async def employee(
        self,
        info: Info,
        employee_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The employee's `id`.")],
    ) -> Employee | None:
        context = info.context
        uuid = uuid_of(employee_id, "Employee", ("id",))
        try:
            return employee_node(await context.services.roster.get_employee(context.principal, uuid))
        except NotFound:
            return None

    @described.field("Page through programme memberships (admin, manager, moderator, analyst).")
    async def ambassadors(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            MembershipStatus | None, strawberry.argument(description="Only memberships of this status.")
        ] = None,
        department: Department = None,
        location: Location = None,
        charter_status: Annotated[
            CharterStatus | None, strawberry.argument(description="NEEDS_ACCEPTANCE: who must accept the charter.")
        ] = None,
    ) -> Connection[Ambassador]:
        page = page_request(first, after)
        criteria = AmbassadorFilter(
            status=status, department=department, location=location, charter_status=charter_status
        )
        context = info.context
        listed = await context.services.roster.list_ambassadors(context.principal, criteria, page)
        found = connection(listed, ambassador_node, page)
        for edge in found.edges:
            context.loaders.ambassadors_by_employee.prime(uuid_in(edge.node.employee_id), edge.node)
        return found

    @described.field("One membership of your organisation, or null.")
    async def ambassador(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The membership's `id`.")],
    ) -> Ambassador | None:
        context = info.context
        uuid = uuid_of(ambassador_id, "Ambassador", ("id",))
        try:
            return ambassador_node(await context.services.roster.get_ambassador(context.principal, uuid))
        except NotFound:
            return None
