"""One employee as a roster source describes them: an HRIS webhook's ``data``, a roster file's row,
a SCIM user once mapped. Every source goes through ``read_record``, so a field means the same thing,
and is refused for the same reason, whichever way it arrives.

A record is partial: it changes the fields it gives and leaves the others. Sources that send text
only (a CSV cell) give an empty string for "no value"; JSON sources may give null. Both clear an
optional field; the names and the address may not be cleared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message, message_of
from app.domain.values import has_control_characters, in_kept_years, is_blank, normalise_email, normalise_language

# The fields a roster source may send, in the order files and documentation list them.
ROSTER_FIELDS = (
    "external_id",
    "email",
    "given_name",
    "family_name",
    "department",
    "location",
    "manager_external_id",
    "language",
    "hired_on",
    "terminated_on",
)
REQUIRED_VALUES = frozenset({"external_id", "email", "given_name", "family_name"})
DATE_FIELDS = frozenset({"hired_on", "terminated_on"})
# Longer than any real value, short enough that a runaway cell is refused rather than stored.
MAX_LENGTH = 320

Value = str | date | None


@dataclass(frozen=True, slots=True)
class RosterRecord:
    """``values`` holds the fields given, normalised (a date for the dates, None for a cleared field)."""

    external_id: str
    values: Mapping[str, Value]

    def get(self, name: str) -> Value:
        return self.values.get(name)

    def gives(self, name: str) -> bool:
        return name in self.values

    def owned(self, fields: frozenset[str]) -> RosterRecord:
        """The record narrowed to the fields a source owns; its key always stays."""
        kept = {name: value for name, value in self.values.items() if name in fields or name == "external_id"}
        return RosterRecord(self.external_id, MappingProxyType(kept))


def read_record(data: Mapping[str, object]) -> RosterRecord:
    """The record in ``data``, normalised; or ``ValidationFailed`` naming every bad field."""
    errors: list[FieldError] = []
    values: dict[str, Value] = {}
    for name, raw in data.items():
        if name not in ROSTER_FIELDS:
            errors.append(FieldError((name,), Message("Not a roster field; the fields are: {fields}.", fields=FIELDS)))
            continue
        try:
            values[name] = _value(name, raw)
        except ValueError as error:
            errors.append(FieldError((name,), message_of(error)))
    if "external_id" not in data:
        errors.append(FieldError(("external_id",), "Required: the employee's id in the source system."))
    if errors:
        raise ValidationFailed("The roster record is not valid.", errors)
    return RosterRecord(str(values["external_id"]), MappingProxyType(values))


FIELDS = ", ".join(ROSTER_FIELDS)
# Fields kept as written once checked; the others are normalised (an address, a language) or parsed.
PLAIN_FIELDS = frozenset(ROSTER_FIELDS) - DATE_FIELDS - {"email", "language"}


def _plain(raw: str) -> bool:
    """Printable ASCII with no space at either end, within the length: nothing to refuse nor to trim
    (the checks below would pass it unchanged). Most cells of a file are, and cost one test each."""
    return 0 < len(raw) <= MAX_LENGTH and raw.isascii() and raw.isprintable() and raw[0] != " " and raw[-1] != " "


def read_plain_cells(cells: Mapping[str, str]) -> dict[str, Value] | None:
    """The values of a file row whose cells are all plain (printable ASCII, no space at either end, none
    longer than ``MAX_LENGTH``; the reader says which rows are) and name roster fields only, as
    ``read_record`` gives them; None when one of them needs ``read_record``, to be refused or read.

    Such cells need no trimming and hold nothing to refuse for its characters, so only empty cells, the
    address, the language and the dates are looked at: most rows of a file cost a handful of tests."""
    values: dict[str, Value] = dict(cells)
    if "" in cells.values():
        for name in [name for name, raw in cells.items() if not raw]:
            if name in REQUIRED_VALUES:
                return None
            values[name] = None
    try:
        if email := cells.get("email"):
            values["email"] = normalise_email(email)
        if language := cells.get("language"):
            values["language"] = normalise_language(language)
        if hired_on := cells.get("hired_on"):
            values["hired_on"] = _plain_date(hired_on)
        if terminated_on := cells.get("terminated_on"):
            values["terminated_on"] = _plain_date(terminated_on)
    except ValueError:
        return None
    return values


def _value(name: str, raw: object) -> Value:
    if isinstance(raw, str) and name in PLAIN_FIELDS and _plain(raw):
        return raw  # the common cell, already as it would be normalised
    if raw is None or raw == "":
        if name in REQUIRED_VALUES:
            raise ValueError("Must not be empty.")
        return None
    if name in DATE_FIELDS:
        return _date(raw)
    if not isinstance(raw, str):
        raise ValueError("Must be a string.")
    if len(raw) > MAX_LENGTH:
        raise ValueError(Message("Must be at most {limit} characters.", limit=MAX_LENGTH))
    if has_control_characters(raw):
        raise ValueError("Must not contain control characters.")
    if is_blank(raw):
        raise ValueError("Must not be blank.")
    text = raw.strip()
    if name == "email":
        return normalise_email(text)
    if name == "language":
        return normalise_language(text)
    return text


@lru_cache(maxsize=8192)  # a roster's dates repeat: people are hired on the same days
def _plain_date(raw: str) -> date:
    return _date(raw)


def _date(raw: object) -> date:
    if isinstance(raw, date):
        value = raw
    elif isinstance(raw, str):
        try:
            value = date.fromisoformat(raw.strip())
        except ValueError:
            raise ValueError(Message("'{value}' is not a date; give YYYY-MM-DD.", value=raw[:40])) from None
        if len(raw.strip()) != 10:
            raise ValueError(Message("'{value}' is not a date; give YYYY-MM-DD.", value=raw[:40]))
    else:
        raise ValueError("Must be a date as YYYY-MM-DD.")
    if not in_kept_years(value):
        raise ValueError("Must fall between the years 1900 and 9998.")
    return value
