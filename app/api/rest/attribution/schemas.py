"""REST bodies of conversions: what integrators report and what staff read back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, Field

from app.api.rest.bodies import JSON_INTEGER, RequestBody
from app.api.rest.instants import Instant
from app.api.rest.texts import CURRENCY, REFERENCE, SINGLE_LINE
from app.domain.attribution.conversions import (
    MAX_CLICK_REFS,
    MAX_EXTERNAL_ID_LENGTH,
    MAX_REFERENCE_LENGTH,
    MAX_VALUE_MINOR,
    ConversionType,
)
from app.domain.attribution.policy import AttributionModel, UnattributedReason

Reference = Annotated[str, Field(min_length=1, max_length=MAX_REFERENCE_LENGTH), REFERENCE]


class ConversionCreate(RequestBody):
    """Send one of `click_ref`, `click_refs` and `link_code`, or none (the conversion is then kept
    unattributed, reason `no_reference`)."""

    type: ConversionType
    external_id: Annotated[str, Field(min_length=1, max_length=MAX_EXTERNAL_ID_LENGTH), SINGLE_LINE] = Field(
        description="Your id for it (CRM lead, ATS application...); with `type`, the key that makes a "
        "repeated report a replay.",
        examples=["crm-lead-8812"],
    )
    occurred_at: Instant = Field(description="When it happened, with its UTC offset.")
    click_ref: Reference | None = Field(
        default=None,
        description="The click reference the landing page received (the `rl_click` parameter by default).",
        examples=["0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f"],
    )
    click_refs: Annotated[list[Reference] | None, Field(min_length=1, max_length=MAX_CLICK_REFS)] = Field(
        default=None, description="Every click reference the visitor brought, oldest first (for `linear`)."
    )
    link_code: Reference | None = Field(
        default=None, description="The code of a tracked link (`/r/{code}`) when no click reference was kept."
    )
    value_minor: Annotated[int, Field(ge=0, le=MAX_VALUE_MINOR), JSON_INTEGER] | None = Field(
        default=None, description="Its value in minor units (cents); with `currency`."
    )
    currency: Annotated[Annotated[str, CURRENCY] | None, Field(min_length=3, max_length=3, examples=["EUR"])] = Field(
        default=None, description="ISO 4217, with `value_minor`."
    )
    metadata: dict[str, Any] | None = Field(default=None, description="Your own JSON object, up to 8 KiB.")


class ConversionCreditOut(BaseModel):
    share_id: UUID
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None
    weight: str = Field(description="Its exact part of the conversion, as `numerator/denominator`.", examples=["1/2"])


class ConversionOut(BaseModel):
    id: UUID
    type: ConversionType
    external_id: str
    occurred_at: datetime
    value_minor: int | None
    currency: str | None
    metadata: dict[str, Any]
    click_refs: list[str] = Field(description="The click references reported, in order, without repeats.")
    link_code: str | None
    attributed: bool
    unattributed_reason: UnattributedReason | None = Field(
        description="Why no share was credited: no_reference, unknown_reference, bot_or_self_click, "
        "after_conversion or outside_window."
    )
    model: AttributionModel = Field(description="The attribution model it was judged under.")
    window_days: int = Field(description="The attribution window it was judged under.")
    credits: list[ConversionCreditOut] = Field(description="The shares credited; their weights sum to 1.")
    recorded_at: datetime
