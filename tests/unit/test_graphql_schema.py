"""The GraphQL schema as codegen reads it: one vocabulary with the domain, every element described."""

from __future__ import annotations

from enum import Enum, StrEnum

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    specified_scalar_types,
)
from strawberry.types.enum import StrawberryEnumDefinition

from app.api.graphql.enums import domain_enum
from app.api.graphql.schema import build_schema


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


def undescribed(name: str, graphql_type: GraphQLNamedType) -> list[str]:
    """Every element of one type a client would read without a description."""
    missing = [] if graphql_type.description else [name]
    if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
        for field_name, field in graphql_type.fields.items():
            missing += [] if field.description else [f"{name}.{field_name}"]
            missing += [f"{name}.{field_name}({arg})" for arg, value in field.args.items() if not value.description]
    if isinstance(graphql_type, GraphQLInputObjectType):
        missing += [f"{name}.{field}" for field, value in graphql_type.fields.items() if not value.description]
    if isinstance(graphql_type, GraphQLEnumType):
        missing += [
            f"{name}.{value}" for value, definition in graphql_type.values.items() if not definition.description
        ]
    return missing


def test_every_type_field_argument_and_enum_value_is_described() -> None:
    types = build_schema()._schema.type_map
    elements, missing = 0, []
    for name, graphql_type in types.items():
        if name.startswith("__") or (isinstance(graphql_type, GraphQLScalarType) and name in specified_scalar_types):
            continue
        found = undescribed(name, graphql_type)
        missing += found
        elements += 1
    assert elements > 100, "the walk reached every type"
    assert missing == []
