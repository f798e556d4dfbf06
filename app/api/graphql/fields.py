"""Typed decorators for described resolvers.

``@strawberry.field(description=...)`` is typed ``Any`` (the same call also declares plain
fields), which strict mypy refuses as a decorator; handing the resolver over positionally
keeps both the description and the types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.types.field import StrawberryField

Resolver = Callable[..., Any]


def field(description: str) -> Callable[[Resolver], StrawberryField]:
    def describe(resolver: Resolver) -> StrawberryField:
        return strawberry.field(resolver, description=description)

    return describe


def mutation(description: str) -> Callable[[Resolver], StrawberryField]:
    def describe(resolver: Resolver) -> StrawberryField:
        return strawberry.mutation(resolver, description=description)

    return describe


def subscription(description: str) -> Callable[[Resolver], StrawberryField]:
    def describe(resolver: Resolver) -> StrawberryField:
        return strawberry.subscription(resolver, description=description)

    return describe
