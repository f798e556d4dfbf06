"""Invitation waves read as cohorts among the metrics: each wave's funnel (computed as the wave
resource computes it) with the conversion from each stage to the next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID

from app.domain.community.recruiting import Funnel
from app.domain.metrics.kpis import DECIMAL_PLACES


@dataclass(frozen=True, slots=True, kw_only=True)
class Conversions:
    """Each stage over the one before, None when the one before is empty. The last stage counts only
    the members already measurable: those who joined at least 30 days ago."""

    joined: float | None
    first_share: float | None
    active_after_30_days: float | None


def _ratio(numerator: int, denominator: int) -> float | None:
    if denominator == 0:
        return None
    exact = Decimal(numerator) / Decimal(denominator)
    return float(exact.quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=ROUND_HALF_EVEN))


def conversions_of(funnel: Funnel) -> Conversions:
    return Conversions(
        joined=_ratio(funnel.joined, funnel.invited),
        first_share=_ratio(funnel.first_share, funnel.joined),
        active_after_30_days=_ratio(funnel.active_after_30_days, funnel.joined - funnel.not_yet_measurable),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Cohort:
    """One wave as a cohort: when it was launched, its funnel as of now and its conversions."""

    wave_id: UUID
    name: str
    launched_at: datetime
    funnel: Funnel
    conversions: Conversions

    @property
    def id(self) -> UUID:
        return self.wave_id
