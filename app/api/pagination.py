"""Opaque keyset cursors shared by REST (``next_cursor``) and GraphQL (``endCursor``).

Both APIs page with the same ``PageRequest``, so a cursor from one is valid in the other.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.ports.content import FeedCursor

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


def encode_feed_cursor(cursor: FeedCursor | None) -> str | None:
    """The feed pages on its sort key (pinned, important, live_from, id), not on the id alone."""
    if cursor is None:
        return None
    key = [int(cursor.pinned), int(cursor.important), cursor.live_from.isoformat(), str(cursor.id)]
    return base64.urlsafe_b64encode(json.dumps({"feed": key}, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_feed_cursor(
    cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT
) -> FeedCursor:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        pinned, important, live_from, item_id = json.loads(base64.urlsafe_b64decode(padded))["feed"]
        at = datetime.fromisoformat(live_from)
        if pinned in (0, 1) and important in (0, 1) and at.tzinfo is not None:
            return FeedCursor(pinned=bool(pinned), important=bool(important), live_from=at, id=UUID(item_id))
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])
