"""What a valid read's query keeps beyond what its schema states: a board names its campaign exactly
when it is a campaign's, and an export's period is a known time zone's days, in order, within the
longest period a metrics read covers."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.metrics.queries import MAX_PERIOD_DAYS
from app.domain.rewards.periods import known_zones

BOARDS = ("/v1/leaderboards", "/v1/exports/leaderboard.csv")
PERIODS = ("/v1/exports/metrics.csv", "/v1/exports/shares.csv", "/v1/exports/conversions.csv", "/v1/exports/points.csv")


def keep_reads_valid(path: str, query: dict[str, Any], campaign_id: str) -> None:
    if path in BOARDS:
        if "campaign" in (query.get("scope"), query.get("period")):
            query.setdefault("campaign_id", campaign_id)
        else:
            query.pop("campaign_id", None)
    if path in PERIODS:
        if isinstance(query.get("tz"), str) and query["tz"] not in known_zones():
            del query["tz"]
        first, last = _day(query.get("from")), _day(query.get("to"))
        # A period given one end runs from or to today: it is given the other end instead, the same day.
        if first is not None and (last is None or not 0 <= (last - first).days < MAX_PERIOD_DAYS):
            query["to"] = first.isoformat()
        elif first is None and last is not None:
            query["from"] = last.isoformat()


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
