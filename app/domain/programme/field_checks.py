"""How a field of a settings document is checked: each failure is appended to the caller's list of
errors, at the field's location, and the field is then given up (``Invalid``)."""

from __future__ import annotations

from typing import Any

from app.domain.errors import FieldError
from app.domain.messages import Message
from app.domain.networks import Network
from app.domain.values import has_control_characters, is_blank

Loc = tuple[str | int, ...]


class Invalid(Exception):
    """A field failed; its errors are already listed."""


def fail(errors: list[FieldError], loc: Loc, message: str) -> Invalid:
    errors.append(FieldError(loc, message))
    return Invalid()


def checked_text(value: object, loc: Loc, errors: list[FieldError], *, max_length: int) -> str:
    if not isinstance(value, str):
        raise fail(errors, loc, "Must be a string.")
    text = value.strip()
    if is_blank(text) or len(text) > max_length or has_control_characters(text):
        raise fail(
            errors, loc, Message("Give 1-{max_length} characters, without control characters.", max_length=max_length)
        )
    return text


def checked_list(value: object, loc: Loc, errors: list[FieldError], *, max_items: int) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise fail(errors, loc, "Must be a list.")
    if len(value) > max_items:
        raise fail(errors, loc, Message("At most {max_items} items.", max_items=max_items))
    return list(value)


def checked_network(value: object, loc: Loc, errors: list[FieldError]) -> Network:
    try:
        return Network(str(value))
    except ValueError:
        raise fail(errors, loc, Message("Not a network; use one of: {choices}.", choices=", ".join(Network))) from None


def whole_number(value: object, loc: Loc, errors: list[FieldError], *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(errors, loc, Message("Must be a whole number from {low} to {high}.", low=low, high=high))
    return value
