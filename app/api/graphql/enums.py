"""GraphQL enums are the domain's own enums, registered with a description of every value.

Registering the domain class itself (rather than a GraphQL copy) keeps one vocabulary: a value
added to the domain reaches the schema, and cannot reach it undescribed.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

E = TypeVar("E", bound=Enum)


def domain_enum(enum: type[E], description: str, values: Mapping[E, str], *, name: str | None = None) -> type[E]:
    """Registers ``enum`` as a GraphQL enum (named ``name``, its own name by default)."""
    undescribed = [member.name for member in enum if not values.get(member)]
    if undescribed:
        raise ValueError(f"Describe every value of {enum.__name__} for GraphQL clients: {undescribed}.")
    strawberry.enum(enum, name=name, description=description)
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    assert isinstance(definition, StrawberryEnumDefinition)  # noqa: S101 - set by the line above
    for value in definition.values:
        value.description = values[enum(value.value)]
    return enum
