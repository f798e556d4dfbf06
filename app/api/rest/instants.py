"""Instants and days as the contract writes them: RFC 3339 text, never a count of seconds, in the years
Relais keeps.

Pydantic would also take a number (or numeric text, as every query value is) as Unix time: a client
sending ``active_at=0.5`` would silently be answered about 1970 instead of being told what to send. The
years are those of ``app.domain.values``: an instant at the edge of what Python holds overflows when
converted to UTC, and the first and last ones are stored as PostgreSQL's infinities.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator

from app.api.rest.texts import pattern
from app.domain.messages import Message
from app.domain.values import FIRST_YEAR, LAST_YEAR, in_kept_years

_STARTS_WITH_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The kept years as the text starts, for clients and test generators; the format says the rest. Only
# documented: the validators below decide, in UTC, so the first and last hours of the range depend on
# the offset written.
KEPT_YEAR = pattern(r"^(?:19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-")


def _rfc3339_text(value: object) -> object:
    if isinstance(value, str) and _STARTS_WITH_A_DATE.match(value):
        return value
    raise ValueError(Message("Give an RFC 3339 date-time with its offset, such as 2025-03-01T09:00:00Z."))


def _kept_instant(value: datetime) -> datetime:
    if in_kept_years(value):
        return value
    raise ValueError(
        Message(
            "Give a date-time in the years {first} to {last} (UTC), such as 2025-03-01T09:00:00Z.",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    )


Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text), AfterValidator(_kept_instant), KEPT_YEAR]


def _rfc3339_day(value: object) -> object:
    if isinstance(value, str) and _STARTS_WITH_A_DATE.fullmatch(value):
        return value
    raise ValueError(Message("Give an RFC 3339 date, such as 2025-03-01."))


def _kept_day(value: date) -> date:
    if in_kept_years(value):
        return value
    raise ValueError(
        Message("Give a date in the years {first} to {last}, such as 2025-03-01.", first=FIRST_YEAR, last=LAST_YEAR)
    )


Day = Annotated[date, BeforeValidator(_rfc3339_day), AfterValidator(_kept_day), KEPT_YEAR]
