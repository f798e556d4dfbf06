"""GraphQL input types and their conversion to domain values and commands.

REST's request schemas bound every text's length; the same bounds are checked here so both
APIs accept exactly the same data. Rules beyond length stay in the domain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.roster.enums import MembershipStatus, Network
from app.domain.errors import FieldError, ValidationFailed
from app.domain.networks import Network as DomainNetwork
from app.domain.roster import ambassadors as membership
from app.domain.roster.employees import EmployeeProfile
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand

TEXT, NOTES, SUBJECT, MAX_LANGUAGES, MAX_AUDIENCE = 200, 2000, 255, 20, 1_000_000_000
# Longest allowed value of each optional profile text, as REST's EmployeeFields.
PROFILE_LIMITS = {"external_id": TEXT, "department": TEXT, "location": TEXT, "language": 35, "idp_subject": SUBJECT}


@strawberry.input(description="Replaces the caller's preferences as a whole.")
class PreferencesInput:
    languages: list[str] = strawberry.field(default_factory=list, description="BCP 47 tags, at most 20.")
    topics: list[str] = strawberry.field(default_factory=list, description="At most 50.")
    max_shares_per_week: int | None = strawberry.field(default=None, description="0 to 50; null for no cap.")
    leaderboard_visible: bool = strawberry.field(default=False, description="Show me on leaderboards.")


@strawberry.input(description="A social account to connect; the same handle cannot be connected twice.")
class SocialAccountInput:
    network: Network
    handle: str
    audience_size: int = 0


@strawberry.input(description="A new employee. E-mail and externalId are unique in the organisation.")
class EmployeeInput:
    email: str
    given_name: str
    family_name: str
    external_id: str | None = None
    department: str | None = None
    location: str | None = None
    language: str | None = None
    manager_id: UUID | None = None
    idp_subject: str | None = None
    hired_on: date | None = None


@strawberry.input(description="Only the fields sent change; send null to clear an optional field.")
class EmployeeChangesInput:
    email: strawberry.Maybe[str | None]
    given_name: strawberry.Maybe[str | None]
    family_name: strawberry.Maybe[str | None]
    external_id: strawberry.Maybe[str | None]
    department: strawberry.Maybe[str | None]
    location: strawberry.Maybe[str | None]
    language: strawberry.Maybe[str | None]
    manager_id: strawberry.Maybe[UUID | None]
    idp_subject: strawberry.Maybe[str | None]
    hired_on: strawberry.Maybe[date | None]


@strawberry.input(description="Pause or resume a membership, or edit its notes.")
class AmbassadorChangesInput:
    status: strawberry.Maybe[MembershipStatus | None] = strawberry.field(description="ACTIVE or PAUSED.")
    notes: strawberry.Maybe[str | None]


@dataclass
class _Checks:
    """Collects every length problem first, so one answer lists them all."""

    errors: list[FieldError] = field(default_factory=list)

    def length(self, loc: tuple[str | int, ...], value: str | None, most: int, least: int = 0) -> None:
        if value is not None and not least <= len(value) <= most:
            self.errors.append(FieldError(loc, f"Use {least} to {most} characters."))

    def count(self, loc: tuple[str | int, ...], values: Sequence[object], most: int) -> None:
        if len(values) > most:
            self.errors.append(FieldError(loc, f"At most {most} items."))

    def done(self, detail: str) -> None:
        if self.errors:
            raise ValidationFailed(detail, self.errors)


def preferences(data: PreferencesInput) -> membership.Preferences:
    checks = _Checks()
    checks.count(("languages",), data.languages, MAX_LANGUAGES)
    for index, tag in enumerate(data.languages):
        checks.length(("languages", index), tag, 35, 2)
    checks.done("The preferences are not valid.")
    return membership.Preferences.parse(
        languages=data.languages,
        topics=data.topics,
        max_shares_per_week=data.max_shares_per_week,
        leaderboard_visible=data.leaderboard_visible,
    )


def social_account_command(data: SocialAccountInput) -> ConnectSocialAccountCommand:
    checks = _Checks()
    if data.audience_size > MAX_AUDIENCE:
        checks.errors.append(FieldError(("audience_size",), f"At most {MAX_AUDIENCE}."))
    checks.done("The social account is not valid.")
    return ConnectSocialAccountCommand(
        network=DomainNetwork(data.network.value), handle=data.handle, audience_size=data.audience_size
    )


def _check_profile(checks: _Checks, values: dict[str, Any]) -> None:
    for name in ("given_name", "family_name"):
        if name in values:
            checks.length((name,), values[name], TEXT, 1)
    for name, most in PROFILE_LIMITS.items():
        checks.length((name,), values.get(name), most)


def employee_profile(data: EmployeeInput) -> EmployeeProfile:
    """Lengths and the domain's own rules are reported together, as REST does in one answer."""
    profile = EmployeeProfile(
        email=data.email,
        given_name=data.given_name,
        family_name=data.family_name,
        external_id=data.external_id,
        department=data.department,
        location=data.location,
        language=data.language,
        manager_id=data.manager_id,
        idp_subject=data.idp_subject,
        hired_on=data.hired_on,
    )
    checks = _Checks()
    _check_profile(checks, vars(data))
    try:
        profile.validated()
    except ValidationFailed as error:
        checks.errors.extend(error.errors)
    checks.done("The employee is not valid.")
    return profile


def employee_changes(data: EmployeeChangesInput) -> dict[str, Any]:
    """The profile fields to change: those sent, with null meaning 'clear'."""
    changes = sent_changes(data, not_clearable=("email", "given_name", "family_name"))
    checks = _Checks()
    _check_profile(checks, changes)
    checks.done("The changes are not valid.")
    return changes


def membership_status(data: AmbassadorChangesInput) -> membership.MembershipStatus | None:
    """REST accepts only active and paused here; joining and leaving are the employee's acts."""
    if data.status is None:
        return None
    if data.status.value not in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise ValidationFailed("Staff may only pause or resume.", [FieldError(("status",), "Use ACTIVE or PAUSED.")])
    return membership.MembershipStatus(data.status.value.value)


def notes(data: AmbassadorChangesInput) -> tuple[bool, str | None]:
    """Whether notes were sent, and their new value."""
    if data.notes is None:
        return False, None
    checks = _Checks()
    checks.length(("notes",), data.notes.value, NOTES)
    checks.done("The changes are not valid.")
    return True, data.notes.value
