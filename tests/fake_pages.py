"""Keyset pages of the fakes in every order the ports offer, compared as PostgreSQL compares them:
text without regard to case, a missing instant after every instant, ties by id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

from app.ports.pagination import ID_ORDER, KeyKind, Page, PageRequest, SortValue, descending, sort_field


class HasId(Protocol):
    @property
    def id(self) -> UUID: ...


Row = TypeVar("Row", bound=HasId)
Key = Callable[[Any], tuple[SortValue, ...]]
ID_ONLY: Mapping[str, tuple[KeyKind, ...]] = {ID_ORDER: ()}
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def _comparable(kinds: tuple[KeyKind, ...], values: tuple[SortValue, ...]) -> tuple[Any, ...]:
    compared: list[Any] = []
    for kind, value in zip(kinds, values, strict=True):
        if kind is KeyKind.TEXT:
            compared.append(str(value).lower())
        elif kind is KeyKind.OPTIONAL_INSTANT:
            compared.append((value is None, value or _EARLIEST))
        else:
            compared.append(value)
    return tuple(compared)


def keyset_page(
    rows: Iterable[Row],
    page: PageRequest,
    kinds: Mapping[str, tuple[KeyKind, ...]] = ID_ONLY,
    keys: Mapping[str, Key] | None = None,
    copy: Callable[[Row], Row] = lambda row: row,
) -> Page[Row]:
    """``kinds`` are the port's; ``keys`` read each order's sort key from a row."""
    name = sort_field(page.sort)
    part_kinds = kinds[name]
    key: Key = (keys or {}).get(name, lambda row: ())
    reverse = descending(page.sort)

    def position(row: Row) -> tuple[Any, UUID]:
        return _comparable(part_kinds, key(row)), row.id

    ordered = sorted(rows, key=position, reverse=reverse)
    if page.after is not None:
        start = (_comparable(part_kinds, page.after_key), page.after)
        ordered = [row for row in ordered if (position(row) < start if reverse else position(row) > start)]
    kept = [copy(row) for row in ordered[: page.limit]]
    if len(ordered) <= page.limit:
        return Page(items=kept, next_after=None)
    return Page(items=kept, next_after=kept[-1].id, next_key=key(kept[-1]))
