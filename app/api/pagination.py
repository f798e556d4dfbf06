"""Opaque keyset cursors shared by REST (``next_cursor``) and GraphQL (``endCursor``).

Both APIs page with the same ``PageRequest``, so a cursor from one is valid in the other in the
same order; a cursor holds its order, and is refused in any other.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.notifications.notices import ReadState
from app.domain.rewards.ranking import Standing
from app.domain.values import in_kept_years
from app.ports.content import FeedCursor
from app.ports.pagination import ID_ORDER, KeyKind, Page, SortValue

REST_CURSOR_HINT = "Pass back the next_cursor of a previous page, unchanged."


def _encoded(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def cursor_after(item_id: UUID) -> str:
    """The cursor of the page that starts right after ``item_id``, in id order."""
    return base64.urlsafe_b64encode(json.dumps({"after": str(item_id)}).encode()).decode().rstrip("=")


def encode_cursor(after: UUID | None) -> str | None:
    return None if after is None else cursor_after(after)


def encode_page_cursor(page: Page[Any], sort: str = ID_ORDER) -> str | None:
    """The next page's cursor: the order it belongs to, the last row's sort key and its id. In id
    order it is the id alone, as before orders existed, so earlier cursors stay valid."""
    if page.next_after is None:
        return None
    if sort == ID_ORDER:
        return cursor_after(page.next_after)
    key = [value.isoformat() if isinstance(value, datetime) else value for value in page.next_key]
    return _encoded({"sort": sort, "key": key, "after": str(page.next_after)})


def _payload(cursor: str, loc: tuple[str | int, ...], hint: str) -> dict[str, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, binascii.Error) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    if not isinstance(payload, dict):
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])
    return payload


def _same_order(payload: dict[str, Any], sort: str, loc: tuple[str | int, ...]) -> None:
    paged = payload.get("sort", ID_ORDER)
    if paged != sort:
        message = Message(
            "This cursor pages the list sorted by {paged}, not by {sort}: ask with sort={paged}, "
            "or leave out the cursor to start over in the new order.",
            paged=paged,
            sort=sort,
        )
        detail = Message("The cursor belongs to the order {paged}, not {sort}.", paged=paged, sort=sort)
        raise ValidationFailed(detail, [FieldError(loc, message)])


def decode_cursor(cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT) -> UUID:
    """The id a cursor of an id-ordered list points after; ``loc`` and ``hint`` name the parameter in
    the caller's API."""
    after, _ = decode_page_cursor(cursor, ID_ORDER, (), loc, hint)
    return after


def decode_page_cursor(
    cursor: str,
    sort: str,
    kinds: tuple[KeyKind, ...],
    loc: tuple[str | int, ...] = ("query", "cursor"),
    hint: str = REST_CURSOR_HINT,
) -> tuple[UUID, tuple[SortValue, ...]]:
    """The id and sort key a cursor points after, checked against the order asked for and the kinds
    of its key, so a cursor from another order or a forged one is refused, never half-applied."""
    payload = _payload(cursor, loc, hint)
    _same_order(payload, sort, loc)
    key = payload.get("key", [])
    try:
        after = UUID(payload["after"])
        if not isinstance(key, list) or len(key) != len(kinds):
            raise ValueError("the key does not fit the order")
        return after, tuple(_key_value(kind, value) for kind, value in zip(kinds, key, strict=True))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error


def _key_value(kind: KeyKind, value: Any) -> SortValue:
    if kind is KeyKind.TEXT:
        if isinstance(value, str):
            return value
        raise ValueError("a text key part is a string")
    if value is None and kind is KeyKind.OPTIONAL_INSTANT:
        return None
    at = datetime.fromisoformat(value)
    if at.tzinfo is None or not in_kept_years(at):
        raise ValueError("an instant key part carries its offset, in the kept years")
    return at


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
        if pinned in (0, 1) and important in (0, 1) and at.tzinfo is not None and in_kept_years(at):
            return FeedCursor(pinned=bool(pinned), important=bool(important), live_from=at, id=UUID(item_id))
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])


def encode_before_cursor(before: datetime | None) -> str | None:
    """A history read newest first pages on the instant of its last item: the next page is what came before."""
    if before is None:
        return None
    return _encoded({"before": before.isoformat()})


def decode_before_cursor(
    cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT
) -> datetime:
    payload = _payload(cursor, loc, hint)
    try:
        before = datetime.fromisoformat(payload["before"])
        if before.tzinfo is not None and in_kept_years(before):
            return before
    except (ValueError, KeyError, TypeError) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])


def encode_board_cursor(after: Standing | None) -> str | None:
    """A leaderboard pages on (points, ambassador) and carries the last row's position and rank, so
    the next page's ranks follow without counting the rows above it."""
    if after is None:
        return None
    key = [after.points, str(after.ambassador_id), after.position, after.rank]
    return base64.urlsafe_b64encode(json.dumps({"board": key}, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_board_cursor(
    cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT
) -> Standing:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        points, ambassador_id, position, rank = json.loads(base64.urlsafe_b64decode(padded))["board"]
        numbers = (points, position, rank)
        if all(isinstance(n, int) and not isinstance(n, bool) for n in numbers) and 1 <= rank <= position:
            return Standing(points=points, ambassador_id=UUID(ambassador_id), position=position, rank=rank)
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
    raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])


# Roster imports: a bad row's problems are paged by the file's line.
def encode_line_cursor(after_line: int | None) -> str | None:
    return None if after_line is None else _encoded({"line": after_line})


def decode_line_cursor(
    cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT
) -> int:
    line = _payload(cursor, loc, hint).get("line")
    if not isinstance(line, int) or isinstance(line, bool) or line < 0:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)])
    return line


# Notifications: an inbox pages on (read state, id), unread first, newest first in each part.
def encode_inbox_cursor(state: ReadState, after: UUID) -> str:
    return _encoded({"inbox": [state.value, str(after)]})


def encode_inbox_page_cursor(page: Page[Any]) -> str | None:
    if page.next_after is None:
        return None
    return encode_inbox_cursor(ReadState(str(page.next_key[0])), page.next_after)


def decode_inbox_cursor(
    cursor: str, loc: tuple[str | int, ...] = ("query", "cursor"), hint: str = REST_CURSOR_HINT
) -> tuple[ReadState, UUID]:
    try:
        state, after = _payload(cursor, loc, hint)["inbox"]
        return ReadState(state), UUID(after)
    except (ValueError, KeyError, TypeError) as error:
        raise ValidationFailed("The cursor is not valid.", [FieldError(loc, hint)]) from error
