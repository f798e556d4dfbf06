"""Recruiting ambassadors: prospects (employees not yet members), invitation waves followed as
cohorts through their funnel, and referrals of a colleague by an ambassador.

Joining stays the employee's own choice: a wave and a referral only send the roster's normal
invitation, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import (
    AlreadyAmbassador,
    Conflict,
    EmployeeTerminated,
    FieldError,
    NotAnAmbassador,
    ValidationFailed,
)
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.employees import Employee
from app.domain.values import has_control_characters, is_blank

MAX_WAVE_SIZE = 500
MAX_NAME = 200
MAX_NOTE = 2000
REFERRALS_PER_DAY = 5
# A member is measured 30 days after joining: active when they posted a share in the 30 days after that.
ACTIVE_AFTER = timedelta(days=30)
ACTIVE_WINDOW = timedelta(days=30)


class ProspectStanding(StrEnum):
    """Why an active employee is a prospect: never invited, invited without joining yet, or left."""

    NEVER_INVITED = "never_invited"
    INVITED = "invited"
    LEFT = "left"


@dataclass(frozen=True, slots=True, kw_only=True)
class Prospect:
    employee_id: UUID
    given_name: str
    family_name: str
    department: str | None
    location: str | None
    standing: ProspectStanding
    invited_at: datetime | None

    @property
    def id(self) -> UUID:
        """The employee's id: a list of prospects is in its order."""
        return self.employee_id


class WaveOutcome(StrEnum):
    """What a wave did for one employee: invited them (or found their invitation standing), or skipped
    them because they are already a member."""

    INVITED = "invited"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True, kw_only=True)
class WaveMember:
    employee_id: UUID
    ambassador_id: UUID
    outcome: WaveOutcome


class WaveEmployeesRefused(Conflict):
    """Some employees named in a wave cannot be invited: unknown to the organisation or terminated."""

    code = "wave-employees-refused"

    def __init__(self, unknown: Sequence[UUID], terminated: Sequence[UUID]) -> None:
        named = ", ".join(str(i) for i in [*unknown, *terminated])
        super().__init__(
            Message(
                "These employees cannot be invited (unknown to the organisation or terminated): {employees}; "
                "remove them from the wave and create it again.",
                employees=named,
            )
        )
        self.unknown = tuple(unknown)
        self.terminated = tuple(terminated)


class WaveInvitesNobody(Conflict):
    """A wave's department and location match no prospect: everyone there is a member already, or nobody
    works there."""

    code = "wave-invites-nobody"

    def __init__(self) -> None:
        super().__init__(
            "No prospect matches this department and location: everyone there is already a member, or nobody "
            "works there; check the spelling against the prospects' counts, or name the employees."
        )


class ReferralLimitReached(Conflict):
    """An ambassador referred as many colleagues today as one may."""

    code = "referral-limit-reached"

    def __init__(self, limit: int) -> None:
        super().__init__(
            Message(
                "You already invited {limit} colleagues today, as many as one may; invite more tomorrow (UTC).",
                limit=limit,
            )
        )
        self.limit = limit


def check_wave_text(name: str, note: str | None) -> tuple[str, str | None]:
    errors: list[FieldError] = []
    name = name.strip()
    if is_blank(name) or len(name) > MAX_NAME or has_control_characters(name):
        errors.append(
            FieldError(("name",), Message("Give the wave a name of 1-{most} characters on one line.", most=MAX_NAME))
        )
    if note is not None and (len(note) > MAX_NOTE or has_control_characters(note, multiline=True)):
        errors.append(
            FieldError(
                ("note",), Message("Keep the note under {most} characters, without control characters.", most=MAX_NOTE)
            )
        )
    if errors:
        raise ValidationFailed("The wave is not valid.", errors)
    return name, note


def check_wave_size(count: int, loc: tuple[str | int, ...], *, by_filter: bool = False) -> None:
    if count == 0 and by_filter:
        raise WaveInvitesNobody()
    if count == 0:
        raise ValidationFailed(
            "The wave names nobody to invite.",
            [FieldError(loc, "Name at least one employee, or a filter that matches at least one prospect.")],
        )
    if count > MAX_WAVE_SIZE:
        raise ValidationFailed(
            "The wave is too large.",
            [
                FieldError(
                    loc,
                    Message("At most {most} employees per wave; split it or narrow the filter.", most=MAX_WAVE_SIZE),
                )
            ],
        )


@dataclass(slots=True, kw_only=True)
class InvitationWave(TenantAggregate):
    """A batch of invitations sent together, followed afterwards as a cohort."""

    id: UUID
    tenant_id: UUID
    name: str
    note: str | None
    department: str | None
    location: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    members: tuple[WaveMember, ...] = ()
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def launch(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        name: str,
        note: str | None,
        department: str | None,
        location: str | None,
        members: Sequence[WaveMember],
        created_by: str,
        now: datetime,
    ) -> InvitationWave:
        name, note = check_wave_text(name, note)
        wave = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            note=note,
            department=department,
            location=location,
            created_by=created_by,
            created_at=now,
            updated_at=now,
            members=tuple(members),
        )
        wave._emit(
            EventType.INVITATION_WAVE_LAUNCHED,
            now,
            {"id": str(id), "name": name, "invited": len(wave.invited), "skipped": len(wave.skipped)},
        )
        return wave

    @property
    def invited(self) -> tuple[WaveMember, ...]:
        return tuple(m for m in self.members if m.outcome is WaveOutcome.INVITED)

    @property
    def skipped(self) -> tuple[WaveMember, ...]:
        return tuple(m for m in self.members if m.outcome is WaveOutcome.SKIPPED)


