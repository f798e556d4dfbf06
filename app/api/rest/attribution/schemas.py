"""REST bodies of conversions: what integrators report and what staff read back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, Documented, RequestBody
from app.api.rest.instants import Instant
from app.api.rest.texts import REFERENCE, SINGLE_LINE
from app.domain.attribution.conversions import (
    MAX_CLICK_REFS,
    MAX_EXTERNAL_ID_LENGTH,
    MAX_REFERENCE_LENGTH,
    MAX_VALUE_MINOR,
    ConversionType,
)
from app.domain.attribution.policy import AttributionModel, UnattributedReason

Reference = Annotated[str, Field(min_length=1, max_length=MAX_REFERENCE_LENGTH), REFERENCE]
_CREDIT: dict[str, Any] = {
    "share_id": ex.SHARE_ID,
    "ambassador_id": ex.AMBASSADOR_ID,
    "content_id": ex.CONTENT_ID,
    "campaign_id": ex.CAMPAIGN_ID,
    "weight": "1/1",
}


class ConversionCreate(RequestBody):
    """Send one of `click_ref`, `click_refs` and `link_code`, or none (the conversion is then kept
    unattributed, reason `no_reference`)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "job_application",
                    "external_id": "ats-application-5521",
                    "occurred_at": ex.CONVERTED,
                    "click_ref": ex.CLICK_REF,
                    "metadata": {"position": "Backend engineer"},
                }
            ]
        }
    )

    type: ConversionType = Field(description="What the conversion is.")
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
    currency: Annotated[
        str | None, Field(min_length=3, max_length=3, examples=["EUR"]), Documented(pattern="^[A-Za-z]{3}$")
    ] = Field(default=None, description="ISO 4217 (any case), with `value_minor`.")
    metadata: dict[str, Any] | None = Field(default=None, description="Your own JSON object, up to 8 KiB.")


class ConversionCreditOut(BaseModel):
    """A share credited with (part of) a conversion."""

    share_id: UUID = Field(description="The share credited.")
    ambassador_id: UUID = Field(description="Its ambassador.")
    content_id: UUID = Field(description="The content shared.")
    campaign_id: UUID | None = Field(description="The campaign the share was made in, if any.")
    weight: str = Field(description="Its exact part of the conversion, as `numerator/denominator`.", examples=["1/2"])


class ConversionOut(BaseModel):
    """A conversion as recorded, with the shares credited with it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": ex.CONVERSION_ID,
                    "type": "job_application",
                    "external_id": "ats-application-5521",
                    "occurred_at": ex.CONVERTED,
                    "value_minor": None,
                    "currency": None,
                    "metadata": {"position": "Backend engineer"},
                    "click_refs": [ex.CLICK_REF],
                    "link_code": None,
                    "attributed": True,
                    "unattributed_reason": None,
                    "attribution_model": "last_touch",
                    "attribution_window_days": 30,
                    "credits": [_CREDIT],
                    "recorded_at": ex.CONVERTED,
                }
            ]
        }
    )

    id: UUID = Field(description="The conversion's id.")
    type: ConversionType = Field(description="What the conversion is.")
    external_id: str = Field(description="Your id for it; with `type`, what makes a repeated report a replay.")
    occurred_at: datetime = Field(description="When it happened.")
    value_minor: int | None = Field(description="Its value in minor units, if reported.")
    currency: str | None = Field(description="The currency of `value_minor` (ISO 4217), if reported.")
    metadata: dict[str, Any] = Field(description="Your own JSON object, as sent (empty when none was).")
    click_refs: list[str] = Field(description="The click references reported, in order, without repeats.")
    link_code: str | None = Field(description="The tracked link code reported, if any.")
    attributed: bool = Field(description="Whether a share was credited with it.")
    unattributed_reason: UnattributedReason | None = Field(
        description="Why no share was credited: no_reference, unknown_reference, bot_or_self_click, "
        "after_conversion or outside_window."
    )
    attribution_model: AttributionModel = Field(description="The attribution model it was judged under.")
    attribution_window_days: int = Field(description="The attribution window it was judged under, in days.")
    credits: list[ConversionCreditOut] = Field(description="The shares credited; their weights sum to 1.")
    recorded_at: datetime = Field(description="When Relais recorded it.")
