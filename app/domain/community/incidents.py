"""An incident: a slip of an ambassador, reported by staff or flagged on a share, and how it was handled.

Rules:

- It opens ``open``; the first action moves it ``in_progress``; the resolution closes it
  (``resolved``) and nothing more is done on a resolved incident, resolving it again included.
- Flagged on a share, its ambassador and content are the share's, and its exposure is estimated
  from the share's reach (refreshable while it is not resolved).
- A reminder and a paused membership need the incident to name an ambassador; an escalation hands
  it to HR or communications and adds their assignees (an employee is assigned once per team).
- Every change bumps the version and writes one timeline entry with its author and time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.community.incident_refusals import IncidentResolved, IncidentSubjectMissing
from app.domain.community.incident_values import (
    MAX_SUMMARY_LENGTH,
    MAX_TEXT_LENGTH,
    ActionKind,
    Assignee,
    AssigneeRole,
    Exposure,
    IncidentAction,
    IncidentStatus,
    Nature,
    Resolution,
    Severity,
    assignee_errors,
    text_errors,
)
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventType

# Every event of incidents: kept inside Relais, for its worker alone.
INCIDENT_EVENTS = frozenset(
    {
        EventType.INCIDENT_REPORTED,
        EventType.INCIDENT_ASSESSED,
        EventType.INCIDENT_REMINDER_SENT,
        EventType.INCIDENT_MEMBERSHIP_PAUSED,
        EventType.INCIDENT_CONTENT_RECALLED,
        EventType.INCIDENT_ESCALATED,
        EventType.INCIDENT_RESOLVED,
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FlaggedShare:
    """The share an incident is flagged on, as the incident keeps it."""

    share_id: UUID
    ambassador_id: UUID
    content_id: UUID


def _check(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationFailed("The incident is not valid.", errors)


def _merged(current: Sequence[Assignee], added: Sequence[Assignee]) -> tuple[Assignee, ...]:
    return tuple(dict.fromkeys([*current, *added]))


@dataclass(slots=True, kw_only=True)
class Incident(TenantAggregate):
    id: UUID
    tenant_id: UUID
    summary: str
    severity: Severity
    nature: Nature
    status: IncidentStatus = IncidentStatus.OPEN
    share_id: UUID | None = None
    ambassador_id: UUID | None = None
    content_id: UUID | None = None
    exposure: Exposure | None = None
    assignees: tuple[Assignee, ...] = ()
    resolution: Resolution | None = None
    reported_by: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    timeline: list[IncidentAction] = field(default_factory=list)
    # Entries added since the incident was read, which the repository appends.
    appended: list[IncidentAction] = field(default_factory=list, repr=False, compare=False)
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def report(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        summary: str,
        severity: Severity,
        nature: Nature,
        share: FlaggedShare | None,
        ambassador_id: UUID | None,
        exposure: Exposure | None,
        assignees: Sequence[Assignee],
        reported_by: str,
        now: datetime,
    ) -> Incident:
        errors = text_errors("summary", summary, most=MAX_SUMMARY_LENGTH, required=True)
        errors += assignee_errors("assignees", assignees, roles=frozenset(AssigneeRole))
        if share is not None and ambassador_id is not None and ambassador_id != share.ambassador_id:
            errors.append(FieldError(("ambassador_id",), "Leave ambassador_id out: the share names its ambassador."))
        _check(errors)
        incident = cls(
            id=id,
            tenant_id=tenant_id,
            summary=summary,
            severity=severity,
            nature=nature,
            share_id=share.share_id if share else None,
            ambassador_id=share.ambassador_id if share else ambassador_id,
            content_id=share.content_id if share else None,
            exposure=exposure,
            assignees=_merged((), assignees),
            reported_by=reported_by,
            created_at=now,
            updated_at=now,
        )
        incident._emit(EventType.INCIDENT_REPORTED, now, incident._event_data())
        return incident

    @property
    def resolved(self) -> bool:
        return self.status is IncidentStatus.RESOLVED

    def require_ambassador(self) -> UUID:
        if self.ambassador_id is None:
            raise IncidentSubjectMissing("ambassador")
        return self.ambassador_id

    def assess(
        self, *, action_id: UUID, severity: Severity, nature: Nature, note: str | None, author: str, now: datetime
    ) -> None:
        """Set the severity and the nature, as the file tells them now."""
        self._require_open()
        _check(text_errors("note", note, most=MAX_TEXT_LENGTH, required=False))
        self.severity, self.nature = severity, nature
        self._append(action_id, ActionKind.ASSESSMENT, author, now, note=note, severity=severity, nature=nature)
        self._emit(
            EventType.INCIDENT_ASSESSED,
            now,
            self._event_data() | {"severity": severity.value, "nature": nature.value},
        )

    def add_note(self, *, action_id: UUID, note: str, author: str, now: datetime) -> None:
        self._require_open()
        _check(text_errors("note", note, most=MAX_TEXT_LENGTH, required=True))
        self._append(action_id, ActionKind.NOTE, author, now, note=note)

    def send_reminder(self, *, action_id: UUID, message: str, note: str | None, author: str, now: datetime) -> None:
        """A private message to the ambassador: the event tells the worker to put it in their inbox."""
        self._require_open()
        ambassador_id = self.require_ambassador()
        errors = text_errors("message", message, most=MAX_TEXT_LENGTH, required=True)
        _check(errors + text_errors("note", note, most=MAX_TEXT_LENGTH, required=False))
        self._append(
            action_id, ActionKind.REMINDER, author, now, note=note, message=message, ambassador_id=ambassador_id
        )
        data = self._event_data() | {"message": message}
        self._emit(EventType.INCIDENT_REMINDER_SENT, now, data)

    def record_pause(self, *, action_id: UUID, note: str | None, author: str, now: datetime) -> UUID:
        """Record that the ambassador's membership was paused (the membership pauses in the same transaction)."""
        self._require_open()
        ambassador_id = self.require_ambassador()
        _check(text_errors("note", note, most=MAX_TEXT_LENGTH, required=False))
        self._append(action_id, ActionKind.MEMBERSHIP_PAUSED, author, now, note=note, ambassador_id=ambassador_id)
        self._emit(EventType.INCIDENT_MEMBERSHIP_PAUSED, now, self._event_data())
        return ambassador_id

    def record_recall(
        self, *, action_id: UUID, content_id: UUID | None, note: str | None, author: str, now: datetime
    ) -> UUID:
        """Record that the content was recalled: the one given, else the flagged share's; returns its id."""
        self._require_open()
        recalled = content_id or self.content_id
        errors = text_errors("note", note, most=MAX_TEXT_LENGTH, required=False)
        if recalled is None:
            errors.append(FieldError(("content_id",), "Give the content recalled: this incident names no share."))
        _check(errors)
        assert recalled is not None  # noqa: S101 - refused just above
        self._append(action_id, ActionKind.CONTENT_RECALLED, author, now, note=note, content_id=recalled)
        self._emit(
            EventType.INCIDENT_CONTENT_RECALLED, now, self._event_data() | {"recalled_content_id": str(recalled)}
        )
        return recalled

    def escalate(
        self, *, action_id: UUID, assignees: Sequence[Assignee], note: str | None, author: str, now: datetime
    ) -> None:
        """Hand the incident to HR or communications: their assignees join the incident's."""
        self._require_open()
        errors = assignee_errors(
            "assignees", assignees, roles=frozenset({AssigneeRole.HR, AssigneeRole.COMMUNICATIONS})
        )
        if not assignees:
            errors.append(FieldError(("assignees",), "Give at least one assignee from HR or communications."))
        _check(errors + text_errors("note", note, most=MAX_TEXT_LENGTH, required=False))
        self.assignees = _merged(self.assignees, assignees)
        self._append(
            action_id, ActionKind.ESCALATION, author, now, note=note, assignees=tuple(dict.fromkeys(assignees))
        )
        teams = sorted({assignee.role.value for assignee in assignees})
        self._emit(EventType.INCIDENT_ESCALATED, now, self._event_data() | {"teams": teams})

    def resolve(self, *, action_id: UUID, outcome: str, author: str, now: datetime) -> None:
        self._require_open()
        _check(text_errors("outcome", outcome, most=MAX_TEXT_LENGTH, required=True))
        self.resolution = Resolution(outcome=outcome, resolved_at=now, resolved_by=author)
        self._append(action_id, ActionKind.RESOLUTION, author, now, outcome=outcome)
        self.status = IncidentStatus.RESOLVED
        self._emit(EventType.INCIDENT_RESOLVED, now, self._event_data())

    def exposed_share(self) -> UUID:
        """The share whose reach is estimated; refused once resolved, and without a share."""
        self._require_open()
        if self.share_id is None:
            raise IncidentSubjectMissing("share")
        return self.share_id

    def refresh_exposure(self, exposure: Exposure, now: datetime) -> None:
        """A new estimate of the share's reach; the timeline is left as it is."""
        self.exposed_share()
        self.exposure = exposure
        self._touch(now)

    def _require_open(self) -> None:
        if self.resolved:
            raise IncidentResolved()

    def _append(self, action_id: UUID, kind: ActionKind, author: str, now: datetime, **details: Any) -> None:
        action = IncidentAction(id=action_id, kind=kind, author=author, at=now, **details)
        self.timeline.append(action)
        self.appended.append(action)
        if self.status is IncidentStatus.OPEN and kind is not ActionKind.RESOLUTION:
            self.status = IncidentStatus.IN_PROGRESS
        self._touch(now)

    def _event_data(self) -> dict[str, Any]:
        """What events say of an incident: ids and grades, never its summary nor its notes."""
        return {
            "incident_id": str(self.id),
            "severity": self.severity.value,
            "nature": self.nature.value,
            "status": self.status.value,
            "share_id": str(self.share_id) if self.share_id else None,
            "ambassador_id": str(self.ambassador_id) if self.ambassador_id else None,
        }
