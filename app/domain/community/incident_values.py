"""What an incident is made of: its severity, nature and status, the people assigned to it, the
exposure estimated from its share's reach, and the actions of its timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.errors import FieldError
from app.domain.messages import Message
from app.domain.values import has_control_characters

MAX_SUMMARY_LENGTH = 2000
MAX_TEXT_LENGTH = 4000
MAX_ASSIGNEES = 20


class Severity(StrEnum):
    """How grave the slip is: a discreet reminder answers a minor one, HR and communications a serious one."""

    MINOR = "minor"
    MODERATE = "moderate"
    SERIOUS = "serious"
    CRITICAL = "critical"


class Nature(StrEnum):
    """Whether what was said is the person's own expression or commits the company."""

    PERSONAL_EXPRESSION = "personal_expression"
    COMPANY_MATTER = "company_matter"
    UNDETERMINED = "undetermined"


class IncidentStatus(StrEnum):
    """Where an incident stands: open until acted on, in progress, then resolved."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class AssigneeRole(StrEnum):
    """The team an assignee handles an incident for."""

    MODERATION = "moderation"
    HR = "hr"
    COMMUNICATIONS = "communications"


# An escalation hands the incident to these teams; moderation holds it from the start.
ESCALATION_ROLES = frozenset({AssigneeRole.HR, AssigneeRole.COMMUNICATIONS})


class ActionKind(StrEnum):
    """What a timeline entry records."""

    ASSESSMENT = "assessment"
    NOTE = "note"
    REMINDER = "reminder"
    MEMBERSHIP_PAUSED = "membership_paused"
    CONTENT_RECALLED = "content_recalled"
    ESCALATION = "escalation"
    RESOLUTION = "resolution"


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignee:
    """An employee who handles the incident, for one team."""

    employee_id: UUID
    role: AssigneeRole


@dataclass(frozen=True, slots=True, kw_only=True)
class Exposure:
    """How far the flagged share went, when it was last estimated. ``estimated_reach`` is the
    network's impressions when reported, else the ambassador's audience when the share was
    confirmed, else the people who clicked its link."""

    potential_reach: int | None
    impressions: int | None
    clicks: int
    unique_clicks: int
    estimated_at: datetime

    @property
    def estimated_reach(self) -> int:
        if self.impressions is not None:
            return self.impressions
        if self.potential_reach is not None:
            return self.potential_reach
        return self.unique_clicks


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentAction:
    """One entry of the timeline: who did what, when. The fields besides ``note`` are those of its kind."""

    id: UUID
    kind: ActionKind
    author: str
    at: datetime
    note: str | None = None
    message: str | None = None
    severity: Severity | None = None
    nature: Nature | None = None
    content_id: UUID | None = None
    ambassador_id: UUID | None = None
    assignees: tuple[Assignee, ...] = ()
    outcome: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    outcome: str
    resolved_at: datetime
    resolved_by: str


def text_errors(field: str, text: str | None, *, most: int, required: bool) -> list[FieldError]:
    """A free text of at most ``most`` characters, line breaks allowed; ``required`` refuses an empty one."""
    if text is None:
        return [FieldError((field,), "Give a text.")] if required else []
    if (required and not text.strip()) or len(text) > most or has_control_characters(text, multiline=True):
        least = 1 if required else 0
        return [
            FieldError(
                (field,),
                Message("Give {least}-{most} characters, without control characters.", least=least, most=most),
            )
        ]
    return []


def assignee_errors(field: str, assignees: Sequence[Assignee], *, roles: frozenset[AssigneeRole]) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(assignees) > MAX_ASSIGNEES:
        errors.append(FieldError((field,), Message("Give at most {most} assignees.", most=MAX_ASSIGNEES)))
    for index, assignee in enumerate(assignees):
        if assignee.role not in roles:
            allowed = ", ".join(sorted(roles))
            errors.append(
                FieldError((field, index, "role"), Message("Give one of the roles: {allowed}.", allowed=allowed))
            )
    return errors
