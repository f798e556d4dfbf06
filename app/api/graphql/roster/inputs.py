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

from app.api.graphql.changes import refused_nulls, sent_changes, sent_fields
from app.api.graphql.global_ids import optional_uuid_of
from app.api.graphql.roster.enums import MembershipStatus, Network
from app.domain.errors import FieldError, ValidationFailed
from app.domain.roster import ambassadors as membership
from app.domain.roster.employees import EmployeeProfile
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand

TEXT, NOTES, SUBJECT, MAX_LANGUAGES, MAX_AUDIENCE = 200, 2000, 255, 20, 1_000_000_000
# Longest allowed value of each optional profile text, as REST's EmployeeFields.
PROFILE_LIMITS = {"external_id": TEXT, "department": TEXT, "location": TEXT, "language": 35, "idp_subject": SUBJECT}
# The profile fields a change may set to null.
CLEARABLE = frozenset({*PROFILE_LIMITS, "manager_id", "hired_on"})


@strawberry.input(description="Replaces the caller's preferences as a whole.")
class PreferencesInput:
    languages: list[str] = strawberry.field(
        default_factory=list, description="BCP 47 tags of the languages you read, preferred first; at most 20."
    )
    topics: list[str] = strawberry.field(default_factory=list, description="Topics you care about; at most 50.")
    max_shares_per_week: int | None = strawberry.field(default=None, description="0 to 50; null for no cap.")
    leaderboard_visible: bool = strawberry.field(default=False, description="Show me on leaderboards.")


@strawberry.input(description="A social account to connect; the same handle cannot be connected twice.")
class SocialAccountInput:
    network: Network = strawberry.field(description="The network it is on.")
    handle: str = strawberry.field(description="Your name on that network.")
    audience_size: int = strawberry.field(default=0, description="Your followers or connections there.")


@strawberry.input(description="A new employee. E-mail and externalId are unique in the organisation.")
class EmployeeInput:
    email: str = strawberry.field(description="Work e-mail address.")
    given_name: str = strawberry.field(description="First name, 1 to 200 characters.")
    family_name: str = strawberry.field(description="Last name, 1 to 200 characters.")
    external_id: str | None = strawberry.field(default=None, description="Their id in the HRIS.")
    department: str | None = strawberry.field(default=None, description="Department, as the HRIS names it.")
    location: str | None = strawberry.field(default=None, description="Office or site, as the HRIS names it.")
    language: str | None = strawberry.field(default=None, description="BCP 47 language tag.")
    manager_id: strawberry.ID | None = strawberry.field(default=None, description="Their manager's `id`.")
    idp_subject: str | None = strawberry.field(default=None, description="The `sub` of their access tokens.")
    hired_on: date | None = strawberry.field(default=None, description="Their first day.")


@strawberry.input(description="Only the fields sent change; send null to clear an optional field.")
class EmployeeChangesInput:
    email: strawberry.Maybe[str | None] = strawberry.field(description="Work e-mail address; not null.")
    given_name: strawberry.Maybe[str | None] = strawberry.field(description="First name; not null.")
    family_name: strawberry.Maybe[str | None] = strawberry.field(description="Last name; not null.")
    external_id: strawberry.Maybe[str | None] = strawberry.field(description="Their id in the HRIS.")
    department: strawberry.Maybe[str | None] = strawberry.field(description="Department.")
    location: strawberry.Maybe[str | None] = strawberry.field(description="Office or site.")
    language: strawberry.Maybe[str | None] = strawberry.field(description="BCP 47 language tag.")
    manager_id: strawberry.Maybe[strawberry.ID | None] = strawberry.field(description="Their manager's `id`.")
    idp_subject: strawberry.Maybe[str | None] = strawberry.field(description="The `sub` of their access tokens.")
    hired_on: strawberry.Maybe[date | None] = strawberry.field(description="Their first day.")


@strawberry.input(description="Pause or resume a membership, or edit its notes.")
class AmbassadorChangesInput:
    status: strawberry.Maybe[MembershipStatus | None] = strawberry.field(description="ACTIVE or PAUSED; not null.")
    notes: strawberry.Maybe[str | None] = strawberry.field(description="Staff's notes; null clears them.")


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

    def manager(self, value: str | None) -> UUID | None:
        try:
            return optional_uuid_of(value, "Employee", ("manager_id",))
        except ValidationFailed as error:
            self.errors.extend(error.errors)
            return None

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
    return ConnectSocialAccountCommand(network=data.network, handle=data.handle, audience_size=data.audience_size)


def _check_profile(checks: _Checks, values: dict[str, Any]) -> None:
    for name in ("given_name", "family_name"):
        if name in values:
            checks.length((name,), values[name], TEXT, 1)
    for name, most in PROFILE_LIMITS.items():
        checks.length((name,), values.get(name), most)


def employee_profile(data: EmployeeInput) -> EmployeeProfile:
    """Lengths and the domain's own rules are reported together, as REST does in one answer."""
    checks = _Checks()
    profile = EmployeeProfile(
        email=data.email,
        given_name=data.given_name,
        family_name=data.family_name,
        external_id=data.external_id,
        department=data.department,
        location=data.location,
        language=data.language,
        manager_id=checks.manager(data.manager_id),
        idp_subject=data.idp_subject,
        hired_on=data.hired_on,
    )
    _check_profile(checks, vars(data))
    try:
        profile.validated()
    except ValidationFailed as error:
        checks.errors.extend(error.errors)
    checks.done("The employee is not valid.")
    return profile


def employee_changes(data: EmployeeChangesInput) -> dict[str, Any]:
    """The profile fields to change: those sent, with null meaning 'clear'."""
    changes = sent_fields(data)
    checks = _Checks(refused_nulls(changes, CLEARABLE))
    if "manager_id" in changes:
        changes["manager_id"] = checks.manager(changes["manager_id"])
    _check_profile(checks, changes)
    checks.done("The changes are not valid.")
    return changes


def membership_status(data: AmbassadorChangesInput) -> membership.MembershipStatus | None:
    """REST accepts only active and paused here; joining and leaving are the employee's acts."""
    status: MembershipStatus | None = sent_changes(data, clearable={"notes"}).get("status")
    if status is None:
        return None
    if status not in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        raise ValidationFailed("Staff may only pause or resume.", [FieldError(("status",), "Use ACTIVE or PAUSED.")])
    return status


def notes(data: AmbassadorChangesInput) -> tuple[bool, str | None]:
    """Whether notes were sent, and their new value."""
    if data.notes is None:
        return False, None
    checks = _Checks()
    checks.length(("notes",), data.notes.value, NOTES)
    checks.done("The changes are not valid.")
    return True, data.notes.value
