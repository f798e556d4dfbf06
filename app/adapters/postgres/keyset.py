"""Keyset pages in every order a list offers: the sort key's expressions then the id, cut by one
row comparison, so an index led by ``tenant_id`` on the same expressions serves each page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.ports.pagination import ID_ORDER, KeyKind, PageRequest, SortValue, descending, sort_field

# A missing instant sorts after every instant, in the index as in the query.
INFINITY: sa.ColumnElement[Any] = sa.literal_column("'infinity'::timestamptz")


def key_expression(kind: KeyKind, value: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """What is compared for one part of a key: the same for a column and for the position's value."""
    if kind is KeyKind.TEXT:
        return sa.func.lower(value)
    if kind is KeyKind.OPTIONAL_INSTANT:
        return sa.func.coalesce(value, INFINITY)
    return value


@dataclass(frozen=True, slots=True)
class Orders:
    """The columns of each order's sort key, with the kinds its port declares."""

    kinds: Mapping[str, tuple[KeyKind, ...]]
    columns: Mapping[str, tuple[sa.Column[Any], ...]]

    def __post_init__(self) -> None:
        for name, kinds in self.kinds.items():
            if len(self.columns.get(name, ())) != len(kinds):
                raise ValueError(f"The order {name!r} needs a column for each part of its key.")

    def parts(self, sort: str) -> list[tuple[KeyKind, sa.Column[Any]]]:
        name = sort_field(sort)
        if name not in self.kinds:
            raise ValueError(f"This list has no order {sort!r}.")
        return list(zip(self.kinds[name], self.columns.get(name, ()), strict=True))


ID_ONLY = Orders(kinds={ID_ORDER: ()}, columns={})


def in_order(
    statement: sa.Select[Any], id_column: sa.ColumnElement[UUID], page: PageRequest, orders: Orders
) -> sa.Select[Any]:
    """The statement cut after the page's position and sorted, one row more than the page holds."""
    parts = orders.parts(page.sort)
    compared = [key_expression(kind, column) for kind, column in parts]
    reverse = descending(page.sort)
    if page.after is not None:
        if len(page.after_key) != len(parts):
            raise ValueError("The position's key does not fit the order.")
        values = [
            key_expression(kind, sa.literal(value, column.type))
            for (kind, column), value in zip(parts, page.after_key, strict=True)
        ]
        row: sa.ColumnElement[Any] = id_column
        position: sa.ColumnElement[Any] = sa.literal(page.after, id_column.type)
        if parts:
            row, position = sa.tuple_(*compared, row), sa.tuple_(*values, position)
        statement = statement.where(row < position if reverse else row > position)
    order = [*compared, id_column]
    return statement.order_by(*(expression.desc() if reverse else expression for expression in order)).limit(
        page.limit + 1
    )


def key_of(row: Any, page: PageRequest, orders: Orders) -> tuple[SortValue, ...]:
    """The sort key of a row read, as the next page's position holds it."""
    return tuple(getattr(row, column.name) for _, column in orders.parts(page.sort))
