"""GraphQL refusals speak of the schema clients see, never of the Python types behind it."""

from __future__ import annotations

from functools import partial

import strawberry
from strawberry.types.base import StrawberryMaybe, StrawberryOptional

from app.api.graphql.reporting import ErrorCodes, RelaisSchema
from app.api.graphql.schema import build_schema


@strawberry.input
class Rename:
    name: strawberry.Maybe[str] = strawberry.field(description="A new name; never null.")


@strawberry.type
class Query:
    @strawberry.field
    def rename(self, name: strawberry.Maybe[str], changes: Rename | None = None) -> str:
        return "renamed"


def schema_with_a_maybe_input() -> strawberry.Schema:
    return RelaisSchema(query=Query, extensions=[partial(ErrorCodes, suggestions=False)])


async def test_a_null_for_an_input_that_takes_none_is_refused_in_the_clients_words() -> None:
    argument = await schema_with_a_maybe_input().execute("{ rename(name: null) }")
    field = await schema_with_a_maybe_input().execute('{ rename(name: "a", changes: {name: null}) }')

    messages = [error.formatted["message"] for result in (argument, field) for error in result.errors or []]
    assert messages == [
        "Argument 'name' cannot be null; omit it to leave it unchanged.",
        "Field 'name' cannot be null; omit it to leave it unchanged.",
    ]
    assert all(error.formatted["extensions"] == {"code": "invalid-query"} for error in argument.errors or [])


def test_the_api_has_no_input_that_strawberry_would_explain_in_python_terms() -> None:
    """Every partial-update input takes null (the use case then says what null means for it), so the
    wording above is a safeguard: no input of the schema is a ``Maybe[T]`` refusing null."""
    schema = build_schema()
    inputs = [
        (f"{getattr(definition.definition, 'name', '')}.{field.python_name}", field.type)
        for definition in schema.schema_converter.type_map.values()
        for field in getattr(definition.definition, "fields", [])
    ]
    arguments = [
        (f"{field.python_name}({argument.python_name})", argument.type)
        for definition in schema.schema_converter.type_map.values()
        for field in getattr(definition.definition, "fields", [])
        for argument in getattr(field, "arguments", [])
    ]
    assert len(arguments) > 20
    refusing_null = [
        where
        for where, kind in inputs + arguments
        if isinstance(kind, StrawberryMaybe) and not isinstance(kind.of_type, StrawberryOptional)
    ]
    assert refusing_null == []
