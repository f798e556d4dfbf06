"""A null sent for a field that cannot be cleared is a typed validation error naming the field, not a
top-level error quoting the server's internals: the schema calls every optional input field nullable."""

from __future__ import annotations

import httpx

from tests.integration.helpers import create_employee
from tests.integration.test_graphql import data_of

UPDATE_EMPLOYEE = "mutation ($id: UUID!, $input: EmployeeChangesInput!) { updateEmployee(id: $id, input: $input) { __typename ... on Employee { givenName department } ... on ValidationError { fieldErrors { path } } } }"  # noqa: E501
UPDATE_SETTINGS = "mutation ($input: SettingsChangesInput!) { updateSettings(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }"  # noqa: E501


async def test_a_null_for_a_name_is_refused_at_that_field(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    employee = await create_employee(client, admin_a, department="Sales")
    answer = await client.post(
        "/graphql",
        json={"query": UPDATE_EMPLOYEE, "variables": {"id": employee["id"], "input": {"givenName": None}}},
        headers=admin_a,
    )
    assert "errors" not in answer.json(), answer.text
    refused = answer.json()["data"]["updateEmployee"]
    assert refused == {"__typename": "ValidationError", "fieldErrors": [{"path": ["givenName"]}]}


async def test_a_null_for_a_setting_is_refused_at_that_field(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    refused = await data_of(client, UPDATE_SETTINGS, admin_a, input={"networks": None, "fourEyesReview": None})
    assert refused["updateSettings"]["__typename"] == "ValidationError"
    assert sorted(error["path"] for error in refused["updateSettings"]["fieldErrors"]) == [
        ["fourEyesReview"],
        ["networks"],
    ]


async def test_a_null_still_clears_a_field_that_may_be_cleared(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a, department="Sales")
    cleared = await data_of(client, UPDATE_EMPLOYEE, admin_a, id=employee["id"], input={"department": None})
    assert cleared["updateEmployee"] == {
        "__typename": "Employee",
        "givenName": employee["given_name"],
        "department": None,
    }
