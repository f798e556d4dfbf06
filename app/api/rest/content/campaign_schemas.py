"""REST bodies of campaigns."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field, StrictBool, StrictInt, field_validator

from app.api.rest.bodies import RequestBody, refuse_null
from app.api.rest.content.content_schemas import TargetingBody, TargetingOut
from app.api.rest.instants import Instant
from app.domain.content.campaigns import (
    MAX_CONVERSION_TYPES,
    MAX_DESCRIPTION,
    MAX_GOAL,
    MAX_MULTIPLIER,
    MAX_NAME,
    CampaignPhase,
)
from app.domain.content.content_fields import Objective

Goal = Annotated[StrictInt, Field(ge=1, le=MAX_GOAL)]


class GoalsBody(RequestBody):
    shares: Goal | None = None
    clicks: Goal | None = None
    conversions: Annotated[dict[Annotated[str, Field(max_length=40)], Goal], Field(max_length=MAX_CONVERSION_TYPES)] = (
        Field(default_factory=dict, description="Targets per conversion type.", examples=[{"job_application": 40}])
    )


class CampaignFieldsBody(RequestBody):
    name: Annotated[str | None, Field(min_length=1, max_length=MAX_NAME)] = None
    slug: Annotated[str | None, Field(min_length=1, max_length=63, examples=["spring-hiring"])] = Field(
        default=None, description="Unique in the organisation; the `utm_campaign` of shared links, fixed at launch."
    )
    description: Annotated[str | None, Field(max_length=MAX_DESCRIPTION)] = None
    objective: Objective | None = None
    starts_at: Instant | None = Field(default=None, description="Needed to launch.")
    ends_at: Instant | None = Field(default=None, description="Open-ended when null.")
    targeting: TargetingBody | None = None
    goals: GoalsBody | None = None
    points_multiplier: Annotated[Decimal | None, Field(ge=1, le=MAX_MULTIPLIER, decimal_places=2)] = Field(
        default=None, description="Multiplies the points its shares earn; at least 1."
    )
    is_challenge: StrictBool | None = None

    _not_null = field_validator("name", "slug", "targeting", "goals", "points_multiplier", "is_challenge")(refuse_null)


class CampaignCreate(CampaignFieldsBody):
    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
    slug: Annotated[str, Field(min_length=1, max_length=63, examples=["spring-hiring"])] = Field(
        description="Unique in the organisation; the `utm_campaign` of shared links, fixed at launch."
    )


class CampaignUpdate(CampaignFieldsBody):
    """Only the fields sent change; send null to clear description, objective, starts_at or ends_at."""


class GoalsOut(BaseModel):
    shares: int | None
    clicks: int | None
    conversions: dict[str, int]


class CampaignOut(BaseModel):
    id: UUID
    name: str
    slug: str
    description: str | None
    objective: Objective | None
    status: CampaignPhase = Field(description="Draft until launched; then read from its dates; or archived.")
    starts_at: datetime | None
    ends_at: datetime | None
    targeting: TargetingOut
    goals: GoalsOut
    points_multiplier: float
    is_challenge: bool
    launched_at: datetime | None
    created_at: datetime
    updated_at: datetime
