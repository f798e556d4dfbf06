"""REST bodies of the roster: tenants, employees, memberships, social accounts and the caller."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool, field_validator

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, Documented, Omittable, RequestBody, refuse_null
from app.api.rest.instants import Day
from app.api.rest.texts import EMAIL, LANGUAGE_TAG, MULTI_LINE, SINGLE_LINE, SINGLE_LINE_NOT_BLANK, TOPIC
from app.domain.networks import Network
from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import MAX_AUDIENCE, MAX_SHARES_PER_WEEK, MAX_TOPICS, MembershipStatus
from app.domain.roster.employees import EmployeeStatus
from app.domain.roster.tenants import SLUG_PATTERN

Name = Annotated[str, Field(min_length=1, max_length=200), SINGLE_LINE_NOT_BLANK]


OptionalText = Annotated[Annotated[str, SINGLE_LINE] | None, Field(default=None, max_length=200)]


LanguageTag = Annotated[str, Field(min_length=2, max_length=35, examples=["fr", "en-GB"]), LANGUAGE_TAG]

Topic = Annotated[str, Field(max_length=64), TOPIC]

_EMPLOYEE: dict[str, Any] = {
    "id": ex.EMPLOYEE_ID,
    "external_id": "HR-10442",
    "email": "ada.lovelace@acme.example",
    "given_name": "Ada",
    "family_name": "Lovelace",
    "department": "Engineering",
    "location": "Lyon",
    "language": "fr",
    "manager_id": ex.MANAGER_ID,
    "idp_subject": "auth0|ada",
    "status": "active",
    "hired_on": ex.HIRED,
    "terminated_on": None,
    "created_at": ex.CREATED,
    "updated_at": ex.UPDATED,
}
_PREFERENCES: dict[str, Any] = {
    "languages": ["fr", "en"],
    "topics": ["engineering", "hiring"],
    "max_shares_per_week": 3,
    "leaderboard_visible": True,
}
_AMBASSADOR: dict[str, Any] = {
    "id": ex.AMBASSADOR_ID,
    "employee_id": ex.EMPLOYEE_ID,
    "status": "active",
    "invited_at": ex.CREATED,
    "consented_at": ex.UPDATED,
    "left_at": None,
    "notes": None,
    "preferences": _PREFERENCES,
    "charter_version": 3,
    "charter_accepted_at": ex.UPDATED,
    "created_at": ex.CREATED,
    "updated_at": ex.UPDATED,
}
_SOCIAL_ACCOUNT: dict[str, Any] = {
    "id": ex.SOCIAL_ACCOUNT_ID,
    "network": "linkedin",
    "handle": "ada-lovelace",
    "audience_size": 1200,
    "created_at": ex.UPDATED,
}


class TenantCreate(RequestBody):
    """An organisation to create."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"slug": "acme", "name": "Acme Corporation"}]})

    slug: Annotated[
        str,
        Field(min_length=1, max_length=63, pattern=r"^[a-z0-9-]+$", examples=["acme"]),
        Documented(pattern=SLUG_PATTERN.pattern),
    ] = Field(description="Lowercase letters, digits and inner hyphens; unique on the platform.")
    name: Name = Field(description="The organisation's name, as people read it.")


