"""GraphQL types of conversions: the enums, the node with its credits, the input, and their mappers."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from app.api.graphql import fields as described
from app.api.graphql.attribution.enums import ConversionType, UnattributedReason
from app.api.graphql.global_ids import global_id, optional_global_id
from app.api.graphql.scalars import MinorUnits
from app.api.graphql.sharing.enums import AttributionModel
from app.domain.attribution import policy as attribution
from app.domain.attribution.conversion_records import ConversionRecord, weight_text
from app.domain.errors import FieldError, ValidationFailed
from app.services.attribution.record_conversion import RecordConversionCommand


@strawberry.type(description="A share's part of a conversion.")
class ConversionCredit:
    share_id: relay.GlobalID = strawberry.field(description="The `id` of the share credited.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of the membership that shared it.")
    content_id: relay.GlobalID = strawberry.field(description="The `id` of the content shared.")
    campaign_id: relay.GlobalID | None = strawberry.field(description="The `id` of the share's campaign, if any.")
    weight: str = strawberry.field(description="Its exact part, as `numerator/denominator`; the parts sum to 1.")


@strawberry.type(description="A conversion an integrator reported, and the shares it was credited to.")
class Conversion(relay.Node):
    id: relay.NodeID[UUID]
    type: ConversionType = strawberry.field(description="What was converted.")
    external_id: str = strawberry.field(description="The reporter's id for it; unique per type.")
    occurred_at: datetime = strawberry.field(description="When it happened.")
    value_minor: MinorUnits | None = strawberry.field(description="What it is worth, in minor units of `currency`.")
    currency: str | None = strawberry.field(description="ISO 4217 code of `valueMinor`.")
    metadata: JSON = strawberry.field(description="The reporter's own JSON object.")
    click_refs: list[str] = strawberry.field(description="The click references reported, oldest first.")
    link_code: str | None = strawberry.field(description="The tracked link code reported, if any.")
    attributed: bool = strawberry.field(description="True when at least one share was credited.")
    unattributed_reason: UnattributedReason | None = strawberry.field(
        description="Why no share was credited; null when attributed."
    )
    attribution_model: AttributionModel = strawberry.field(description="The attribution model it was judged under.")
    attribution_window_days: int = strawberry.field(description="The attribution window it was judged under, in days.")
    credits: list[ConversionCredit] = strawberry.field(description="The shares credited, and their parts.")
    recorded_at: datetime = strawberry.field(description="When it was reported.")

    @described.field("REST's id of this conversion (`/v1/conversions/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="The conversion stored; `created` is false when the report repeated a stored one.")
class RecordedConversion:
    conversion: Conversion = strawberry.field(description="The conversion as stored.")
    created: bool = strawberry.field(description="False when the same report was recorded before.")


@strawberry.input(description="Give one of `clickRef`, `clickRefs` and `linkCode`, or none (kept unattributed).")
class RecordConversionInput:
    type: ConversionType = strawberry.field(description="What was converted.")
    external_id: str = strawberry.field(description="Your id for it; with `type`, what makes a report a replay.")
    occurred_at: datetime = strawberry.field(description="With its UTC offset.")
    click_ref: str | None = strawberry.field(default=None, description="The click reference the landing page got.")
    click_refs: list[str] | None = strawberry.field(default=None, description="Every click reference, oldest first.")
    link_code: str | None = strawberry.field(default=None, description="A tracked link's code.")
    value_minor: MinorUnits | None = strawberry.field(
        default=None, description="What it is worth, in minor units of `currency` (cents)."
    )
    currency: str | None = strawberry.field(default=None, description="ISO 4217, with `valueMinor`.")
    metadata: JSON | None = strawberry.field(default=None, description="Your own JSON object, up to 8 KiB.")


def record_command(value: RecordConversionInput) -> RecordConversionCommand:
    metadata: Any = value.metadata
    if metadata is not None and not isinstance(metadata, dict):
        raise ValidationFailed("The conversion is not valid.", [FieldError(("metadata",), "Give a JSON object.")])
    return RecordConversionCommand(
        type=value.type,
        external_id=value.external_id,
        occurred_at=value.occurred_at,
        click_ref=value.click_ref,
        click_refs=value.click_refs,
        link_code=value.link_code,
        value_minor=value.value_minor,
        currency=value.currency,
        metadata=metadata,
    )


def conversion_node(record: ConversionRecord) -> Conversion:
    conversion, judged = record.conversion, record.attribution
    reason: attribution.UnattributedReason | None = judged.reason
    return Conversion(
        id=record.id,
        type=conversion.type,
        external_id=conversion.external_id,
        occurred_at=conversion.occurred_at,
        value_minor=MinorUnits(conversion.value_minor) if conversion.value_minor is not None else None,
        currency=conversion.currency,
        metadata=JSON(dict(conversion.metadata)),
        click_refs=list(conversion.click_refs),
        link_code=conversion.link_code,
        attributed=record.attributed,
        unattributed_reason=reason,
        attribution_model=judged.model,
        attribution_window_days=record.window_days,
        credits=[
            ConversionCredit(
                share_id=global_id("Share", credit.share_id),
                ambassador_id=global_id("Ambassador", credit.ambassador_id),
                content_id=global_id("Content", credit.content_id),
                campaign_id=optional_global_id("Campaign", credit.campaign_id),
                weight=weight_text(credit.weight),
            )
            for credit in record.credits
        ],
        recorded_at=record.recorded_at,
    )
