"""Incidents and their timeline entries to rows and back, explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.community.incident_values import (
    ActionKind,
    Assignee,
    AssigneeRole,
    Exposure,
    IncidentAction,
    IncidentStatus,
    Nature,
    Resolution,
    Severity,
)
from app.domain.community.incidents import Incident


def assignees_json(assignees: Sequence[Assignee]) -> list[dict[str, Any]]:
    return [{"employee_id": str(a.employee_id), "role": a.role.value} for a in assignees]


def assignees_of(items: Sequence[dict[str, Any]]) -> tuple[Assignee, ...]:
    return tuple(Assignee(employee_id=UUID(item["employee_id"]), role=AssigneeRole(item["role"])) for item in items)


def exposure_json(exposure: Exposure | None) -> dict[str, Any] | None:
    if exposure is None:
        return None
    return {
        "potential_reach": exposure.potential_reach,
        "impressions": exposure.impressions,
        "clicks": exposure.clicks,
        "unique_clicks": exposure.unique_clicks,
        "estimated_at": exposure.estimated_at.isoformat(),
    }


def exposure_of(item: dict[str, Any] | None) -> Exposure | None:
    if item is None:
        return None
    return Exposure(
        potential_reach=item["potential_reach"],
        impressions=item["impressions"],
        clicks=item["clicks"],
        unique_clicks=item["unique_clicks"],
        estimated_at=datetime.fromisoformat(item["estimated_at"]),
    )


def incident_values(incident: Incident) -> dict[str, Any]:
    resolution = incident.resolution
    return {
        "tenant_id": incident.tenant_id,
        "id": incident.id,
        "summary": incident.summary,
        "severity": incident.severity.value,
        "nature": incident.nature.value,
        "status": incident.status.value,
        "share_id": incident.share_id,
        "ambassador_id": incident.ambassador_id,
        "content_id": incident.content_id,
        "exposure": exposure_json(incident.exposure),
        "assignees": assignees_json(incident.assignees),
        "outcome": resolution.outcome if resolution else None,
        "resolved_at": resolution.resolved_at if resolution else None,
        "resolved_by": resolution.resolved_by if resolution else None,
        "reported_by": incident.reported_by,
        "version": incident.version,
        "created_at": incident.created_at,
        "updated_at": incident.updated_at,
    }


def action_values(tenant_id: UUID, incident_id: UUID, action: IncidentAction) -> dict[str, Any]:
    details: dict[str, Any] = {
        "message": action.message,
        "severity": action.severity.value if action.severity else None,
        "nature": action.nature.value if action.nature else None,
        "content_id": str(action.content_id) if action.content_id else None,
        "ambassador_id": str(action.ambassador_id) if action.ambassador_id else None,
        "assignees": assignees_json(action.assignees),
        "outcome": action.outcome,
    }
    return {
        "tenant_id": tenant_id,
        "id": action.id,
        "incident_id": incident_id,
        "kind": action.kind.value,
        "author": action.author,
        "at": action.at,
        "note": action.note,
        "details": {key: value for key, value in details.items() if value not in (None, [])},
    }


def action_from_row(row: Any) -> IncidentAction:
    details: dict[str, Any] = row.details
    return IncidentAction(
        id=row.id,
        kind=ActionKind(row.kind),
        author=row.author,
        at=row.at,
        note=row.note,
        message=details.get("message"),
        severity=Severity(details["severity"]) if details.get("severity") else None,
        nature=Nature(details["nature"]) if details.get("nature") else None,
        content_id=UUID(details["content_id"]) if details.get("content_id") else None,
        ambassador_id=UUID(details["ambassador_id"]) if details.get("ambassador_id") else None,
        assignees=assignees_of(details.get("assignees", [])),
        outcome=details.get("outcome"),
    )


def incident_from_row(row: Any, timeline: Sequence[IncidentAction]) -> Incident:
    resolution = (
        Resolution(outcome=row.outcome, resolved_at=row.resolved_at, resolved_by=row.resolved_by)
        if row.resolved_at is not None
        else None
    )
    return Incident(
        id=row.id,
        tenant_id=row.tenant_id,
        summary=row.summary,
        severity=Severity(row.severity),
        nature=Nature(row.nature),
        status=IncidentStatus(row.status),
        share_id=row.share_id,
        ambassador_id=row.ambassador_id,
        content_id=row.content_id,
        exposure=exposure_of(row.exposure),
        assignees=assignees_of(row.assignees),
        resolution=resolution,
        reported_by=row.reported_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        timeline=list(timeline),
    )
