"""GraphQL entry points of incidents (moderators and admins): the files, reports, actions and exposure."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.community.incidents.types import Incident, IncidentResult, incident_node
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.domain.community.incident_values import ActionKind, Assignee, AssigneeRole, IncidentStatus, Nature, Severity
from app.domain.errors import NotFound
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.community.incidents.act_on_incident import IncidentActionCommand
from app.services.community.incidents.report_incident import ReportIncidentCommand

Info = strawberry.Info[GraphQLContext, None]
IncidentId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The incident's `id`.")]


@strawberry.input(description="An employee who handles the incident, for one team.")
class IncidentAssigneeInput:
    employee_id: strawberry.ID = strawberry.field(description="The employee's `id`.")
    role: AssigneeRole = strawberry.field(description="Their team.")


@strawberry.input(description="An incident, flagged on a share or about an ambassador.")
class ReportIncidentInput:
    summary: str = strawberry.field(description="What happened, for the staff who handle it.")
    severity: Severity = strawberry.field(description="How grave it is.")
    nature: Nature = strawberry.field(default=Nature.UNDETERMINED, description="Personal expression or company matter.")
    share_id: strawberry.ID | None = strawberry.field(
        default=None, description="The share it is flagged on: its ambassador, content and reach come with it."
    )
    ambassador_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who it concerns, when it is flagged on no share."
    )
    assignees: list[IncidentAssigneeInput] = strawberry.field(default_factory=list, description="Who handles it.")


@strawberry.input(description="One action on an incident; `kind` says which other fields it takes.")
class IncidentActionInput:
    kind: ActionKind = strawberry.field(description="What the action is.")
    note: str | None = strawberry.field(default=None, description="A note for the file (not with a resolution).")
    message: str | None = strawberry.field(default=None, description="A reminder's message to the ambassador.")
    severity: Severity | None = strawberry.field(default=None, description="An assessment's severity.")
    nature: Nature | None = strawberry.field(default=None, description="An assessment's nature.")
    content_id: strawberry.ID | None = strawberry.field(default=None, description="The content recalled.")
    assignees: list[IncidentAssigneeInput] | None = strawberry.field(
        default=None, description="An escalation's assignees (hr, communications)."
    )
    outcome: str | None = strawberry.field(default=None, description="A resolution's outcome.")


def _assignees(items: list[IncidentAssigneeInput], field: str) -> list[Assignee]:
    return [
        Assignee(employee_id=uuid_of(item.employee_id, "Employee", (field, index, "employee_id")), role=item.role)
        for index, item in enumerate(items)
    ]


@strawberry.type
class IncidentQuery:
    @described.field("Page through the organisation's incidents in the order reported (moderator, admin).")
    async def incidents(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            IncidentStatus | None, strawberry.argument(description="Keep only those in this status.")
        ] = None,
        severity: Annotated[
            Severity | None, strawberry.argument(description="Keep only those of this severity.")
        ] = None,
    ) -> Connection[Incident]:
        page = page_request(first, after)
        criteria = IncidentFilter(status=status, severity=severity)
        found = await info.context.services.incidents.list_incidents(info.context.principal, criteria, page)
        return connection(found, incident_node, page)

    @described.field("One incident's file with its timeline (moderator, admin), or null.")
    async def incident(self, info: Info, incident_id: IncidentId) -> Incident | None:
        uuid = uuid_of(incident_id, "Incident", ("id",))
        try:
            return incident_node(await info.context.services.incidents.get_incident(info.context.principal, uuid))
        except NotFound:
            return None


@strawberry.type
class IncidentMutation:
    @described.mutation(
        "Report an incident (moderator, admin); flagged on a share, its exposure is estimated from the share's reach."
    )
    async def report_incident(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            ReportIncidentInput, strawberry.argument(description="The incident.")
        ],
    ) -> IncidentResult:
        command = ReportIncidentCommand(
            summary=input.summary,
            severity=input.severity,
            nature=input.nature,
            share_id=optional_uuid_of(input.share_id, "Share", ("share_id",)),
            ambassador_id=optional_uuid_of(input.ambassador_id, "Ambassador", ("ambassador_id",)),
            assignees=_assignees(input.assignees, "assignees"),
        )
        return incident_node(await info.context.services.incidents.report_incident(info.context.principal, command))

    @described.mutation(
        "Add an action to an incident's timeline (moderator, admin): a reminder reaches the ambassador's "
        "notifications, a pause pauses their membership; a resolved incident takes no more action."
    )
    async def act_on_incident(
        self,
        info: Info,
        incident_id: IncidentId,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            IncidentActionInput, strawberry.argument(description="The action.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> IncidentResult:
        command = IncidentActionCommand(
            incident_id=uuid_of(incident_id, "Incident", ("id",)),
            kind=input.kind,
            note=input.note,
            message=input.message,
            severity=input.severity,
            nature=input.nature,
            content_id=optional_uuid_of(input.content_id, "Content", ("content_id",)),
            assignees=_assignees(input.assignees, "assignees") if input.assignees is not None else None,
            outcome=input.outcome,
            expected_version=expected_version,
        )
        return incident_node(await info.context.services.incidents.act_on_incident(info.context.principal, command))

    @described.mutation("Estimate again how far an incident's flagged share went (moderator, admin).")
    async def refresh_incident_exposure(
        self, info: Info, incident_id: IncidentId, expected_version: ExpectedVersion = None
    ) -> IncidentResult:
        incidents = info.context.services.incidents
        uuid = uuid_of(incident_id, "Incident", ("id",))
        return incident_node(await incidents.refresh_incident_exposure(info.context.principal, uuid, expected_version))
