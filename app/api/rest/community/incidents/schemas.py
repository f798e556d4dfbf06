"""REST bodies of incidents: the report, an action of the timeline, and the file as staff read it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.bodies import RequestBody
from app.api.rest.texts import MULTI_LINE_NOT_BLANK
from app.domain.community.incident_values import (
    MAX_ASSIGNEES,
    MAX_SUMMARY_LENGTH,
    MAX_TEXT_LENGTH,
    ActionKind,
    AssigneeRole,
    IncidentStatus,
    Nature,
    Severity,
)

INCIDENT_ID = "0196b1c2-7a10-7d3e-9f21-4b5c6d7e8f90"
_SHARE_ID = "0196b0aa-1c2d-7e3f-8a4b-5c6d7e8f9a0b"
_AMBASSADOR_ID = "0196a3f9-1b2c-7d3e-8f4a-5b6c7d8e9f01"
_CONTENT_ID = "0196a3f9-2b3c-7d4e-8f5a-6b7c8d9e0f12"
_MODERATOR_ID = "0196a3f9-4d5e-7f60-8a1b-2c3d4e5f6a7b"
_REPORTED = "2026-03-02T09:00:00Z"
Summary = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY_LENGTH), MULTI_LINE_NOT_BLANK]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_LENGTH), MULTI_LINE_NOT_BLANK]


class AssigneeIn(RequestBody):
    """An employee who handles the incident, for one team."""

    employee_id: UUID = Field(description="The employee's id.")
    role: AssigneeRole = Field(description="Their team: moderation, hr or communications.")


class AssigneeOut(BaseModel):
    """An employee who handles the incident, for one team."""

    employee_id: UUID = Field(description="The employee's id.")
    role: AssigneeRole = Field(description="Their team: moderation, hr or communications.")


Assignees = Annotated[list[AssigneeIn], Field(max_length=MAX_ASSIGNEES)]


class IncidentCreate(RequestBody):
    """An incident reported by staff, flagged on a share or about an ambassador."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "summary": "A post presents a personal opinion on a competitor as the company's position.",
                    "severity": "minor",
                    "nature": "undetermined",
                    "share_id": _SHARE_ID,
                    "assignees": [{"employee_id": _MODERATOR_ID, "role": "moderation"}],
                }
            ]
        }
    )

    summary: Summary = Field(description="What happened, for the staff who handle it; line breaks allowed.")
    severity: Severity = Field(description="How grave it is: minor, moderate, serious or critical.")
    nature: Nature = Field(
        default=Nature.UNDETERMINED,
        description="Personal expression, a company matter, or undetermined until it is assessed.",
    )
    share_id: UUID | None = Field(
        default=None,
        description="The share it is flagged on: its ambassador and content come with it, and the exposure is "
        "estimated from its reach.",
    )
    ambassador_id: UUID | None = Field(
        default=None, description="Who it concerns, when it is flagged on no share (the share names its own)."
    )
    assignees: Assignees = Field(default_factory=list, description="Who handles it, by team.")


