"""Partial updates: the fields an input sent, and nulls refused where a field cannot be cleared.

Every field of a ``...ChangesInput`` is ``Maybe[T | None]``: Strawberry then never refuses a null
itself (its message would name Python types), and the refusal comes from here, as a validation
error naming the field, like REST's.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import strawberry

from app.domain.errors import FieldError, ValidationFailed

NULL_REFUSED = "Send a value or leave the field out: null clears optional fields only."


def sent_fields(data: object) -> dict[str, Any]:
    """The fields sent in ``data``, by their Python names, nulls included."""
    return {name: value.value for name, value in vars(data).items() if isinstance(value, strawberry.Some)}


def refused_nulls(sent: dict[str, Any], clearable: Collection[str]) -> list[FieldError]:
    return [
        FieldError((name,), "Cannot be null: omit the field to keep its value.")
        for name, value in sent.items()
        if value is None and name not in clearable
    ]


def sent_changes(data: object, clearable: Collection[str] = ()) -> dict[str, Any]:
    """The fields sent in ``data``; null only for those in ``clearable``."""
    sent = sent_fields(data)
    refused = refused_nulls(sent, clearable)
    if refused:
        raise ValidationFailed(NULL_REFUSED, refused)
    return sent
