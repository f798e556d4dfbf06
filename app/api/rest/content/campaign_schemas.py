"""REST bodies of campaigns."""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, Field, StrictBool, WithJsonSchema, field_validator

from app.api.rest.bodies import JSON_INTEGER, RequestBody, refuse_null
from app.api.rest.content.content_schemas import TargetingBody, TargetingOut
from app.api.rest.instants import Instant
from app.api.rest.texts import CONVERSION_TYPE, MULTI_LINE, SINGLE_LINE, SLUG
from app.domain.content.campaigns import (
    MAX_CONVERSION_TYPES,
    MAX_DESCRIPTION,
    MAX_GOAL,
    MAX_MULTIPLIER,
    MAX_NAME,
    CampaignPhase,
)
from app.domain.content.content_fields import Objective


def _hundredths(value: object) -> object:
    """A JSON number, read to the hundredth: 1.13 often arrives as 1.1300000000000001 from a binary double."""
    if isinstance(value, bool | str):
        raise ValueError("Give a number, such as 1.5.")
    if (
        isinstance(value, float)
        and math.isfinite(value)
        and abs(value) < 1e9
        and abs(value * 100 - round(value * 100)) < 1e-6
    ):
        return Decimal(round(value * 100)) / 100
    return value


Multiplier = Annotated[
    Decimal,
    Field(ge=1, le=MAX_MULTIPLIER, decimal_places=2),
    BeforeValidator(_hundredths),
    WithJsonSchema({"type": "number", "minimum": 1, "maximum": float(MAX_MULTIPLIER), "multipleOf": 0.01}),
]
Goal = Annotated[int, Field(ge=1, le=MAX_GOAL), JSON_INTEGER]
ConversionType = Annotated[str, Field(max_length=40), CONVERSION_TYPE]
Slug = Annotated[str, Field(min_length=1, max_length=63, examples=["spring-hiring"]), SLUG]


class GoalsBody(RequestBody):
    shares: Goal | None = None
    clicks: Goal | None = None
    conversions: Annotated[
        dict[Annotated[str, Field(max_length=40), CONVERSION_TYPE], Goal], Field(max_length=MAX_CONVERSION_TYPES)
    ] = Field(
        default_factory=dict,
        description="Targets per conversion type.",
        examples=[{"job_application": 40}],
        # Keys other than conversion types are refused, not merely unconstrained.
        json_schema_extra={"additionalProperties": False},
    )


class CampaignFieldsBody(RequestBody):
    name: Annotated[Annotated[str, SINGLE_LINE] | None, Field(min_length=1, max_length=MAX_NAME)] = None
    slug: Annotated[Annotated[str, SLUG] | None, Field(min_length=1, max_length=63, examples=["spring-hiring"])] = (
        Field(
            default=None, description="Unique in the organisation; the `utm_campaign` of shared links, fixed at launch."
        )
    )
    description: Annotated[Annotated[str, MULTI_LINE] | None, Field(max_length=MAX_DESCRIPTION)] = None
    objective: Objective | None = None
    starts_at: Instant | None = Field(default=None, description="Needed to launch.")
    ends_at: Instant | None = Field(default=None, description="Open-ended when null.")
    targeting: TargetingBody | None = None
    goals: GoalsBody | None = None
    points_multiplier: Multiplier | None = Field(
        default=None, description="Multiplies the points its shares earn; at least 1."
    )
    is_challenge: StrictBool | None = None

    _not_null = field_validator("name", "slug", "targeting", "goals", "points_multiplier", "is_challenge")(refuse_null)


class CampaignCreate(CampaignFieldsBody):
    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME), SINGLE_LINE]
    slug: Slug = Field(description="Unique in the organisation; the `utm_campaign` of shared links, fixed at launch.")


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
