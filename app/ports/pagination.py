"""Keyset pagination shared by every list: the reader asks for rows after a key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from uuid import UUID

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Rows strictly after ``after`` (in id order), at most ``limit`` of them."""

    after: UUID | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    next_after: UUID | None
