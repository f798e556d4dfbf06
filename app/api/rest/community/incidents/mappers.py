"""Incidents to their REST bodies, and bodies to commands."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.api.rest.community.incidents.schemas import (
    AssigneeIn,
    AssigneeOut,
    ExposureOut,
    IncidentActionIn,
    IncidentActionOut,
    IncidentCreate,
    IncidentOut,
    ResolutionOut,
)
from app.domain.community.incident_values import Assignee, IncidentAction
from app.domain.community.incidents import Incident
from app.services.community.incidents.act_on_incident import IncidentActionCommand
from app.services.community.incidents.report_incident import ReportIncidentCommand


def assignees_in(items: Sequence[AssigneeIn]) -> list[Assignee]:
    return [Assignee(employee_id=item.employee_id, role=item.role) for item in items]


def assignees_out(items: Sequence[Assignee]) -> list[AssigneeOut]:
    return [AssigneeOut(employee_id=item.employee_id, role=item.role) for item in items]


def report_command(body: IncidentCreate) -> ReportIncidentCommand:
    return ReportIncidentCommand(
        summary=body.summary,
        severity=body.severity,
        nature=body.nature,
        share_id=body.share_id,
        ambassador_id=body.ambassador_id,
        assignees=assignees_in(body.assignees),
    )


def action_command(incident_id: UUID, body: IncidentActionIn, expected_version: int | None) -> IncidentActionCommand:
    return IncidentActionCommand(
        incident_id=incident_id,
        kind=body.kind,
        note=body.note,
        message=body.message,
        severity=body.severity,
        nature=body.nature,
        content_id=body.content_id,
        assignees=assignees_in(body.assignees) if body.assignees is not None else None,
        outcome=body.outcome,
        expected_version=expected_version,
    )


def action_out(action: IncidentAction) -> IncidentActionOut:
    return IncidentActionOut(
        id=action.id,
        kind=action.kind,
        author=action.author,
        at=action.at,
        note=action.note,
        message=action.message,
        severity=action.severity,
        nature=action.nature,
        content_id=action.content_id,
        ambassador_id=action.ambassador_id,
        assignees=assignees_out(action.assignees),
        outcome=action.outcome,
    )


def incident_out(incident: Incident) -> IncidentOut:
    exposure = incident.exposure
    resolution = incident.resolution
    return IncidentOut(
        id=incident.id,
        summary=incident.summary,
        severity=incident.severity,
        nature=incident.nature,
        status=incident.status,
        share_id=incident.share_id,
        ambassador_id=incident.ambassador_id,
        content_id=incident.content_id,
        exposure=ExposureOut(
            estimated_reach=exposure.estimated_reach,
            potential_reach=exposure.potential_reach,
            impressions=exposure.impressions,
            clicks=exposure.clicks,
            unique_clicks=exposure.unique_clicks,
            estimated_at=exposure.estimated_at,
        )
        if exposure
        else None,
        assignees=assignees_out(incident.assignees),
        timeline=[action_out(action) for action in incident.timeline],
        resolution=ResolutionOut(
            outcome=resolution.outcome, resolved_at=resolution.resolved_at, resolved_by=resolution.resolved_by
        )
        if resolution
        else None,
        reported_by=incident.reported_by,
        created_at=incident.created_at,
        updated_at=incident.updated_at,
    )
