"""Cursors carry their order: a page's position round-trips, and a cursor of one order is refused
in another, including the id-ordered lists GraphQL pages through."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from uuid import UUID

import pytest

from app.api.pagination import (
    cursor_after,
    decode_cursor,
    decode_feed_cursor,
    decode_page_cursor,
    encode_page_cursor,
)
from app.domain.errors import ValidationFailed
from app.ports.pagination import KeyKind, Page

LAST = UUID("0190e7a8-0000-7000-8000-00000000002a")
AT = datetime(2026, 5, 4, 10, 0, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sort", "key", "kinds"),
    [
        ("name", ("Lovelace", "Ada"), (KeyKind.TEXT, KeyKind.TEXT)),
        ("-created_at", (AT,), (KeyKind.INSTANT,)),
        ("posted_at", (None,), (KeyKind.OPTIONAL_INSTANT,)),
        ("-publish_at", (AT,), (KeyKind.OPTIONAL_INSTANT,)),
        ("-id", (), ()),
    ],
)
def test_a_page_position_survives_its_cursor(sort: str, key: tuple[object, ...], kinds: tuple[KeyKind, ...]) -> None:
    cursor = encode_page_cursor(Page(items=[], next_after=LAST, next_key=key), sort)  # type: ignore[arg-type]

    assert cursor is not None
    assert decode_page_cursor(cursor, sort, kinds) == (LAST, key)


def test_the_last_page_has_no_cursor() -> None:
    assert encode_page_cursor(Page(items=[], next_after=None), "name") is None


def test_in_id_order_the_cursor_is_the_one_lists_always_gave() -> None:
    cursor = encode_page_cursor(Page(items=[], next_after=LAST))

    assert cursor == cursor_after(LAST)
    assert decode_cursor(cursor) == LAST


def test_a_sorted_cursor_is_refused_where_only_id_order_exists() -> None:
    cursor = encode_page_cursor(Page(items=[], next_after=LAST, next_key=("Lovelace", "Ada")), "name")
    assert cursor is not None

    with pytest.raises(ValidationFailed) as refused:
        decode_cursor(cursor, ("after",), "Pass back an endCursor.")

    assert refused.value.errors[0].loc == ("after",)
    assert "sorted by name, not by id" in refused.value.errors[0].message


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1899-12-31T23:00:00Z"])
def test_a_forged_cursor_holding_an_instant_outside_the_kept_years_is_refused(at: str) -> None:
    """Such an instant overflows when the database driver converts it to UTC."""
    payload = {"sort": "-created_at", "after": str(LAST), "key": [at]}
    sorted_cursor = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
    feed_cursor = base64.urlsafe_b64encode(json.dumps({"feed": [0, 0, at, str(LAST)]}).encode()).decode()

    with pytest.raises(ValidationFailed, match="The cursor is not valid"):
        decode_page_cursor(sorted_cursor, "-created_at", (KeyKind.INSTANT,))
    with pytest.raises(ValidationFailed, match="The cursor is not valid"):
        decode_feed_cursor(feed_cursor)
