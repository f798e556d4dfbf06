"""Act on an incident: each action is one entry of its timeline, with its author and time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.community.incident_values import ActionKind, Assignee, Nature, Severity
from app.domain.community.incidents import Incident
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.messages import Message
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Principal
from app.ports.sharing import ShareFiguresReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.base import UseCase
from app.services.community.incidents.access import (
    INCIDENT_STAFF,
    exposure_of,
    require_employees,
    require_incident,
    require_share,
)

# The fields each kind of action takes besides ``note`` (a resolution takes no note: its outcome says it all).
FIELDS: dict[ActionKind, frozenset[str]] = {
    ActionKind.ASSESSMENT: frozenset({"severity", "nature", "note"}),
    ActionKind.NOTE: frozenset({"note"}),
    ActionKind.REMINDER: frozenset({"message", "note"}),
    ActionKind.MEMBERSHIP_PAUSED: frozenset({"note"}),
    ActionKind.CONTENT_RECALLED: frozenset({"content_id", "note"}),
    ActionKind.ESCALATION: frozenset({"assignees", "note"}),
    ActionKind.RESOLUTION: frozenset({"outcome"}),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentActionCommand:
    """``kind`` says which of the other fields it takes (``FIELDS``); the rest stay unset."""

    incident_id: UUID
    kind: ActionKind
    note: str | None = None
    message: str | None = None
    severity: Severity | None = None
    nature: Nature | None = None
    content_id: UUID | None = None
    assignees: Sequence[Assignee] | None = None
    outcome: str | None = None
    expected_version: int | None = None

    def given(self) -> dict[str, object]:
        fields = ("note", "message", "severity", "nature", "content_id", "assignees", "outcome")
        return {name: getattr(self, name) for name in fields if getattr(self, name) is not None}


def check_fields(command: IncidentActionCommand) -> None:
    """Refuse the fields another kind of action takes, so nothing sent is silently dropped."""
    allowed = FIELDS[command.kind]
    errors = [
        FieldError(
            (name,),
            Message(
                "Leave {name} out: a {kind} action takes only {allowed}.",
                name=name,
                kind=command.kind.value,
                allowed=", ".join(sorted(allowed)),
            ),
        )
        for name in command.given()
        if name not in allowed
    ]
    if command.kind is ActionKind.ASSESSMENT and command.severity is None and command.nature is None:
        errors.append(FieldError(("severity",), "Give the severity, the nature, or both."))
    if errors:
        raise ValidationFailed("The action is not valid.", errors)


class ActOnIncident(UseCase):
    """Moderators and admins, on an incident not yet resolved (``incident-resolved`` otherwise, the
    second resolution included). Honours the version read (``expected_version``).

    - ``assessment``: set the severity and the nature (either kept when left out);
    - ``note``: a note on the file;
    - ``reminder``: a private message to the ambassador, which the worker puts in their notifications
      (kind ``incident_reminder``, holding the message alone);
    - ``membership_paused``: pause the ambassador's membership, through the membership's own rule, in
      the same transaction (a membership already paused stays so; one that ended is refused);
    - ``content_recalled``: recall the content (given, else the flagged share's) in the same transaction,
      through the content's own rule, with the note as the recall's reason (required unless the content
      was recalled already, when the action only records it);
    - ``escalation``: hand the incident to HR or communications, whose assignees join it;
    - ``resolution``: close it with its outcome.

    A reminder or a pause on an incident that names no ambassador is refused (``incident-subject-missing``).
    A refusal writes nothing."""

    async def __call__(self, principal: Principal, command: IncidentActionCommand) -> Incident:
        principal.require_any(INCIDENT_STAFF)
        check_fields(command)
        now = self._clock.now()
        author = principal.subject
        async with self._uow(principal.require_tenant()) as uow:
            incident = await require_incident(uow, command.incident_id, for_update=True)
            incident.require_version(command.expected_version)
            action_id = self._ids.new_id()
            match command.kind:
                case ActionKind.ASSESSMENT:
                    incident.assess(
                        action_id=action_id,
                        severity=command.severity or incident.severity,
                        nature=command.nature or incident.nature,
                        note=command.note,
                        author=author,
                        now=now,
                    )
                case ActionKind.NOTE:
                    incident.add_note(action_id=action_id, note=command.note or "", author=author, now=now)
                case ActionKind.REMINDER:
                    incident.send_reminder(
                        action_id=action_id, message=command.message or "", note=command.note, author=author, now=now
                    )
                case ActionKind.MEMBERSHIP_PAUSED:
                    ambassador_id = incident.record_pause(
                        action_id=action_id, note=command.note, author=author, now=now
                    )
                    await _pause(uow, ambassador_id, now)
                case ActionKind.CONTENT_RECALLED:
                    content_id = incident.record_recall(
                        action_id=action_id, content_id=command.content_id, note=command.note, author=author, now=now
                    )
                    await _recall(uow, content_id, reason=command.note, author=author, now=now)
                case ActionKind.ESCALATION:
                    assignees = command.assignees or ()
                    incident.escalate(
                        action_id=action_id, assignees=assignees, note=command.note, author=author, now=now
                    )
                    await require_employees(uow, assignees)
                case ActionKind.RESOLUTION:
                    incident.resolve(action_id=action_id, outcome=command.outcome or "", author=author, now=now)
            await uow.incidents.save(incident)
            await uow.commit()
        return incident


async def _pause(uow: UnitOfWork, ambassador_id: UUID, now: datetime) -> None:
    ambassador = await uow.ambassadors.get(ambassador_id, for_update=True)
    if ambassador is None:
        raise NotFound("ambassador", ambassador_id)
    if ambassador.status is not MembershipStatus.PAUSED:
        ambassador.change_status(MembershipStatus.PAUSED, now)
        await uow.ambassadors.save(ambassador)


async def _recall(uow: UnitOfWork, content_id: UUID, *, reason: str | None, author: str, now: datetime) -> None:
    """The content's own recall, in the same transaction, unless it was recalled already (through its
    recall route, say): the note is the recall's reason, which the content's readers and the
    ambassadors who posted it read, so it is asked for and the incident's summary is never used."""
    content = await uow.contents.get(content_id, for_update=True)
    if content is None:
        raise NotFound("content", content_id)
    if content.recalled is not None:
        return
    if reason is None or not reason.strip():
        why = Message("Say in the note why the content is recalled: its readers and those who posted it read it.")
        raise ValidationFailed(why, [FieldError(("note",), why)])
    content.recall(actor=author, reason=reason, now=now)
    await uow.contents.save(content)


class RefreshIncidentExposure(UseCase):
    """Moderators and admins: estimate again how far the flagged share went, from its figures now.
    Refused on an incident with no share (``incident-subject-missing``) or resolved."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, figures: ShareFiguresReader) -> None:
        super().__init__(uow, clock, ids)
        self._figures = figures

    async def __call__(self, principal: Principal, incident_id: UUID, expected_version: int | None) -> Incident:
        principal.require_any(INCIDENT_STAFF)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            share_id = (await require_incident(uow, incident_id)).share_id
        figures = await self._figures.figures(tenant_id, [share_id]) if share_id else {}
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            incident = await require_incident(uow, incident_id, for_update=True)
            incident.require_version(expected_version)
            share = await require_share(uow, incident.exposed_share())
            incident.refresh_exposure(exposure_of(share, figures.get(share.id), now), now)
            await uow.incidents.save(incident)
            await uow.commit()
        return incident