class TenantOut(BaseModel):
    """An organisation on the platform."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": ex.TENANT_ID, "slug": "acme", "name": "Acme Corporation", "created_at": ex.CREATED}]
        }
    )

    id: UUID = Field(description="The organisation's id: the tenant its tokens name.")
    slug: str = Field(description="Its short unique name.")
    name: str = Field(description="Its name, as people read it.")
    created_at: datetime = Field(description="When it was created.")


class EmployeeFields(RequestBody):
    external_id: Annotated[Annotated[str, SINGLE_LINE_NOT_BLANK] | None, Field(max_length=200)] = Field(
        default=None, description="The employee's id in the HRIS; unique per tenant."
    )
    department: OptionalText = Field(default=None, description="Their department; content can target it.")
    location: OptionalText = Field(default=None, description="Where they work; content can target it.")
    language: LanguageTag | None = Field(default=None, description="BCP 47 language tag.")
    manager_id: UUID | None = Field(default=None, description="The employee id of their manager, in the roster.")
    idp_subject: Annotated[Annotated[str, SINGLE_LINE] | None, Field(default=None, max_length=255)] = Field(
        default=None, description="The `sub` of this employee's tokens at the identity provider."
    )
    hired_on: Day | None = Field(default=None, description="Their first day.")


class EmployeeCreate(EmployeeFields):
    """An employee to add to the roster."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "email": "ada.lovelace@acme.example",
                    "given_name": "Ada",
                    "family_name": "Lovelace",
                    "external_id": "HR-10442",
                    "department": "Engineering",
                    "location": "Lyon",
                    "language": "fr",
                    "hired_on": ex.HIRED,
                }
            ]
        }
    )

    email: Annotated[EmailStr, EMAIL] = Field(description="Unique per tenant, case-insensitively.")
    given_name: Name = Field(description="Their given (first) name.")
    family_name: Name = Field(description="Their family (last) name.")


REQUIRED_ON_UPDATE = ("email", "given_name", "family_name")


class EmployeeUpdate(EmployeeFields):
    """Only the fields sent change; send null to clear an optional field."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"department": "Platform", "location": None}]})

    email: Omittable[Annotated[EmailStr, EMAIL]] = Field(
        default=None, description="Unique per tenant, case-insensitively."
    )
    given_name: Omittable[Name] = Field(default=None, description="Their given (first) name.")
    family_name: Omittable[Name] = Field(default=None, description="Their family (last) name.")

    _required_fields_are_not_cleared = field_validator(*REQUIRED_ON_UPDATE)(refuse_null)

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class TerminationRequest(RequestBody):
    """A departure to record."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"terminated_on": "2025-06-30"}]})

    terminated_on: Day | None = Field(default=None, description="Their last day; today (UTC) when omitted.")


class EmployeeOut(BaseModel):
    """An employee of the roster."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EMPLOYEE]})

    id: UUID = Field(description="The employee's id.")
    external_id: str | None = Field(description="Their id in the HRIS, if given.")
    email: str = Field(description="Their work e-mail.")
    given_name: str = Field(description="Their given (first) name.")
    family_name: str = Field(description="Their family (last) name.")
    department: str | None = Field(description="Their department, if known.")
    location: str | None = Field(description="Where they work, if known.")
    language: str | None = Field(description="Their language (BCP 47), if known.")
    manager_id: UUID | None = Field(description="Their manager's employee id, if known.")
    idp_subject: str | None = Field(description="The `sub` their tokens carry, once known.")
    status: EmployeeStatus = Field(description="Whether they still work for the organisation.")
    hired_on: date | None = Field(description="Their first day, if known.")
    terminated_on: date | None = Field(description="Their last day, once they left.")
    created_at: datetime = Field(description="When they were added to the roster.")
    updated_at: datetime = Field(description="When their record last changed.")


class InvitationCreate(RequestBody):
    """Whom to invite."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"employee_id": ex.EMPLOYEE_ID}]})

    employee_id: UUID = Field(description="The employee to invite; they must still work for the organisation.")


