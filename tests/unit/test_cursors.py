"""Cursors carry their order: a page's position round-trips, and a cursor of one order is refused
in another, including the id-ordered lists GraphQL pages through."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from app.api.pagination import cursor_after, decode_cursor, decode_page_cursor, encode_page_cursor
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
