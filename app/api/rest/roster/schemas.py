"""REST bodies of the roster: tenants, employees, memberships, social accounts and the caller."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, EmailStr, Field, StrictBool, field_validator

from app.api.rest.bodies import JSON_INTEGER, RequestBody, refuse_null
from app.api.rest.instants import Day
from app.api.rest.texts import EMAIL, LANGUAGE_TAG, MULTI_LINE, SINGLE_LINE, SINGLE_LINE_NOT_BLANK, TOPIC
from app.domain.networks import Network
from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import EmployeeStatus

Name = Annotated[str, Field(min_length=1, max_length=200), SINGLE_LINE_NOT_BLANK]


OptionalText = Annotated[Annotated[str, SINGLE_LINE] | None, Field(default=None, max_length=200)]


LanguageTag = Annotated[str, Field(min_length=2, max_length=35, examples=["fr", "en-GB"]), LANGUAGE_TAG]

Topic = Annotated[str, Field(max_length=64), TOPIC]


class TenantCreate(RequestBody):
    slug: Annotated[str, Field(min_length=1, max_length=63, pattern=r"^[a-z0-9-]+$", examples=["acme"])]
    name: Name


class TenantOut(BaseModel):
    id: UUID
    slug: str
    name: str
    created_at: datetime


class EmployeeFields(RequestBody):
    external_id: Annotated[Annotated[str, SINGLE_LINE_NOT_BLANK] | None, Field(max_length=200)] = Field(
        default=None, description="The employee's id in the HRIS; unique per tenant."
    )
    department: OptionalText = None
    location: OptionalText = None
    language: LanguageTag | None = Field(default=None, description="BCP 47 language tag.")
    manager_id: UUID | None = None
    idp_subject: Annotated[Annotated[str, SINGLE_LINE] | None, Field(default=None, max_length=255)] = Field(
        default=None, description="The `sub` of this employee's tokens at the identity provider."
    )
    hired_on: Day | None = None


class EmployeeCreate(EmployeeFields):
    email: Annotated[EmailStr, EMAIL] = Field(description="Unique per tenant, case-insensitively.")
    given_name: Name
    family_name: Name


REQUIRED_ON_UPDATE = ("email", "given_name", "family_name")


class EmployeeUpdate(EmployeeFields):
    """Only the fields sent change; send null to clear an optional field."""

    email: Annotated[EmailStr, EMAIL] | None = None
    given_name: Name | None = None
    family_name: Name | None = None

    _required_fields_are_not_cleared = field_validator(*REQUIRED_ON_UPDATE)(refuse_null)

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class TerminationRequest(RequestBody):
    terminated_on: Day | None = Field(default=None, description="Defaults to today (UTC).")


class EmployeeOut(BaseModel):
    id: UUID
    external_id: str | None
    email: str
    given_name: str
    family_name: str
    department: str | None
    location: str | None
    language: str | None
    manager_id: UUID | None
    idp_subject: str | None
    status: EmployeeStatus
    hired_on: date | None
    terminated_on: date | None
    created_at: datetime
    updated_at: datetime


class InvitationCreate(RequestBody):
    employee_id: UUID


class AmbassadorUpdate(RequestBody):
    status: Literal[MembershipStatus.ACTIVE, MembershipStatus.PAUSED] | None = Field(
        default=None, description="Pause an active membership or resume a paused one."
    )
    notes: Annotated[Annotated[str, MULTI_LINE] | None, Field(default=None, max_length=2000)] = None


class PreferencesBody(RequestBody):
    languages: Annotated[list[LanguageTag], Field(max_length=20)] = Field(default_factory=list)
    topics: Annotated[list[Annotated[str, Field(max_length=64), TOPIC]], Field(max_length=50)] = Field(
        default_factory=list
    )
    max_shares_per_week: Annotated[int, Field(ge=0, le=50), JSON_INTEGER] | None = None
    leaderboard_visible: StrictBool = Field(default=False, description="Show me on leaderboards (hidden by default).")


class AmbassadorOut(BaseModel):
    id: UUID
    employee_id: UUID
    status: MembershipStatus
    invited_at: datetime | None
    consented_at: datetime | None = Field(description="When the employee opted in (their consent).")
    left_at: datetime | None
    notes: str | None
    preferences: PreferencesBody
    charter_version: int | None = Field(description="The charter version this member accepted, if any.")
    charter_accepted_at: datetime | None = Field(description="When they accepted it.")
    created_at: datetime
    updated_at: datetime


class SocialAccountCreate(RequestBody):
    network: Network
    handle: Annotated[str, Field(min_length=1, max_length=200), SINGLE_LINE]
    audience_size: Annotated[int, Field(ge=0, le=1_000_000_000), JSON_INTEGER] = 0


class SocialAccountOut(BaseModel):
    id: UUID
    network: Network
    handle: str
    audience_size: int
    created_at: datetime


class MeOut(BaseModel):
    subject: str
    tenant_id: UUID | None
    email: str | None
    roles: list[str]
    employee: EmployeeOut | None = Field(description="Your roster record, once your token is linked to it.")
    ambassador: AmbassadorOut | None = Field(description="Your programme membership, if any.")
    social_accounts: list[SocialAccountOut]
    charter_status: CharterStatus | None = Field(
        description="Whether you accepted the charter in force (`accepted` when none is published); "
        "null until your token is linked to an employee."
    )
