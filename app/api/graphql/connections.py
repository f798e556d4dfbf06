"""Relay-style connections over the services' keyset pages.

A GraphQL cursor is the same opaque string as REST's ``next_cursor``: the page that follows
an item starts right after its id, so ``endCursor`` is REST's cursor for the next page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar
from uuid import UUID

import strawberry

from app.api.pagination import cursor_after, decode_cursor
from app.domain.errors import FieldError, ValidationFailed
from app.ports.pagination import MAX_LIMIT, Page, PageRequest

NodeT = TypeVar("NodeT")


class Identified(Protocol):
    @property
    def id(self) -> UUID: ...


ItemT = TypeVar("ItemT", bound=Identified)


@strawberry.type(description="Where a page ends and whether more follow.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None = strawberry.field(description="Pass as `after` to read the next page.")


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo


def page_request(first: int, after: str | None) -> PageRequest:
    """The same bounds as REST's ``limit`` and ``cursor``, named after the GraphQL arguments."""
    if not 1 <= first <= MAX_LIMIT:
        raise ValidationFailed(
            f"Ask for between 1 and {MAX_LIMIT} items.", [FieldError(("first",), f"Must be 1 to {MAX_LIMIT}.")]
        )
    if after is None:
        return PageRequest(limit=first)
    return PageRequest(
        after=decode_cursor(after, ("after",), "Pass back the endCursor of a previous page, unchanged."),
        limit=first,
    )


def connection(page: Page[ItemT], node: Callable[[ItemT], NodeT]) -> Connection[NodeT]:
    edges = [Edge(cursor=cursor_after(item.id), node=node(item)) for item in page.items]
    end_cursor = edges[-1].cursor if edges else None
    return Connection(edges=edges, page_info=PageInfo(has_next_page=page.next_after is not None, end_cursor=end_cursor))