class IncidentActionIn(RequestBody):
    """One action on the incident; `kind` says which other fields it takes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "reminder",
                    "message": "Your post about our competitor reads as the company's position; please say it "
                    "is your own view, or edit it.",
                    "note": "Minor slip, first time.",
                }
            ]
        }
    )

    kind: ActionKind = Field(
        description="`assessment` (severity, nature), `note`, `reminder` (message, sent privately to the "
        "ambassador), `membership_paused`, `content_recalled` (content_id, else the share's content), "
        "`escalation` (assignees from hr or communications) or `resolution` (outcome, and no note)."
    )
    note: Text | None = Field(default=None, description="A note for the file; every kind but resolution takes one.")
    message: Text | None = Field(default=None, description="A reminder's message to the ambassador.")
    severity: Severity | None = Field(default=None, description="An assessment's severity; left out, it stays.")
    nature: Nature | None = Field(default=None, description="An assessment's nature; left out, it stays.")
    content_id: UUID | None = Field(default=None, description="The content recalled.")
    assignees: Assignees | None = Field(default=None, description="An escalation's assignees (hr, communications).")
    outcome: Text | None = Field(default=None, description="A resolution's outcome.")


class ExposureOut(BaseModel):
    """How far the flagged share went, when it was estimated."""

    estimated_reach: int = Field(
        description="The network's impressions when reported, else the ambassador's audience when the share was "
        "confirmed, else the people who clicked its link."
    )
    potential_reach: int | None = Field(description="The ambassador's audience when the share was confirmed.")
    impressions: int | None = Field(description="The impressions the network last reported, if any.")
    clicks: int = Field(description="Counted clicks on its link (never bots nor the ambassador's own).")
    unique_clicks: int = Field(description="The people among them, once a day each.")
    estimated_at: datetime = Field(description="When it was estimated.")


class IncidentActionOut(BaseModel):
    """One entry of the timeline; the fields besides `note` are those of its kind (null otherwise)."""

    id: UUID = Field(description="The entry's id.")
    kind: ActionKind = Field(description="What it records.")
    author: str = Field(description="Who did it (the subject of their token).")
    at: datetime = Field(description="When.")
    note: str | None = Field(description="The note for the file.")
    message: str | None = Field(description="A reminder's message, as the ambassador received it.")
    severity: Severity | None = Field(description="An assessment's severity.")
    nature: Nature | None = Field(description="An assessment's nature.")
    content_id: UUID | None = Field(description="The content recalled.")
    ambassador_id: UUID | None = Field(description="The ambassador reminded or paused.")
    assignees: list[AssigneeOut] = Field(description="An escalation's assignees.")
    outcome: str | None = Field(description="A resolution's outcome.")


class ResolutionOut(BaseModel):
    """How an incident ended, and who closed it."""

    outcome: str = Field(description="How it ended.")
    resolved_at: datetime = Field(description="When.")
    resolved_by: str = Field(description="Who resolved it.")


_INCIDENT: dict[str, Any] = {
    "id": INCIDENT_ID,
    "summary": "A post presents a personal opinion on a competitor as the company's position.",
    "severity": "minor",
    "nature": "personal_expression",
    "status": "in_progress",
    "share_id": _SHARE_ID,
    "ambassador_id": _AMBASSADOR_ID,
    "content_id": _CONTENT_ID,
    "exposure": {
        "estimated_reach": 620,
        "potential_reach": 620,
        "impressions": None,
        "clicks": 14,
        "unique_clicks": 11,
        "estimated_at": _REPORTED,
    },
    "assignees": [{"employee_id": _MODERATOR_ID, "role": "moderation"}],
    "timeline": [
        {
            "id": "0196b1c2-7a11-7d3e-9f21-4b5c6d7e8f91",
            "kind": "reminder",
            "author": "idp|moderator",
            "at": "2026-03-02T10:00:00Z",
            "note": "Minor slip, first time.",
            "message": "Please say it is your own view, or edit the post.",
            "severity": None,
            "nature": None,
            "content_id": None,
            "ambassador_id": _AMBASSADOR_ID,
            "assignees": [],
            "outcome": None,
        }
    ],
    "resolution": None,
    "reported_by": "idp|moderator",
    "created_at": _REPORTED,
    "updated_at": "2026-03-02T10:00:00Z",
}


class IncidentOut(BaseModel):
    """An incident's file, for moderators and admins only."""

    model_config = ConfigDict(json_schema_extra={"examples": [_INCIDENT]})

    id: UUID = Field(description="The incident's id.")
    summary: str = Field(description="What happened.")
    severity: Severity = Field(description="How grave it is.")
    nature: Nature = Field(description="Personal expression, a company matter, or undetermined.")
    status: IncidentStatus = Field(description="Open, in progress (once acted on) or resolved.")
    share_id: UUID | None = Field(description="The share it is flagged on.")
    ambassador_id: UUID | None = Field(description="Who it concerns.")
    content_id: UUID | None = Field(description="The content of the flagged share.")
    exposure: ExposureOut | None = Field(description="The flagged share's reach, as last estimated.")
    assignees: list[AssigneeOut] = Field(description="Who handles it, by team.")
    timeline: list[IncidentActionOut] = Field(description="What was done, oldest first.")
    resolution: ResolutionOut | None = Field(description="How it ended; null until resolved.")
    reported_by: str = Field(description="Who reported it.")
    created_at: datetime = Field(description="When it was reported.")
    updated_at: datetime = Field(description="When it last changed.")
