"""GraphQL types of incidents (moderators and admins only): the file, its timeline, the results of
the mutations, and their mappers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.community.incidents.errors import IncidentResolvedError, IncidentSubjectMissingError
from app.api.graphql.enums import domain_enum
from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotFoundError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.global_ids import global_id, optional_global_id
from app.domain.community import incident_values as values
from app.domain.community.incident_values import ActionKind, AssigneeRole, IncidentStatus, Nature, Severity
from app.domain.community.incidents import Incident as DomainIncident

domain_enum(
    Severity,
    "How grave an incident is.",
    {
        Severity.MINOR: "A slip a discreet reminder answers.",
        Severity.MODERATE: "A slip that needs a closer look.",
        Severity.SERIOUS: "A slip that needs HR and communications.",
        Severity.CRITICAL: "A slip that exposes the company now.",
    },
    name="IncidentSeverity",
)
domain_enum(
    Nature,
    "Whether what was said is the person's own expression or commits the company.",
    {
        Nature.PERSONAL_EXPRESSION: "The person's own expression.",
        Nature.COMPANY_MATTER: "It commits the company.",
        Nature.UNDETERMINED: "Not assessed yet.",
    },
    name="IncidentNature",
)
domain_enum(
    IncidentStatus,
    "Where an incident stands.",
    {
        IncidentStatus.OPEN: "Reported, not acted on yet.",
        IncidentStatus.IN_PROGRESS: "Acted on, not resolved.",
        IncidentStatus.RESOLVED: "Closed with its outcome.",
    },
)
domain_enum(
    AssigneeRole,
    "The team an assignee handles an incident for.",
    {
        AssigneeRole.MODERATION: "The programme's moderators.",
        AssigneeRole.HR: "Human resources.",
        AssigneeRole.COMMUNICATIONS: "Communications.",
    },
    name="IncidentAssigneeRole",
)
domain_enum(
    ActionKind,
    "What an entry of an incident's timeline records.",
    {
        ActionKind.ASSESSMENT: "The severity and the nature were set.",
        ActionKind.NOTE: "A note on the file.",
        ActionKind.REMINDER: "A private reminder sent to the ambassador's notifications.",
        ActionKind.MEMBERSHIP_PAUSED: "The ambassador's membership was paused.",
        ActionKind.CONTENT_RECALLED: "The content was recalled.",
        ActionKind.ESCALATION: "The incident was handed to HR or communications.",
        ActionKind.RESOLUTION: "The incident was closed with its outcome.",
    },
    name="IncidentActionKind",
)


@strawberry.type(description="An employee who handles an incident, for one team.")
class IncidentAssignee:
    employee_id: relay.GlobalID = strawberry.field(description="The employee's `id`.")
    role: AssigneeRole = strawberry.field(description="Their team.")


@strawberry.type(description="How far an incident's flagged share went, when it was estimated.")
class IncidentExposure:
    estimated_reach: int = strawberry.field(
        description="The network's impressions when reported, else the ambassador's audience when the share was "
        "confirmed, else the people who clicked its link."
    )
    potential_reach: int | None = strawberry.field(
        description="The ambassador's audience when the share was confirmed."
    )
    impressions: int | None = strawberry.field(description="The impressions the network last reported, if any.")
    clicks: int = strawberry.field(description="Counted clicks on its link.")
    unique_clicks: int = strawberry.field(description="The people among them, once a day each.")
    estimated_at: datetime = strawberry.field(description="When it was estimated.")


@strawberry.type(description="One entry of an incident's timeline; the fields besides `note` are those of its kind.")
class IncidentAction:
    uuid: UUID = strawberry.field(description="The entry's id.")
    kind: ActionKind = strawberry.field(description="What it records.")
    author: str = strawberry.field(description="Who did it (the subject of their token).")
    at: datetime = strawberry.field(description="When.")
    note: str | None = strawberry.field(description="The note for the file.")
    message: str | None = strawberry.field(description="A reminder's message, as the ambassador received it.")
    severity: Severity | None = strawberry.field(description="An assessment's severity.")
    nature: Nature | None = strawberry.field(description="An assessment's nature.")
    content_id: relay.GlobalID | None = strawberry.field(description="The content recalled.")
    ambassador_id: relay.GlobalID | None = strawberry.field(description="The ambassador reminded or paused.")
    assignees: list[IncidentAssignee] = strawberry.field(description="An escalation's assignees.")
    outcome: str | None = strawberry.field(description="A resolution's outcome.")


@strawberry.type(description="How an incident ended, and who closed it.")
class IncidentResolution:
    outcome: str = strawberry.field(description="How it ended.")
    resolved_at: datetime = strawberry.field(description="When.")
    resolved_by: str = strawberry.field(description="Who resolved it.")


@strawberry.type(description="An incident's file: moderators and admins only.")
class Incident(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to act on this incident safely.")
    summary: str = strawberry.field(description="What happened.")
    severity: Severity = strawberry.field(description="How grave it is.")
    nature: Nature = strawberry.field(description="Personal expression, a company matter, or undetermined.")
    status: IncidentStatus = strawberry.field(description="Open, in progress or resolved.")
    share_id: relay.GlobalID | None = strawberry.field(description="The share it is flagged on.")
    ambassador_id: relay.GlobalID | None = strawberry.field(description="Who it concerns.")
    content_id: relay.GlobalID | None = strawberry.field(description="The content of the flagged share.")
    exposure: IncidentExposure | None = strawberry.field(description="The flagged share's reach, as last estimated.")
    assignees: list[IncidentAssignee] = strawberry.field(description="Who handles it, by team.")
    timeline: list[IncidentAction] = strawberry.field(description="What was done, oldest first.")
    resolution: IncidentResolution | None = strawberry.field(description="How it ended; null until resolved.")
    reported_by: str = strawberry.field(description="Who reported it.")
    created_at: datetime = strawberry.field(description="When it was reported.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this incident (`/v1/incidents/{id}`).")
    def uuid(self) -> UUID:
        return self.id


IncidentResult = Annotated[
    Incident
    | NotFoundError
    | ValidationError
    | PreconditionFailedError
    | InvalidTransitionError
    | IncidentResolvedError
    | IncidentSubjectMissingError
    | ForbiddenError,
    strawberry.union("IncidentResult", description="The incident as reported or acted on, or why not."),
]


def _assignees(items: tuple[values.Assignee, ...]) -> list[IncidentAssignee]:
    return [IncidentAssignee(employee_id=global_id("Employee", a.employee_id), role=a.role) for a in items]


def _action(action: values.IncidentAction) -> IncidentAction:
    return IncidentAction(
        uuid=action.id,
        kind=action.kind,
        author=action.author,
        at=action.at,
        note=action.note,
        message=action.message,
        severity=action.severity,
        nature=action.nature,
        content_id=optional_global_id("Content", action.content_id),
        ambassador_id=optional_global_id("Ambassador", action.ambassador_id),
        assignees=_assignees(action.assignees),
        outcome=action.outcome,
    )


def incident_node(incident: DomainIncident) -> Incident:
    exposure, resolution = incident.exposure, incident.resolution
    return Incident(
        id=incident.id,
        version=incident.version,
        summary=incident.summary,
        severity=incident.severity,
        nature=incident.nature,
        status=incident.status,
        share_id=optional_global_id("Share", incident.share_id),
        ambassador_id=optional_global_id("Ambassador", incident.ambassador_id),
        content_id=optional_global_id("Content", incident.content_id),
        exposure=IncidentExposure(
            estimated_reach=exposure.estimated_reach,
            potential_reach=exposure.potential_reach,
            impressions=exposure.impressions,
            clicks=exposure.clicks,
            unique_clicks=exposure.unique_clicks,
            estimated_at=exposure.estimated_at,
        )
        if exposure
        else None,
        assignees=_assignees(incident.assignees),
        timeline=[_action(action) for action in incident.timeline],
        resolution=IncidentResolution(
            outcome=resolution.outcome, resolved_at=resolution.resolved_at, resolved_by=resolution.resolved_by
        )
        if resolution
        else None,
        reported_by=incident.reported_by,
        created_at=incident.created_at,
        updated_at=incident.updated_at,
    )
