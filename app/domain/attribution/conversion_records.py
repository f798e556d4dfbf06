"""A conversion as Relais keeps it: the report, its fingerprint and the attribution decided when it arrived.

The attribution is decided once, under the tenant's policy of that moment (its model and window
are stored with it), so changing the settings later never rewrites what was credited.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any
from uuid import UUID

from app.domain.attribution.conversions import Conversion
from app.domain.attribution.policy import Attribution, AttributionPolicy, Credit, Touches
from app.domain.events import DomainEvent, EventSource, EventType


def weight_text(weight: Fraction) -> str:
    """A weight as an exact ``"n/d"``, whole ones included (``"1/1"``), so readers parse one shape."""
    return f"{weight.numerator}/{weight.denominator}"


def credit_data(credit: Credit) -> dict[str, Any]:
    return {
        "share_id": str(credit.share_id),
        "ambassador_id": str(credit.ambassador_id),
        "content_id": str(credit.content_id),
        "campaign_id": str(credit.campaign_id) if credit.campaign_id else None,
        "weight": weight_text(credit.weight),
    }


def _as_kept(attribution: Attribution) -> Attribution:
    """The attribution as it is stored: credits in share order (share ids are time-ordered), without
    the clicks behind each one (the conversion keeps its click references)."""
    kept = sorted((replace(credit, click_ids=()) for credit in attribution.credits), key=lambda c: c.share_id)
    return replace(attribution, credits=tuple(kept))


@dataclass(slots=True, kw_only=True)
class ConversionRecord(EventSource):
    """A stored conversion. ``window_days`` is the attribution window it was judged under."""

    id: UUID
    tenant_id: UUID
    conversion: Conversion
    fingerprint: str
    attribution: Attribution
    window_days: int
    recorded_at: datetime
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        conversion: Conversion,
        policy: AttributionPolicy,
        touches: Touches,
        now: datetime,
    ) -> ConversionRecord:
        """Attribute ``conversion`` under ``policy``; ``conversion.recorded`` always, and
        ``conversion.attributed`` when some share earns credit."""
        attribution = policy.attribute(conversion, touches)
        record = cls(
            id=id,
            tenant_id=tenant_id,
            # Kept in UTC, as it reads back; the fingerprint does not depend on the offset.
            conversion=replace(conversion, occurred_at=conversion.occurred_at.astimezone(UTC)),
            fingerprint=conversion.fingerprint,
            attribution=_as_kept(attribution),
            window_days=policy.window.length.days,
            recorded_at=now,
        )
        record._emit(EventType.CONVERSION_RECORDED, now, record._event_data())
        if record.attributed:
            data = record._event_data() | {"credits": [credit_data(credit) for credit in record.credits]}
            record._emit(EventType.CONVERSION_ATTRIBUTED, now, data)
        return record

    @property
    def attributed(self) -> bool:
        return self.attribution.attributed

    @property
    def credits(self) -> tuple[Credit, ...]:
        return self.attribution.credits

    def credited_to(self, *, ambassador_id: UUID | None = None, campaign_id: UUID | None = None) -> bool:
        """True when a credit names this ambassador and this campaign (each, when given)."""
        return any(
            (ambassador_id is None or credit.ambassador_id == ambassador_id)
            and (campaign_id is None or credit.campaign_id == campaign_id)
            for credit in self.credits
        )

    def _event_data(self) -> dict[str, Any]:
        conversion = self.conversion
        return {
            "conversion_id": str(self.id),
            "type": conversion.type.value,
            "external_id": conversion.external_id,
            "occurred_at": conversion.occurred_at.isoformat(),
            "value_minor": conversion.value_minor,
            "currency": conversion.currency,
            "attributed": self.attributed,
            "model": self.attribution.model.value,
            "reason": self.attribution.reason.value if self.attribution.reason else None,
        }

    def _emit(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        self.record(DomainEvent(type=type_, tenant_id=self.tenant_id, occurred_at=now, data=data))