@dataclass(frozen=True, slots=True, kw_only=True)
class CohortMember:
    """What the funnel reads of one invited member: when they joined after the wave's invitation (None
    if they did not), when they left, when they first posted a share after joining, and whether they
    posted one in the window after their 30-day mark."""

    joined_at: datetime | None
    left_at: datetime | None = None
    first_share_at: datetime | None = None
    shared_in_window: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Funnel:
    """A cohort's stages: invited → joined → first share → active after 30 days. ``not_yet_measurable``
    counts the joined members whose 30-day mark is still to come: they are in no count of the last stage."""

    invited: int
    joined: int
    first_share: int
    active_after_30_days: int
    not_yet_measurable: int


def is_measurable(joined_at: datetime, now: datetime) -> bool:
    return now >= joined_at + ACTIVE_AFTER


def is_active_after_30_days(member: CohortMember, now: datetime) -> bool:
    """Joined, still a member at their 30-day mark, and posted a share in the 30 days after the mark."""
    if member.joined_at is None or not is_measurable(member.joined_at, now):
        return False
    mark = member.joined_at + ACTIVE_AFTER
    return (member.left_at is None or member.left_at > mark) and member.shared_in_window


def funnel_of(members: Sequence[CohortMember], now: datetime) -> Funnel:
    joined = [m for m in members if m.joined_at is not None]
    return Funnel(
        invited=len(members),
        joined=len(joined),
        first_share=sum(1 for m in joined if m.first_share_at is not None),
        active_after_30_days=sum(1 for m in joined if is_active_after_30_days(m, now)),
        not_yet_measurable=sum(1 for m in joined if m.joined_at is not None and not is_measurable(m.joined_at, now)),
    )


class ReferralStatus(StrEnum):
    """Where a referral stands: the colleague has not joined yet; they joined and the referral was
    credited; or they joined on an earlier referral (another ambassador's, credited instead)."""

    PENDING = "pending"
    CREDITED = "credited"
    NOT_CREDITED = "not_credited"


@dataclass(slots=True, kw_only=True)
class Referral(TenantAggregate):
    """An ambassador invited a colleague; credited once the colleague joins (first referral wins)."""

    id: UUID
    tenant_id: UUID
    referrer_id: UUID
    employee_id: UUID
    status: ReferralStatus
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def make(cls, *, id: UUID, tenant_id: UUID, referrer_id: UUID, employee_id: UUID, now: datetime) -> Referral:  # noqa: A002
        referral = cls(
            id=id,
            tenant_id=tenant_id,
            referrer_id=referrer_id,
            employee_id=employee_id,
            status=ReferralStatus.PENDING,
            created_at=now,
            updated_at=now,
        )
        referral._record(EventType.REFERRAL_MADE, now, {})
        return referral

    def credit(self, now: datetime) -> None:
        self._close(ReferralStatus.CREDITED, now)
        self._record(EventType.REFERRAL_CREDITED, now, {})

    def pass_over(self, now: datetime) -> None:
        """The colleague joined, credited to another referral."""
        self._close(ReferralStatus.NOT_CREDITED, now)

    def _close(self, status: ReferralStatus, now: datetime) -> None:
        self.status = status
        self.closed_at = now
        self._touch(now)

    def _record(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        payload = {"id": str(self.id), "referrer_id": str(self.referrer_id), "employee_id": str(self.employee_id)}
        self._emit(type_, now, payload | data)


def settle(referrals: Sequence[Referral], now: datetime) -> Referral | None:
    """When a referred colleague joins: the earliest pending referral is credited, unless one was credited
    before (the colleague counts once, ever); every other pending one is passed over. Answers the
    credited referral, if any."""
    already = any(r.status is ReferralStatus.CREDITED for r in referrals)
    pending = sorted((r for r in referrals if r.status is ReferralStatus.PENDING), key=lambda r: (r.created_at, r.id))
    credited = None
    for referral in pending:
        if credited is None and not already:
            referral.credit(now)
            credited = referral
        else:
            referral.pass_over(now)
    return credited


def check_referral(
    *, referrer: Ambassador, colleague: Employee, membership: Ambassador | None, made_today: int
) -> None:
    """An active ambassador may invite an active colleague who is not a member (an open invitation or a
    departure is no membership), up to ``REFERRALS_PER_DAY`` colleagues a UTC day."""
    if referrer.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(
            Message("Only active ambassadors invite colleagues; your membership is {status}.", status=referrer.status)
        )
    if not colleague.is_active:
        raise EmployeeTerminated("This colleague no longer works for the organisation; invite someone else.")
    if membership is not None and membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise AlreadyAmbassador(
            Message(
                "This colleague is already an ambassador ({status}); invite someone else.", status=membership.status
            )
        )
    if made_today >= REFERRALS_PER_DAY:
        raise ReferralLimitReached(REFERRALS_PER_DAY)
