"""Programme membership: an employee becomes an ambassador only by their own opt-in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import (
    AlreadyAmbassador,
    EmployeeTerminated,
    FieldError,
    InvalidTransition,
    NotAnAmbassador,
    ValidationFailed,
)
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message, message_of
from app.domain.networks import Network
from app.domain.programme.charter import CharterStatus, CharterVersionNotCurrent, charter_status
from app.domain.roster.employees import Employee
from app.domain.values import has_control_characters, is_blank, normalise_language

MAX_SHARES_PER_WEEK = 50
MAX_AUDIENCE = 1_000_000_000
MAX_TOPICS = 50
TOPIC_PATTERN = re.compile(r"^[\w][\w .&+-]{0,63}$")


class MembershipStatus(StrEnum):
    """Where an employee stands in the ambassador programme: invited, active, paused (by staff) or left."""

    INVITED = "invited"
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


@dataclass(frozen=True, slots=True, kw_only=True)
class Preferences:
    """What the ambassador wants to receive and show. Hidden from leaderboards by default."""

    languages: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    max_shares_per_week: int | None = None
    leaderboard_visible: bool = False

    @classmethod
    def parse(
        cls,
        *,
        languages: list[str],
        topics: list[str],
        max_shares_per_week: int | None,
        leaderboard_visible: bool,
    ) -> Preferences:
        errors: list[FieldError] = []
        clean_languages: list[str] = []
        for index, tag in enumerate(languages):
            try:
                clean_languages.append(normalise_language(tag))
            except ValueError as error:
                errors.append(FieldError(("languages", index), message_of(error)))
        clean_topics = [topic.strip().lower() for topic in topics]
        for index, topic in enumerate(clean_topics):
            if not TOPIC_PATTERN.fullmatch(topic):
                errors.append(FieldError(("topics", index), "Use 1-64 letters, digits, spaces or . & + -."))
        if len(clean_topics) > MAX_TOPICS:
            errors.append(FieldError(("topics",), Message("At most {most} topics.", most=MAX_TOPICS)))
        if max_shares_per_week is not None and not 0 <= max_shares_per_week <= MAX_SHARES_PER_WEEK:
            errors.append(
                FieldError(
                    ("max_shares_per_week",),
                    Message("Must be between 0 and {most}, or null.", most=MAX_SHARES_PER_WEEK),
                )
            )
        if errors:
            raise ValidationFailed("The preferences are not valid.", errors)
        return cls(
            languages=tuple(dict.fromkeys(clean_languages)),
            topics=tuple(dict.fromkeys(clean_topics)),
            max_shares_per_week=max_shares_per_week,
            leaderboard_visible=leaderboard_visible,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SocialAccount:
    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    network: Network
    handle: str
    audience_size: int
    created_at: datetime

    @classmethod
    def connect(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        ambassador_id: UUID,
        network: Network,
        handle: str,
        audience_size: int,
        now: datetime,
    ) -> SocialAccount:
        errors = []
        handle = handle.strip()
        if is_blank(handle) or len(handle) > 200 or has_control_characters(handle):
            errors.append(FieldError(("handle",), "Give the account's handle or profile URL (1-200 characters)."))
        errors += _audience_errors(audience_size)
        if errors:
            raise ValidationFailed("The social account is not valid.", errors)
        return cls(
            id=id,
            tenant_id=tenant_id,
            ambassador_id=ambassador_id,
            network=network,
            handle=handle,
            audience_size=audience_size,
            created_at=now,
        )

    def with_audience(self, audience_size: int) -> SocialAccount:
        """The account with the audience its ambassador gives now."""
        errors = _audience_errors(audience_size)
        if errors:
            raise ValidationFailed("The social account is not valid.", errors)
        return replace(self, audience_size=audience_size)


def _audience_errors(audience_size: int) -> list[FieldError]:
    if not 0 <= audience_size <= MAX_AUDIENCE:
        return [FieldError(("audience_size",), Message("Must be from 0 to {most}.", most=MAX_AUDIENCE))]
    return []


# Transitions staff may ask for when they update a membership, and from which statuses.
STAFF_TRANSITIONS: dict[MembershipStatus, frozenset[MembershipStatus]] = {
    MembershipStatus.PAUSED: frozenset({MembershipStatus.ACTIVE}),
    MembershipStatus.ACTIVE: frozenset({MembershipStatus.PAUSED}),
}


@dataclass(slots=True, kw_only=True)
class Ambassador(TenantAggregate):
    """One employee's membership of the programme; one per employee, reused on re-joining."""

    id: UUID
    tenant_id: UUID
    employee_id: UUID
    status: MembershipStatus
    invited_at: datetime | None = None
    invited_by: str | None = None
    consented_at: datetime | None = None
    left_at: datetime | None = None
    notes: str | None = None
    preferences: Preferences = field(default_factory=Preferences)
    charter_version: int | None = None
    charter_accepted_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def invite(cls, *, id: UUID, employee: Employee, invited_by: str, now: datetime) -> Ambassador:  # noqa: A002
        _require_active(employee)
        ambassador = cls(
            id=id,
            tenant_id=employee.tenant_id,
            employee_id=employee.id,
            status=MembershipStatus.INVITED,
            invited_at=now,
            invited_by=invited_by,
            created_at=now,
            updated_at=now,
        )
        ambassador._record(EventType.AMBASSADOR_INVITED, now, {"invited_by": invited_by})
        return ambassador

    @classmethod
    def volunteer(cls, *, id: UUID, employee: Employee, now: datetime) -> Ambassador:  # noqa: A002
        """An employee opts in without having been invited."""
        _require_active(employee)
        ambassador = cls(
            id=id,
            tenant_id=employee.tenant_id,
            employee_id=employee.id,
            status=MembershipStatus.ACTIVE,
            consented_at=now,
            created_at=now,
            updated_at=now,
        )
        ambassador._record(EventType.AMBASSADOR_JOINED, now, {"invited": False})
        return ambassador

    def reinvite(self, *, invited_by: str, employee: Employee, now: datetime) -> bool:
        """Invite again; returns False when an open invitation already stands."""
        _require_active(employee)
        if self.status is MembershipStatus.INVITED:
            return False
        if self.status is not MembershipStatus.LEFT:
            raise AlreadyAmbassador(Message("This employee is already an ambassador ({status}).", status=self.status))
        self.status = MembershipStatus.INVITED
        self.invited_at = now
        self.invited_by = invited_by
        self._touch(now)
        self._record(EventType.AMBASSADOR_INVITED, now, {"invited_by": invited_by})
        return True

    def opt_in(self, *, employee: Employee, now: datetime) -> None:
        """Record the employee's consent. Opting in again while a member changes nothing."""
        _require_active(employee)
        if self.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
            return
        invited = self.status is MembershipStatus.INVITED
        self.status = MembershipStatus.ACTIVE
        self.consented_at = now
        self.left_at = None
        self._touch(now)
        self._record(EventType.AMBASSADOR_JOINED, now, {"invited": invited})

    def opt_out(self, *, now: datetime, reason: str = "opted_out") -> None:
        """Leave the programme (one call, always allowed). Leaving twice changes nothing."""
        if self.status is MembershipStatus.LEFT:
            return
        self.status = MembershipStatus.LEFT
        self.left_at = now
        self._touch(now)
        self._record(EventType.AMBASSADOR_LEFT, now, {"reason": reason})

    def change_status(self, wanted: MembershipStatus, now: datetime) -> None:
        """Staff pause or resume a membership."""
        if wanted == self.status:
            return
        allowed_from = STAFF_TRANSITIONS.get(wanted, frozenset())
        if self.status not in allowed_from:
            allowed = sorted(target for target, sources in STAFF_TRANSITIONS.items() if self.status in sources)
            raise InvalidTransition("membership", self.status, Message("set to {wanted}", wanted=wanted), allowed)
        self.status = wanted
        self._touch(now)
        event = EventType.AMBASSADOR_PAUSED if wanted is MembershipStatus.PAUSED else EventType.AMBASSADOR_RESUMED
        self._record(event, now, {})

    def set_notes(self, notes: str | None, now: datetime) -> None:
        if notes is not None and has_control_characters(notes, multiline=True):
            raise ValidationFailed("The notes are not valid.", [FieldError(("notes",), "Remove control characters.")])
        if notes != self.notes:
            self.notes = notes
            self._touch(now)

    def set_preferences(self, preferences: Preferences, now: datetime) -> None:
        if preferences != self.preferences:
            self.preferences = preferences
            self._touch(now)

    def accept_charter(self, version: int, *, current: int | None, now: datetime) -> None:
        """Accept the charter in force. Accepting it again changes nothing; an older or unknown
        version is refused, so nobody accepts words that no longer apply."""
        if self.status is MembershipStatus.LEFT:
            raise NotAnAmbassador("You left the programme; opt in again before accepting its charter.")
        if current is None:
            raise CharterVersionNotCurrent("No charter has been published yet; there is nothing to accept.", None)
        if version != current:
            raise CharterVersionNotCurrent(
                Message(
                    "Version {version} is not the current charter; read and accept version {current}.",
                    version=version,
                    current=current,
                ),
                current,
            )
        if self.charter_version == version:
            return
        self.charter_version = version
        self.charter_accepted_at = now
        self._touch(now)
        self._record(EventType.CHARTER_ACCEPTED, now, {"version": version})

    def has_accepted(self, current_version: int | None) -> bool:
        """Whether this member may act under the charter in force (always, when none is published)."""
        return self.charter_status(current_version) is CharterStatus.ACCEPTED

    def charter_status(self, current_version: int | None) -> CharterStatus:
        return charter_status(self.charter_version, current_version)

    def _record(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        payload = {"id": str(self.id), "employee_id": str(self.employee_id), "status": self.status.value}
        self._emit(type_, now, payload | data)


def _require_active(employee: Employee) -> None:
    if not employee.is_active:
        raise EmployeeTerminated("A terminated employee cannot join the ambassador programme.")
