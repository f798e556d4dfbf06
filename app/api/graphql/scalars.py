"""Custom scalars, handed to the schema through its configuration's scalar map.

Strawberry's own date, time and UUID scalars answer a bad value with the parser's message (``badly
formed hexadecimal UUID string``, ``Expected 4 digits``); these say what to send instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import NewType
from uuid import UUID

import strawberry
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition

from app.domain.attribution.conversions import MAX_VALUE_MINOR
from app.domain.values import FIRST_YEAR, LAST_YEAR, in_kept_years

MinorUnits = NewType("MinorUnits", int)


def _whole_amount(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("A whole number of minor units is expected.")
    return value


def _parsed_by(parse: Callable[[str], object], expected: str) -> Callable[[object], object]:
    """Runs ``parse`` on a string; anything it refuses gets one message saying what is ``expected``."""

    def parse_value(value: object) -> object:
        if isinstance(value, str):
            try:
                return parse(value)
            except (ValueError, OverflowError):
                pass
        raise StrawberryInputCoercionError(f"{json.dumps(value, default=str)} is not {expected}.")

    return parse_value


def _in_kept_years(parse: Callable[[str], date], expected: str) -> Callable[[str], date]:
    """``parse``, then the years Relais keeps: an instant at the edge of what Python holds would
    overflow when converted to UTC, or be stored as one of PostgreSQL's infinities."""

    def parse_kept(value: str) -> date:
        parsed = parse(value)
        if in_kept_years(parsed):
            return parsed
        raise StrawberryInputCoercionError(
            f"{json.dumps(value)} is outside the years {FIRST_YEAR} to {LAST_YEAR} that Relais keeps: give {expected}."
        )

    return parse_kept


def _isoformat(value: date) -> str:
    return value.isoformat()


SCALARS: dict[object, ScalarDefinition] = {
    MinorUnits: strawberry.scalar(
        name="MinorUnits",
        description=f"A whole amount in minor units (cents), 0 to {MAX_VALUE_MINOR}: a JSON number, "
        "beyond the 32 bits of `Int`.",
        serialize=int,
        parse_value=_whole_amount,
    ),
    UUID: strawberry.scalar(
        name="UUID",
        description="A UUID in its canonical text form (`0190a6f0-4c4e-7d2a-9b1e-5f3c2d1a0b9c`): REST's ids.",
        serialize=str,
        parse_value=_parsed_by(UUID, "a UUID such as 0190a6f0-4c4e-7d2a-9b1e-5f3c2d1a0b9c"),
    ),
    datetime: strawberry.scalar(
        name="DateTime",
        description="An instant in ISO 8601 (RFC 3339), with its UTC offset: `2030-01-31T09:00:00Z`, in the "
        f"years {FIRST_YEAR} to {LAST_YEAR} (UTC).",
        serialize=_isoformat,
        parse_value=_parsed_by(
            _in_kept_years(datetime.fromisoformat, "an instant in them, in UTC"),
            "an ISO 8601 date and time, such as 2030-01-31T09:00:00Z",
        ),
    ),
    date: strawberry.scalar(
        name="Date",
        description=f"A calendar date in ISO 8601: `2030-01-31`, in the years {FIRST_YEAR} to {LAST_YEAR}.",
        serialize=_isoformat,
        parse_value=_parsed_by(
            _in_kept_years(date.fromisoformat, "a date in them"), "an ISO 8601 date, such as 2030-01-31"
        ),
    ),
}
