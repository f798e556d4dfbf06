"""REST bodies of associations, donations and kudos."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.rest.bodies import JSON_INTEGER, Documented, Omittable, RequestBody, refuse_null
from app.api.rest.rewards.catalogue_schemas import ASSOCIATION_ID
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.rewards.catalogue import MAX_COST
from app.domain.rewards.donations import (
    HTTPS_ADDRESS,
    MAX_ASSOCIATION_DESCRIPTION,
    MAX_ASSOCIATION_NAME,
    MAX_WEBSITE,
    AssociationStatus,
)
from app.domain.rewards.kudos import MAX_MESSAGE

_AMBASSADOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
_CREATED = "2025-03-03T09:12:44.180000Z"
Name = Annotated[str, Field(min_length=1, max_length=MAX_ASSOCIATION_NAME), SINGLE_LINE_NOT_BLANK]
Website = Annotated[str, Field(max_length=MAX_WEBSITE), Documented(pattern=f"^{HTTPS_ADDRESS.pattern}$")]
_ASSOCIATION_SENT: dict[str, Any] = {
    "name": "Restos du Cœur",
    "description": "Meals for people in need, in Lyon and everywhere in France.",
    "website": "https://www.restosducoeur.org",
}


_TOTAL: dict[str, Any] = {"association_id": ASSOCIATION_ID, "points": 4200, "donations": 17, "donors": 9}


class AssociationFieldsBody(RequestBody):
    name: Omittable[Name] = Field(default=None, description="Its name.")
    description: (
        Annotated[str, Field(min_length=1, max_length=MAX_ASSOCIATION_DESCRIPTION), MULTI_LINE_NOT_BLANK] | None
    ) = Field(default=None, description="What it does; null clears it.")
    website: Website | None = Field(default=None, description="Its https:// website; null clears it.")

    _not_null = field_validator("name")(refuse_null)


class AssociationCreate(AssociationFieldsBody):
    """An association ambassadors may give points to."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ASSOCIATION_SENT]})

    name: Name = Field(description="Its name.")


class AssociationUpdate(AssociationFieldsBody):
    """Only the fields sent change."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"website": "https://www.restosducoeur.org/lyon"}]})


class AssociationOut(BaseModel):
    """An association the programme lists."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ASSOCIATION_SENT
                | {"id": ASSOCIATION_ID, "status": "active", "created_at": _CREATED, "updated_at": _CREATED}
            ]
        }
    )

    id: UUID = Field(description="The association's id.")
    name: str = Field(description="Its name.")
    description: str | None = Field(description="What it does, if said.")
    website: str | None = Field(description="Its website, if given.")
    status: AssociationStatus = Field(description="Active, or archived (it receives no more donations).")
    created_at: datetime = Field(description="When it was listed.")
    updated_at: datetime = Field(description="When it last changed.")


class DonationCreate(RequestBody):
    """Points to give to an association; they leave your balance now."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"association_id": ASSOCIATION_ID, "points": 200}]})

    association_id: UUID = Field(description="The association's id.")
    points: Annotated[int, Field(ge=1, le=MAX_COST), JSON_INTEGER] = Field(description="How many points to give.")


class DonationOut(BaseModel):
    """Points an ambassador gave to an association."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0196a3fa-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                    "association_id": ASSOCIATION_ID,
                    "ambassador_id": _AMBASSADOR_ID,
                    "points": 200,
                    "entry_id": "0196a3fa-4d5e-7f6a-9b7c-8d9e0f1a2b3c",
                    "created_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The donation's id.")
    association_id: UUID = Field(description="The association it went to.")
    ambassador_id: UUID = Field(description="The ambassador who gave.")
    points: int = Field(description="The points given.")
    entry_id: UUID = Field(description="The ledger entry (kind `donation`) that took them from the balance.")
    created_at: datetime = Field(description="When it was given.")


class DonationTotalOut(BaseModel):
    """What the programme's ambassadors gave one association."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"association_id": ASSOCIATION_ID, "points": 4200, "donations": 17, "donors": 9}]
        }
    )

    association_id: UUID = Field(description="The association's id.")
    points: int = Field(description="The points given to it, in all.")
    donations: int = Field(description="How many donations.")
    donors: int = Field(description="How many ambassadors gave.")


class DonationTotals(BaseModel):
    """What each association received (those that received nothing are left out)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_TOTAL]}]})

    items: list[DonationTotalOut] = Field(description="One total per association that received points.")


class KudosCreate(RequestBody):
    """Public recognition for an ambassador."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"message": "Your post on the Lyon offer brought us two great candidates!"}]}
    )

    message: Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE), MULTI_LINE_NOT_BLANK] = Field(
        description="What you recognise them for."
    )


class KudosOut(BaseModel):
    """Public recognition staff sent an ambassador."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0196a3fb-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                    "ambassador_id": _AMBASSADOR_ID,
                    "message": "Your post on the Lyon offer brought us two great candidates!",
                    "sent_by": "manager-7",
                    "sent_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The kudos' id.")
    ambassador_id: UUID = Field(description="Who is recognised.")
    message: str = Field(description="What for.")
    sent_by: str = Field(description="Who sent it (their token's subject).")
    sent_at: datetime = Field(description="When.")
