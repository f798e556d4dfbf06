"""The GraphQL schema as codegen reads it: one vocabulary with the domain, every element described."""

from __future__ import annotations

from enum import Enum, StrEnum

import pytest
from graphql import GraphQLEnumType
from strawberry.types.enum import StrawberryEnumDefinition

from app.api.graphql import build_schema
from app.api.graphql.enums import domain_enum


def graphql_enums() -> list[tuple[str, StrawberryEnumDefinition]]:
    schema = build_schema()
    found = []
    for name, graphql_type in schema._schema.type_map.items():
        if isinstance(graphql_type, GraphQLEnumType) and not name.startswith("__"):
            definition = schema.get_type_by_name(name)
            assert isinstance(definition, StrawberryEnumDefinition)
            found.append((name, definition))
    return found


@pytest.mark.parametrize(("name", "definition"), graphql_enums(), ids=[name for name, _ in graphql_enums()])
def test_each_graphql_enum_is_the_domains_own_with_the_same_values(
    name: str, definition: StrawberryEnumDefinition
) -> None:
    domain = definition.wrapped_cls
    assert domain.__module__.startswith("app.domain."), f"{name} is declared outside the domain"
    members: list[Enum] = list(domain)
    assert [value.name for value in definition.values] == [member.name for member in members]
    assert [value.value for value in definition.values] == [member.value for member in members]


def test_a_domain_enum_with_an_undescribed_value_is_refused() -> None:
    class Colour(StrEnum):
        RED = "red"
        BLUE = "blue"

    with pytest.raises(ValueError, match="BLUE"):
        domain_enum(Colour, "A colour.", {Colour.RED: "Red."})
