"""The weekly digest: when it leaves (a weekday and a local time of the programme's choosing) and which
week a moment belongs to. One digest per member and week, whatever the number of workers."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_DIGEST_WEEKDAY = 1  # ISO: Monday
DEFAULT_DIGEST_TIME = "09:00"
DIGEST_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
# The most contents a digest suggests when a member set no weekly share limit.
MAX_SUGGESTED = 10


def digest_due_at(instant: datetime, weekday: int, local: str, time_zone: str) -> tuple[date, datetime]:
    """The week (its Monday, local) holding ``instant`` and the moment that week's digest leaves."""
    zone = ZoneInfo(time_zone)
    today = instant.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    hours, minutes = (int(part) for part in local.split(":"))
    day = monday + timedelta(days=weekday - 1)
    return monday, datetime.combine(day, time(hours, minutes), tzinfo=zone)
