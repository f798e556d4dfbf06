"""REST bodies of the metrics: reports, the KPI catalogue and the top lists.

``KpiValues`` is built from the KPI definitions, one property per KPI typed by its unit, so the
contract lists every KPI with its meaning and cannot drift from the code that computes it."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, create_model

from app.api.rest import examples as ex
from app.domain.metrics.kpis import DEFINITIONS, Kpi, Unit
from app.domain.metrics.queries import Grouping

# Whole numbers for counts and money; decimals (rounded to 4 places) for the rest.
WHOLE_UNITS = frozenset({Unit.COUNT, Unit.MONEY})
UNIT_NAMES = {
    Unit.COUNT: "a whole number",
    Unit.CREDIT: "credits, a fraction of a conversion when a linear model splits one",
    Unit.RATIO: "a ratio",
    Unit.MONEY: "integer minor units of `currency`",
    Unit.PER_WEEK: "per week",
}


def _kpi_property(kpi: Kpi) -> Any:
    definition = DEFINITIONS[kpi]
    kind: Any = int if definition.unit in WHOLE_UNITS else float
    unit = UNIT_NAMES[definition.unit]
    description = f"{definition.description} Unit: {unit}. Null where the row's grouping cannot break it down."
    return (kind | None, Field(default=None, description=description))


if TYPE_CHECKING:

    class KpiValues(BaseModel):
        def __init__(self, **values: int | float | None) -> None: ...

else:
    KpiValues = create_model(
        "KpiValues",
        __doc__="The values of the KPIs asked for, by name; only those asked for are present.",
        **{kpi.value: _kpi_property(kpi) for kpi in Kpi},
    )

PERIOD_EXAMPLE: dict[str, Any] = {
    "from": "2025-03-01",
    "to": "2025-03-31",
    "time_zone": "Europe/Paris",
    "starts_at": "2025-02-28T23:00:00Z",
    "ends_at": "2025-03-31T22:00:00Z",
}
_VALUES: dict[str, Any] = {"posted_shares": 42, "clicks": 318, "engagement_rate": 0.0412, "earned_media_value": 19_770}


class MetricsPeriodOut(BaseModel):
    """The local days read, and the instants they span."""

    model_config = ConfigDict(populate_by_name=True)

    first_day: date = Field(alias="from", description="The first local day, included.")
    last_day: date = Field(alias="to", description="The last local day, included.")
    time_zone: str = Field(description="The IANA time zone the days are cut in.")
    starts_at: datetime = Field(
        description="The first instant counted: the UTC hour holding the first day's midnight (see docs/metrics.md)."
    )
    ends_at: datetime = Field(
        description="The instant after the last one counted: the UTC hour holding the midnight after the last day."
    )


class MetricRowOut(BaseModel):
    """One group's values."""

    key: str = Field(
        description="The group: an id (content, ambassador, campaign; `none` for shares outside any campaign), a "
        "name (format, topic, network, department, location, language; `none` where there is none), or a bucket's "
        "first local day (`2025-03-03`: a week by its Monday, or the period's first day for a partial bucket)."
    )
    label: str | None = Field(
        description="What people call the group, where it has a name of its own: a content's "
        "title, an ambassador's name, a campaign's name."
    )
    values: KpiValues = Field(description="The group's KPIs.")