class AmbassadorUpdate(RequestBody):
    """Only the fields sent change."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "paused", "notes": "On parental leave."}]})

    status: Literal[MembershipStatus.ACTIVE, MembershipStatus.PAUSED] | None = Field(
        default=None, description="Pause an active membership or resume a paused one."
    )
    notes: Annotated[Annotated[str, MULTI_LINE] | None, Field(default=None, max_length=2000)] = Field(
        default=None, description="Staff notes on the membership; null clears them."
    )


class PreferencesBody(RequestBody):
    """What an ambassador wants to receive and show."""

    model_config = ConfigDict(json_schema_extra={"examples": [_PREFERENCES]})

    languages: Annotated[list[LanguageTag], Field(max_length=20)] = Field(
        default_factory=list, description="The languages you read content in, best first (BCP 47)."
    )
    topics: Annotated[list[Topic], Field(max_length=MAX_TOPICS)] = Field(
        default_factory=list, description="Topics you like to share about."
    )
    max_shares_per_week: Annotated[int, Field(ge=0, le=MAX_SHARES_PER_WEEK), JSON_INTEGER] | None = Field(
        default=None, description="How many shares a week you want suggested; null for no limit."
    )
    leaderboard_visible: StrictBool = Field(default=False, description="Show me on leaderboards (hidden by default).")


class AmbassadorOut(BaseModel):
    """An employee's membership of the ambassador programme."""

    model_config = ConfigDict(json_schema_extra={"examples": [_AMBASSADOR]})

    id: UUID = Field(description="The membership's id.")
    employee_id: UUID = Field(description="The member's employee id.")
    status: MembershipStatus = Field(description="Where they stand in the programme.")
    invited_at: datetime | None = Field(description="When they were last invited, if they were.")
    consented_at: datetime | None = Field(description="When the employee opted in (their consent).")
    left_at: datetime | None = Field(description="When they left, if they did.")
    notes: str | None = Field(description="Staff notes, if any.")
    preferences: PreferencesBody = Field(description="What they want to receive and show.")
    charter_version: int | None = Field(description="The charter version this member accepted, if any.")
    charter_accepted_at: datetime | None = Field(description="When they accepted it.")
    created_at: datetime = Field(description="When the membership began (invitation or opt-in).")
    updated_at: datetime = Field(description="When it last changed.")


class SocialAccountCreate(RequestBody):
    """A social account to connect."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"network": "linkedin", "handle": "ada-lovelace", "audience_size": 1200}]}
    )

    network: Network = Field(description="The account's network.")
    handle: Annotated[str, Field(min_length=1, max_length=200), SINGLE_LINE] = Field(
        description="Your name on that network; one account per handle and network."
    )
    audience_size: Annotated[int, Field(ge=0, le=MAX_AUDIENCE), JSON_INTEGER] = Field(
        default=0, description="How many people follow you there, for reach estimates."
    )


class SocialAccountUpdate(RequestBody):
    """Your audience there now; the shares you confirm from now on take it as their potential reach."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"audience_size": 1350}]})

    audience_size: Annotated[int, Field(ge=0, le=MAX_AUDIENCE), JSON_INTEGER] = Field(
        description="How many people follow you there now; kept in the account's audience history."
    )


class AudienceObservationOut(BaseModel):
    """An account's audience as its ambassador gave it at a moment."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"observed_at": ex.UPDATED, "audience_size": 1200}]})

    observed_at: datetime = Field(description="When it was given: on connecting the account, or on a change.")
    audience_size: int = Field(description="How many people followed the account then.")


class SocialAccountOut(BaseModel):
    """A social account an ambassador connected."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SOCIAL_ACCOUNT]})

    id: UUID = Field(description="The account's id.")
    network: Network = Field(description="Its network.")
    handle: str = Field(description="The ambassador's name on that network.")
    audience_size: int = Field(description="How many people follow them there.")
    created_at: datetime = Field(description="When it was connected.")


class MeOut(BaseModel):
    """The caller: who the token says they are, and what Relais knows of them."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject": "auth0|ada",
                    "tenant_id": ex.TENANT_ID,
                    "email": "ada.lovelace@acme.example",
                    "roles": ["ambassador"],
                    "employee": _EMPLOYEE,
                    "ambassador": _AMBASSADOR,
                    "social_accounts": [_SOCIAL_ACCOUNT],
                    "charter_status": "accepted",
                }
            ]
        }
    )

    subject: str = Field(description="The token's `sub`.")
    tenant_id: UUID | None = Field(description="The organisation the token was issued for; null for operators.")
    email: str | None = Field(description="The token's e-mail claim, if any.")
    roles: list[str] = Field(description="The token's roles, sorted.")
    employee: EmployeeOut | None = Field(description="Your roster record, once your token is linked to it.")
    ambassador: AmbassadorOut | None = Field(description="Your programme membership, if any.")
    social_accounts: list[SocialAccountOut] = Field(description="The social accounts you connected.")
    charter_status: CharterStatus | None = Field(
        description="Whether you accepted the charter in force (`accepted` when none is published); "
        "null until your token is linked to an employee."
    )
