"""Keyset pagination shared by every list: the reader asks for rows after a position in an order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar
from uuid import UUID

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Every list's default order: ids are UUIDv7, so this is the order rows were created in.
ID_ORDER = "id"

T = TypeVar("T")
U = TypeVar("U")

SortValue = str | datetime | None


class KeyKind(StrEnum):
    """What one part of a sort key holds, so that a position read back from a client is checked."""

    TEXT = "text"  # compared without regard to case
    INSTANT = "instant"
    OPTIONAL_INSTANT = "optional_instant"  # none yet: after every instant


def descending(sort: str) -> bool:
    """A leading ``-`` reverses an order: ``-created_at`` is newest first."""
    return sort.startswith("-")


def sort_field(sort: str) -> str:
    return sort.removeprefix("-")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Rows strictly after a position, at most ``limit`` of them.

    ``sort`` names the order: ``id`` unless the list's port offers others (a leading ``-``
    reverses it), ties always broken by id. ``after`` is the id of the last row read and,
    in an order other than by id, ``after_key`` is that row's sort key.
    """

    after: UUID | None = None
    limit: int = DEFAULT_LIMIT
    sort: str = ID_ORDER
    after_key: tuple[SortValue, ...] = ()

    def newest_first(self) -> PageRequest:
        """The same page in reverse id order: lists read as a history (points, kudos) take it."""
        return replace(self, sort="-" + ID_ORDER)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """``next_after`` (and, in an order other than by id, ``next_key``) is where the next page starts."""

    items: Sequence[T]
    next_after: UUID | None
    next_key: tuple[SortValue, ...] = ()

    def with_items(self, items: Sequence[U]) -> Page[U]:
        """The same position, other items (each of these items made from one of the page's)."""
        return Page(items=items, next_after=self.next_after, next_key=self.next_key)
