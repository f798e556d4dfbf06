"""Bad values sent to GraphQL get answers that say what to send, in Relais's words, with a code:
never a parser's message nor Strawberry's Python types."""

from __future__ import annotations

import base64
from typing import Any
from uuid import UUID

import pytest
from graphql import GraphQLInputObjectType
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.base import StrawberryMaybe, StrawberryObjectDefinition, StrawberryOptional

from app.api.graphql.scalars import SCALARS
from app.api.graphql.schema import build_schema

EMPLOYEE_ID = base64.b64encode(b"Employee:0190a6f0-0000-7000-8000-000000000000").decode()
UPDATE = (
    'mutation ($input: EmployeeChangesInput!) { updateEmployee(id: "' + EMPLOYEE_ID + '", input: $input) {'
    " __typename ... on ValidationError { code message fieldErrors { path message } } } }"
)
# Python's, dateutil's and Strawberry's own wording, none of which a client can act on.
INTERNALS = ("Maybe[", "strawberry", "NoneType", "badly formed", "Expected 4 digits", "Invalid isoformat", "Traceback")


async def run(query: str, variables: dict[str, Any] | None = None) -> Any:
    """Operations refused before any use case runs need no context."""
    return await build_schema().execute(query, variable_values=variables)


NULLS = "{email: null, givenName: null, department: null}"


@pytest.mark.parametrize("in_variables", [True, False], ids=["in variables", "in the document"])
async def test_null_for_a_field_that_cannot_be_cleared_is_a_validation_error_naming_it(in_variables: bool) -> None:
    if in_variables:
        result = await run(UPDATE, {"input": {"email": None, "givenName": None, "department": None}})
    else:
        literal = UPDATE.replace("($input: EmployeeChangesInput!) ", "").replace("$input", NULLS)
        result = await run(literal)
    assert result.errors is None
    refused = result.data["updateEmployee"]
    assert (refused["__typename"], refused["code"]) == ("ValidationError", "validation-failed")
    assert refused["fieldErrors"] == [
        {"path": ["email"], "message": "Cannot be null: omit the field to keep its value."},
        {"path": ["givenName"], "message": "Cannot be null: omit the field to keep its value."},
    ]


def test_every_partial_update_field_accepts_null_so_that_relais_alone_refuses_it() -> None:
    schema = build_schema()
    refusing_null_itself = []
    for name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLInputObjectType):
            continue
        definition = schema.get_type_by_name(name)
        assert isinstance(definition, StrawberryObjectDefinition)
        refusing_null_itself += [
            f"{name}.{field.python_name}"
            for field in definition.fields
            if isinstance(field.type, StrawberryMaybe) and not isinstance(field.type.of_type, StrawberryOptional)
        ]
    assert refusing_null_itself == []


BAD_SCALARS = [
    ('query { campaigns(activeAt: "yesterday") { edges { cursor } } }', None, "an ISO 8601 date and time"),
    (
        "query ($at: DateTime) { campaigns(activeAt: $at) { edges { cursor } } }",
        {"at": "31/01/2030"},
        "an ISO 8601 date and time",
    ),
    (
        "query ($at: DateTime) { campaigns(activeAt: $at) { edges { cursor } } }",
        {"at": 1738000000},
        "an ISO 8601 date and time",
    ),
    (
        f'mutation {{ terminateEmployee(id: "{EMPLOYEE_ID}", terminatedOn: "2030-02-31") {{ __typename }} }}',
        None,
        "an ISO 8601 date",
    ),
]


@pytest.mark.parametrize(("query", "variables", "expected"), BAD_SCALARS)
async def test_a_malformed_date_or_instant_says_what_to_send_with_a_code(
    query: str, variables: dict[str, Any] | None, expected: str
) -> None:
    result = await run(query, variables)
    assert result.data is None
    [error] = result.errors or []
    assert expected in error.formatted["message"]
    assert error.formatted["extensions"] == {"code": "invalid-query"}
    assert not [word for word in INTERNALS if word in error.formatted["message"]]


def test_a_malformed_uuid_says_what_a_uuid_looks_like() -> None:
    parse = SCALARS[UUID].parse_value
    assert parse is not None
    assert parse("0190a6f0-4c4e-7d2a-9b1e-5f3c2d1a0b9c") == UUID("0190a6f0-4c4e-7d2a-9b1e-5f3c2d1a0b9c")
    with pytest.raises(StrawberryInputCoercionError) as refused:
        parse("0190a6f0")
    assert str(refused.value.message) == '"0190a6f0" is not a UUID such as 0190a6f0-4c4e-7d2a-9b1e-5f3c2d1a0b9c.'


MISUSES = [
    '{ employees(first: "ten") { edges { cursor } } }',
    "{ employees { edges { node { email { address } } } } }",
    "mutation { optIn }",
    "{ me { subject",
    "mutation { createEmployee(input: {email: 1}) { __typename } }",
    "mutation { updateSettings(input: {networks: [MASTODON]}) { __typename } }",
]


@pytest.mark.parametrize("query", MISUSES)
async def test_a_document_refused_before_it_runs_is_coded_invalid_query_in_plain_words(query: str) -> None:
    result = await run(query)
    assert result.errors
    for error in result.errors:
        assert error.formatted["extensions"] == {"code": "invalid-query"}
        assert not [word for word in INTERNALS if word in error.formatted["message"]]
