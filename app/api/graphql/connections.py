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


@strawberry.type(description="Where a page starts and ends, and whether items follow or precede it (Relay's PageInfo).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow: pass `endCursor` as `after`.")
    has_previous_page: bool = strawberry.field(
        description="True when the page was read after a cursor, so items precede it. Pages are read forwards, "
        "with `first` and `after`."
    )
    start_cursor: str | None = strawberry.field(description="The first edge's cursor; null on an empty page.")
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor: pass it as `after` to read the next page; null on an empty page."
    )


@strawberry.type(description="One item of a page, and where the page after it starts.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Pass as `after` to read the items that follow this one.")
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description="A page of items, Relay-style: read the next with `after: pageInfo.endCursor`.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The items of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where the page starts and ends, and what lies beyond.")


def page_info(edges: list[Edge[NodeT]], *, has_next_page: bool, after_a_cursor: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next_page,
        has_previous_page=after_a_cursor,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )


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


def connection(page: Page[ItemT], node: Callable[[ItemT], NodeT], request: PageRequest) -> Connection[NodeT]:
    """The connection of a page read for ``request``."""
    edges = [Edge(cursor=cursor_after(item.id), node=node(item)) for item in page.items]
    info = page_info(edges, has_next_page=page.next_after is not None, after_a_cursor=request.after is not None)
    return Connection(edges=edges, page_info=info)
