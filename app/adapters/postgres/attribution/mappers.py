"""Rows of conversions and their credits to domain objects, and back."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any
from uuid import UUID

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import Attribution, AttributionModel, Credit, ShareOrigin, UnattributedReason


def conversion_values(record: ConversionRecord) -> dict[str, Any]:
    conversion, attribution = record.conversion, record.attribution
    return {
        "tenant_id": record.tenant_id,
        "id": record.id,
        "type": conversion.type.value,
        "external_id": conversion.external_id,
        "fingerprint": record.fingerprint,
        "occurred_at": conversion.occurred_at,
        "value_minor": conversion.value_minor,
        "currency": conversion.currency,
        "metadata": dict(conversion.metadata),
        "click_refs": list(conversion.click_refs),
        "link_code": conversion.link_code,
        "attributed": attribution.attributed,
        "unattributed_reason": attribution.reason.value if attribution.reason else None,
        "model": attribution.model.value,
        "window_days": record.window_days,
        "recorded_at": record.recorded_at,
    }


def credit_values(credit: Credit) -> dict[str, Any]:
    return {
        "share_id": credit.share_id,
        "ambassador_id": credit.ambassador_id,
        "content_id": credit.content_id,
        "campaign_id": credit.campaign_id,
        "weight_numerator": credit.weight.numerator,
        "weight_denominator": credit.weight.denominator,
    }


def credit_from_document(item: Mapping[str, Any]) -> Credit:
    """A credit as the read's ``json_agg`` spells it: ids as text."""
    campaign = item["campaign_id"]
    return Credit(
        share=ShareOrigin(
            share_id=UUID(item["share_id"]),
            ambassador_id=UUID(item["ambassador_id"]),
            content_id=UUID(item["content_id"]),
            campaign_id=UUID(campaign) if campaign else None,
        ),
        weight=Fraction(item["weight_numerator"], item["weight_denominator"]),
    )


def conversion_from_row(row: Any) -> ConversionRecord:
    model = AttributionModel(row.model)
    earned = tuple(credit_from_document(item) for item in row.credits)
    reason = UnattributedReason(row.unattributed_reason) if row.unattributed_reason else None
    return ConversionRecord(
        id=row.id,
        tenant_id=row.tenant_id,
        conversion=Conversion(
            type=ConversionType(row.type),
            external_id=row.external_id,
            occurred_at=row.occurred_at,
            click_refs=tuple(row.click_refs),
            link_code=row.link_code,
            value_minor=row.value_minor,
            currency=row.currency,
            metadata=row.metadata,
        ),
        fingerprint=row.fingerprint,
        attribution=Attribution(model=model, credits=earned, reason=reason),
        window_days=row.window_days,
        recorded_at=row.recorded_at,
    )
