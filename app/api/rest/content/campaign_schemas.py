"""REST bodies of campaigns."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, WithJsonSchema, field_validator

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, Documented, Omittable, RequestBody, refuse_null
from app.api.rest.content.content_schemas import TargetingBody, TargetingOut
from app.api.rest.instants import Instant
from app.api.rest.numbers import hundredths
from app.api.rest.texts import MULTI_LINE, SINGLE_LINE
from app.domain.content.campaigns import (
    CONVERSION_TYPE,
    MAX_CONVERSION_TYPES,
    MAX_DESCRIPTION,
    MAX_GOAL,
    MAX_MULTIPLIER,
    MAX_NAME,
    SLUG_PATTERN,
    CampaignPhase,
)
from app.domain.content.content_fields import Objective

Multiplier = Annotated[
    Decimal,
    Field(ge=1, le=MAX_MULTIPLIER, decimal_places=2),
    BeforeValidator(hundredths),
    WithJsonSchema({"type": "number", "minimum": 1, "maximum": float(MAX_MULTIPLIER), "multipleOf": 0.01}),
]
Goal = Annotated[int, Field(ge=1, le=MAX_GOAL), JSON_INTEGER]
Slug = Annotated[
    str, Field(min_length=1, max_length=63, examples=["spring-hiring"]), Documented(pattern=SLUG_PATTERN.pattern)
]
SLUG_DESCRIPTION = "Unique in the organisation; the `utm_campaign` of shared links, fixed at launch."
_GOALS: dict[str, Any] = {"shares": 200, "clicks": 3000, "conversions": {"job_application": 40}}
_CAMPAIGN_SENT: dict[str, Any] = {
    "name": "Spring hiring in Lyon",
    "slug": "spring-hiring",
    "description": "Three backend roles to fill before June.",
    "objective": "recruiting",
    "starts_at": "2025-03-17T07:00:00Z",
    "ends_at": "2025-05-31T21:59:59Z",
    "targeting": {"departments": [], "locations": ["Lyon"], "languages": []},
    "goals": _GOALS,
    "points_multiplier": 1.5,
    "is_challenge": True,
}


class GoalsBody(RequestBody):
    """Targets to reach; each is optional."""

    shares: Goal | None = Field(default=None, description="Shares posted.")
    clicks: Goal | None = Field(default=None, description="Counted clicks on their tracked links.")
    conversions: Annotated[
        dict[Annotated[str, Field(max_length=40), Documented(pattern=CONVERSION_TYPE.pattern)], Goal],
        Field(max_length=MAX_CONVERSION_TYPES),
    ] = Field(
        default_factory=dict,
        description="Targets per conversion type.",
        examples=[{"job_application": 40}],
        # Keys other than conversion types are refused, not merely unconstrained.
        json_schema_extra={"additionalProperties": False},
    )


class CampaignFieldsBody(RequestBody):
    name: Omittable[Annotated[str, Field(min_length=1, max_length=MAX_NAME), SINGLE_LINE]] = Field(
        default=None, description="Its name, as people read it."
    )
    slug: Omittable[Slug] = Field(default=None, description=SLUG_DESCRIPTION)
    description: Annotated[Annotated[str, MULTI_LINE] | None, Field(max_length=MAX_DESCRIPTION)] = Field(
        default=None, description="What it is about; null clears it."
    )
    objective: Objective | None = Field(default=None, description="What it is for; null for none.")
    starts_at: Instant | None = Field(default=None, description="Needed to launch.")
    ends_at: Instant | None = Field(default=None, description="Open-ended when null.")
    targeting: Omittable[TargetingBody] = Field(default=None, description="Who its contents are for.")
    goals: Omittable[GoalsBody] = Field(default=None, description="What it aims to reach.")
    points_multiplier: Omittable[Multiplier] = Field(
        default=None, description="Multiplies the points its shares earn; at least 1."
    )
    is_challenge: Omittable[StrictBool] = Field(default=None, description="Shown to ambassadors as a challenge.")

    _not_null = field_validator("name", "slug", "targeting", "goals", "points_multiplier", "is_challenge")(refuse_null)


class CampaignCreate(CampaignFieldsBody):
    """A campaign to start, as a draft."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CAMPAIGN_SENT]})

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME), SINGLE_LINE] = Field(
        description="Its name, as people read it."
    )
    slug: Slug = Field(description=SLUG_DESCRIPTION)


class CampaignUpdate(CampaignFieldsBody):
    """Only the fields sent change; send null to clear description, objective, starts_at or ends_at."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"ends_at": "2025-06-15T21:59:59Z"}]})


class GoalsOut(BaseModel):
    """Targets to reach."""

    shares: int | None = Field(description="Shares posted, if a target is set.")
    clicks: int | None = Field(description="Counted clicks, if a target is set.")
    conversions: dict[str, int] = Field(description="Targets per conversion type.")


class CampaignOut(BaseModel):
    """A campaign: contents grouped under an objective, a period, an audience and goals."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _CAMPAIGN_SENT
                | {
                    "id": ex.CAMPAIGN_ID,
                    "status": "active",
                    "points_multiplier": 1.5,
                    "launched_at": ex.UPDATED,
                    "created_at": ex.CREATED,
                    "updated_at": ex.UPDATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The campaign's id.")
    name: str = Field(description="Its name, as people read it.")
    slug: str = Field(description="Its short unique name: the `utm_campaign` of its shared links.")
    description: str | None = Field(description="What it is about, if said.")
    objective: Objective | None = Field(description="What it is for, if said.")
    status: CampaignPhase = Field(description="Draft until launched; then read from its dates; or archived.")
    starts_at: datetime | None = Field(description="When it starts; needed to launch.")
    ends_at: datetime | None = Field(description="When it ends; open-ended when null.")
    targeting: TargetingOut = Field(description="Who its contents are for.")
    goals: GoalsOut = Field(description="What it aims to reach.")
    points_multiplier: float = Field(description="Multiplies the points its shares earn.")
    is_challenge: bool = Field(description="Shown to ambassadors as a challenge.")
    launched_at: datetime | None = Field(description="When it was launched, if it was.")
    created_at: datetime = Field(description="When it was started.")
    updated_at: datetime = Field(description="When it last changed.")
