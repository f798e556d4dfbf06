"""REST bodies of recruiting: prospects and their counts, invitation waves with their funnel, referrals."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest import examples as ex
from app.api.rest.bodies import RequestBody
from app.api.rest.texts import MULTI_LINE, SINGLE_LINE, SINGLE_LINE_NOT_BLANK
from app.domain.community.recruiting import (
    MAX_NAME,
    MAX_NOTE,
    MAX_WAVE_SIZE,
    ProspectStanding,
    ReferralStatus,
)

WAVE_ID = "0196a3b6-4c5d-7e6f-8a7b-9c0d1e2f3a4b"
REFERRAL_ID = "0196a3b7-5d6e-7f8a-9b0c-1d2e3f4a5b6c"
COLLEAGUE_ID = "0196a3b2-7e21-7d4f-9a32-5c6b7d8e9f0a"

_PROSPECT: dict[str, Any] = {
    "employee_id": ex.EMPLOYEE_ID,
    "given_name": "Ada",
    "family_name": "Lovelace",
    "department": "Engineering",
    "location": "Lyon",
    "standing": "invited",
    "invited_at": ex.CREATED,
}
_FUNNEL: dict[str, Any] = {
    "invited": 40,
    "joined": 18,
    "first_share": 12,
    "active_after_30_days": 5,
    "not_yet_measurable": 6,
}
_WAVE: dict[str, Any] = {
    "id": WAVE_ID,
    "name": "Engineering, Lyon: spring wave",
    "note": "After the tech blog launch.",
    "department": "Engineering",
    "location": "Lyon",
    "created_by": "auth0|grace",
    "created_at": ex.CREATED,
    "invited_employee_ids": [ex.EMPLOYEE_ID],
    "skipped_employee_ids": [],
    "funnel": _FUNNEL,
}
_REFERRAL: dict[str, Any] = {
    "id": REFERRAL_ID,
    "employee_id": COLLEAGUE_ID,
    "given_name": "Grace",
    "family_name": "Hopper",
    "status": "pending",
    "created_at": ex.CREATED,
    "closed_at": None,
}

Filter = Annotated[str, Field(min_length=1, max_length=200), SINGLE_LINE]


class ProspectOut(BaseModel):
    """An active employee who is not a member of the programme."""

    model_config = ConfigDict(json_schema_extra={"examples": [_PROSPECT]})

    employee_id: UUID = Field(description="The employee's id: invite them with it.")
    given_name: str = Field(description="Their given name.")
    family_name: str = Field(description="Their family name.")
    department: str | None = Field(description="Their department, as the roster names it.")
    location: str | None = Field(description="Their location, as the roster names it.")
    standing: ProspectStanding = Field(
        description="`never_invited`; `invited` (an invitation stands, they have not joined); `left` (they were "
        "a member and left)."
    )
    invited_at: datetime | None = Field(description="When they were last invited, if they were.")


class FacetOut(BaseModel):
    """How many prospects have one value."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"value": "Engineering", "count": 42}]})

    value: str | None = Field(description="The department or location; null for those without one.")
    count: int = Field(description="How many prospects have it.")


class ProspectCountsOut(BaseModel):
    """The prospects a filter matches, counted in all, by department and by location (largest first)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "total": 42,
                    "departments": [{"value": "Engineering", "count": 42}],
                    "locations": [{"value": "Lyon", "count": 30}, {"value": "Paris", "count": 12}],
                }
            ]
        }
    )

    total: int = Field(description="How many prospects the filter matches.")
    departments: list[FacetOut] = Field(description="Their count by department.")
    locations: list[FacetOut] = Field(description="Their count by location.")


class WaveCreate(RequestBody):
    """A wave: either a list of employees, or a department and/or location whose prospects it invites."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "Engineering, Lyon: spring wave", "department": "Engineering", "location": "Lyon"},
                {"name": "Hand-picked", "note": "Speakers at the meetup.", "employee_ids": [ex.EMPLOYEE_ID]},
            ],
        }
    )

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME), SINGLE_LINE_NOT_BLANK] = Field(
        description="What staff call the wave."
    )
    note: Annotated[Annotated[str, MULTI_LINE] | None, Field(default=None, max_length=MAX_NOTE)] = Field(
        default=None, description="Why this wave, for staff."
    )
    employee_ids: list[UUID] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_WAVE_SIZE,
        description=f"The employees to invite (at most {MAX_WAVE_SIZE}); or leave out and give a filter.",
    )
    department: Filter | None = Field(default=None, description="Invite the prospects of this department.")
    location: Filter | None = Field(default=None, description="Invite the prospects of this location.")


class FunnelOut(BaseModel):
    """A cohort's funnel: invited → joined → first share → active after 30 days."""

    model_config = ConfigDict(json_schema_extra={"examples": [_FUNNEL]})

    invited: int = Field(description="The employees the wave invited.")
    joined: int = Field(description="Those who opted in after the wave's invitation.")
    first_share: int = Field(description="Those who joined and posted at least one share since.")
    active_after_30_days: int = Field(
        description="Those who joined, were still members at their 30-day mark and posted a share in the "
        "30 days after it (days 30 to 60 after joining)."
    )
    not_yet_measurable: int = Field(
        description="Those who joined less than 30 days ago: not counted in `active_after_30_days` yet."
    )


class WaveOut(BaseModel):
    """An invitation wave, followed as a cohort."""

    model_config = ConfigDict(json_schema_extra={"examples": [_WAVE]})

    id: UUID = Field(description="The wave's id.")
    name: str = Field(description="What staff call the wave.")
    note: str | None = Field(description="Why this wave, for staff.")
    department: str | None = Field(description="The department whose prospects it invited, if by filter.")
    location: str | None = Field(description="The location whose prospects it invited, if by filter.")
    created_by: str = Field(description="Who launched it (their identity's subject).")
    created_at: datetime = Field(description="When it was launched: its invitations' time.")
    invited_employee_ids: list[UUID] = Field(description="The employees it invited: the cohort.")
    skipped_employee_ids: list[UUID] = Field(description="The employees it named who were already members.")
    funnel: FunnelOut = Field(description="The cohort's funnel as of now.")


class ReferralCreate(RequestBody):
    """The colleague to invite."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"employee_id": COLLEAGUE_ID}]})

    employee_id: UUID = Field(description="Your colleague's employee id; they must not be a member yet.")


class ReferralOut(BaseModel):
    """A colleague you invited, and where the referral stands."""

    model_config = ConfigDict(json_schema_extra={"examples": [_REFERRAL]})

    id: UUID = Field(description="The referral's id.")
    employee_id: UUID = Field(description="The colleague's employee id.")
    given_name: str | None = Field(description="The colleague's given name.")
    family_name: str | None = Field(description="The colleague's family name.")
    status: ReferralStatus = Field(
        description="`pending` (they have not joined); `credited` (they joined: yours); `not_credited` (they "
        "joined, credited to a colleague who invited them first)."
    )
    created_at: datetime = Field(description="When you invited them.")
    closed_at: datetime | None = Field(description="When they joined, once they did.")
