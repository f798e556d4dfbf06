"""Opaque keyset cursors shared by REST (``next_cursor``) and GraphQL (``endCursor``).

Both APIs page with the same ``PageRequest``, so a cursor from one is valid in the other.
"""

from __future__ import annotations

import base64
import binascii
import json
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed

REST_CURSOR_HINT = "Pass back the next_cursor of a previous page, unchanged."


def cursor_after(item_id: UUID) -> str:
    """The cursor of the page that starts right after ``item_id``."""
    return base64.urlsafe_b64encode(json.dumps({"after": str(item_id)}).encode()).decode().rstrip("=")


def encode_cursor(after: UUID | None) -> str | None:
    return None if after is None else cursor_after(after)


def decode_cursor(cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT) -> UUID:
    """The id a cursor points after; ``loc`` and ``hint`` name the parameter in the caller's API."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        after = json.loads(base64.urlsafe_b64decode(padded))["after"]
        if isinstance(after, str):
            return UUID(after)
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])
