"""Instants and days as the contract writes them: RFC 3339 text, never a count of seconds.

Pydantic would also take a number (or numeric text, as every query value is) as Unix time: a client
sending ``active_at=0.5`` would silently be answered about 1970 instead of being told what to send.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AwareDatetime, BeforeValidator

from app.domain.messages import Message

_STARTS_WITH_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _rfc3339_text(value: object) -> object:
    if isinstance(value, str) and _STARTS_WITH_A_DATE.match(value):
        return value
    raise ValueError(Message("Give an RFC 3339 date-time with its offset, such as 2025-03-01T09:00:00Z."))


Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text)]


def _rfc3339_day(value: object) -> object:
    if isinstance(value, str) and _STARTS_WITH_A_DATE.fullmatch(value):
        return value
    raise ValueError(Message("Give an RFC 3339 date, such as 2025-03-01."))


Day = Annotated[date, BeforeValidator(_rfc3339_day)]