class MetricsOut(BaseModel):
    """The KPIs over the period in total and, with `group_by`, per group."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "period": PERIOD_EXAMPLE,
                    "currency": "EUR",
                    "group_by": "network",
                    "kpis": list(_VALUES),
                    "totals": _VALUES,
                    "rows": [{"key": "linkedin", "label": None, "values": _VALUES}],
                }
            ]
        }
    )

    period: MetricsPeriodOut = Field(description="The period read.")
    currency: str = Field(description="The ISO 4217 currency of every money KPI (the programme's).")
    group_by: Grouping | None = Field(description="What the rows are grouped by; null without rows.")
    kpis: list[Kpi] = Field(description="The KPIs answered, in the order asked.")
    totals: KpiValues = Field(description="The KPIs over the whole period (a row for everyone).")
    rows: list[MetricRowOut] = Field(
        description="One per group with figures in the period (every time bucket, even without), in the order of "
        "`sort` (highest first, rows without a value last), else of their keys; at most `limit`."
    )


class KpiOut(BaseModel):
    """One KPI of the catalogue."""

    name: Kpi = Field(description="Its name, as `kpi`, `sort` and the values name it.")
    unit: Unit = Field(
        description="`count` (a whole number), `credit` (conversions: fractions when a linear model splits one), "
        "`ratio`, `money` (integer minor units of the programme's currency), `per_week`."
    )
    description: str = Field(description="How it is computed.")
    groupings: list[Grouping] = Field(
        description="The groupings whose rows carry a value of it; in any other, its rows answer null."
    )


class KpisOut(BaseModel):
    """The KPI catalogue, in a stable order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "name": "clicks",
                            "unit": "count",
                            "description": "Counted clicks made in the period.",
                            "groupings": [grouping.value for grouping in Grouping],
                        }
                    ]
                }
            ]
        }
    )

    items: list[KpiOut] = Field(description="Every KPI.")


_TOP_VALUES: dict[str, Any] = {
    "clicks": 318,
    "posted_shares": 12,
    "potential_reach": 18_400,
    "engagement": 97,
    "conversions": 3.5,
}


class TopContentOut(BaseModel):
    """A content and its figures over the period."""

    rank: int = Field(
        description="Standard competition ranking by the KPI ranked by: equal values share a rank (1, 1, 3)."
    )
    content_id: UUID = Field(description="The content.")
    title: str | None = Field(description="Its title in its own language.")
    values: KpiValues = Field(
        description="The KPI ranked by, and the shares, reach, engagement, clicks and conversions of its shares."
    )


class TopContentsOut(BaseModel):
    """The contents whose shares did best, the highest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "period": PERIOD_EXAMPLE,
                    "currency": "EUR",
                    "ranked_by": "clicks",
                    "items": [
                        {
                            "rank": 1,
                            "content_id": ex.CONTENT_ID,
                            "title": "We are hiring in Lyon",
                            "values": _TOP_VALUES,
                        }
                    ],
                }
            ]
        }
    )

    period: MetricsPeriodOut = Field(description="The period read, in the programme's time zone.")
    currency: str = Field(description="The ISO 4217 currency of every money KPI.")
    ranked_by: Kpi = Field(description="The KPI the list is ranked by.")
    items: list[TopContentOut] = Field(
        description="At most `limit` contents; those without a value of the KPI (a ratio over nothing) are left out."
    )


class TopAmbassadorOut(BaseModel):
    """An ambassador and their figures over the period."""

    rank: int = Field(
        description="Standard competition ranking by the KPI ranked by: equal values share a rank (1, 1, 3)."
    )
    ambassador_id: UUID = Field(description="The member's ambassador id.")
    name: str | None = Field(description="Their given and family names.")
    values: KpiValues = Field(
        description="The KPI ranked by, and the shares, reach, engagement, clicks and conversions of their shares."
    )


class TopAmbassadorsOut(BaseModel):
    """The ambassadors who did best, the highest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "period": PERIOD_EXAMPLE,
                    "currency": "EUR",
                    "ranked_by": "clicks",
                    "items": [
                        {"rank": 1, "ambassador_id": ex.AMBASSADOR_ID, "name": "Ada Lovelace", "values": _TOP_VALUES}
                    ],
                }
            ]
        }
    )

    period: MetricsPeriodOut = Field(description="The period read, in the programme's time zone.")
    currency: str = Field(description="The ISO 4217 currency of every money KPI.")
    ranked_by: Kpi = Field(description="The KPI the list is ranked by.")
    items: list[TopAmbassadorOut] = Field(
        description="At most `limit` members; those without a value of the KPI are left out."
    )
