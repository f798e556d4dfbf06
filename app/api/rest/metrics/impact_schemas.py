"""REST bodies of an ambassador's own impact."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.metrics.schemas import PERIOD_EXAMPLE, MetricsPeriodOut
from app.domain.metrics.impact import ImpactPeriod


class ImpactCountOut(BaseModel):
    """A whole number over this period and the one before."""

    current: int = Field(description="Over the current period.")
    previous: int = Field(description="Over the whole period before it.")


class ImpactCreditOut(BaseModel):
    """Conversions credited over this period and the one before: fractions when a linear attribution
    model splits a conversion among several shares."""

    current: float = Field(description="Over the current period.")
    previous: float = Field(description="Over the whole period before it.")


class ImpactRankOut(BaseModel):
    """A rank on the programme's leaderboard of the period, in each period; null where there is no
    such board (a year)."""

    current: int | None = Field(description="In the current period.")
    previous: int | None = Field(description="In the period before it.")


_PREVIOUS: dict[str, Any] = PERIOD_EXAMPLE | {
    "from": "2025-02-01",
    "to": "2025-02-28",
    "starts_at": "2025-01-31T23:00:00Z",
    "ends_at": "2025-02-28T23:00:00Z",
}


class ImpactOut(BaseModel):
    """Your own figures over the current period, each beside the whole period before."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "period": "month",
                    "current_period": PERIOD_EXAMPLE,
                    "previous_period": _PREVIOUS,
                    "potential_reach": {"current": 4_800, "previous": 3_100},
                    "impressions": {"current": 6_200, "previous": 2_950},
                    "engagement": {"current": 214, "previous": 120},
                    "clicks": {"current": 96, "previous": 41},
                    "unique_visitors": {"current": 80, "previous": 37},
                    "leads": {"current": 2.5, "previous": 1.0},
                    "job_applications": {"current": 1.0, "previous": 0.0},
                    "hires": {"current": 0.0, "previous": 0.0},
                    "points_awarded": {"current": 340, "previous": 180},
                    "rank": {"current": 3, "previous": 7},
                    "badges_earned": {"current": 1, "previous": 0},
                    "audience_growth": {"current": 45, "previous": 12},
                }
            ]
        }
    )

    period: ImpactPeriod = Field(description="`week` (from Monday), `month`, `quarter` or `year`.")
    current_period: MetricsPeriodOut = Field(
        description="The current period, whole (its days to come included), in the programme's time zone."
    )
    previous_period: MetricsPeriodOut = Field(description="The whole period before it.")
    potential_reach: ImpactCountOut = Field(
        description="The audience of each share you posted, as it was when you confirmed it, summed."
    )
    impressions: ImpactCountOut = Field(description="Impressions of the shares you posted, as last observed.")
    engagement: ImpactCountOut = Field(description="Reactions, comments and reshares of the shares you posted.")
    clicks: ImpactCountOut = Field(description="Counted clicks on your links (never a bot's, a repeat's or yours).")
    unique_visitors: ImpactCountOut = Field(description="Visitors your links brought, each once a day and share.")
    leads: ImpactCreditOut = Field(description="Leads credited to your shares.")
    job_applications: ImpactCreditOut = Field(description="Job applications credited to your shares.")
    hires: ImpactCreditOut = Field(description="Hires credited to your shares.")
    points_awarded: ImpactCountOut = Field(description="Points awarded to you, less those reversed.")
    rank: ImpactRankOut = Field(
        description="Your rank on the programme's board of the period (week, month, quarter) among the members "
        "shown on boards, whether you appear or not: one plus those with more points."
    )
    badges_earned: ImpactCountOut = Field(description="Badges you earned.")
    audience_growth: ImpactCountOut = Field(
        description="How much the audience of your connected accounts grew: the latest size observed before the "
        "period's end less the latest before its start (an account connected in the period counts from zero)."
    )
