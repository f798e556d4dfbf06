"""Names and titles made only of invisible characters (zero-width spaces, the byte order mark,
direction controls) are refused as blank ones are, and nobody leaves before they were hired: over
REST and GraphQL, at the field, with nothing written."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.helpers import assert_problem, create_employee, error_locations, nothing_written, person
from tests.integration.test_graphql import data_of, node_id

INVISIBLE = [
    pytest.param("\u200b", id="zero-width space"),
    pytest.param("\ufeff", id="byte order mark"),
    pytest.param("\u202e", id="right-to-left override"),
    pytest.param("\u2066\u2069", id="isolates"),
    pytest.param(" \u200d\u200c\u00ad ", id="joiners, soft hyphen and spaces"),
]
VALIDATION = "... on ValidationError { code fieldErrors { path } }"
CREATE_EMPLOYEE = f"mutation ($input: EmployeeInput!) {{ createEmployee(input: $input) {{ __typename {VALIDATION} }} }}"
CREATE_CAMPAIGN = f"mutation ($input: CampaignInput!) {{ createCampaign(input: $input) {{ __typename {VALIDATION} }} }}"
CREATE_CONTENT = f"mutation ($input: ContentInput!) {{ createContent(input: $input) {{ __typename {VALIDATION} }} }}"
PUBLISH_CHARTER = (
    f"mutation ($input: CharterVersionInput!) {{ publishCharterVersion(input: $input) {{ __typename {VALIDATION} }} }}"
)
TERMINATE = f"""
mutation ($id: ID!, $on: Date) {{
  terminateEmployee(id: $id, terminatedOn: $on) {{ __typename ... on Employee {{ status terminatedOn }} {VALIDATION} }}
}}"""


def refused_at(response: httpx.Response, field: str) -> None:
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", field]], problem


def refused_in_graphql(result: dict[str, Any], field: str) -> None:
    assert result["__typename"] == "ValidationError", result
    assert (result["code"], [error["path"] for error in result["fieldErrors"]]) == ("validation-failed", [[field]])


@pytest.mark.parametrize("name", INVISIBLE)
async def test_an_invisible_name_is_refused_over_rest(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    admin_a: dict[str, str],
    operator_headers: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    name: str,
) -> None:
    employee = await create_employee(client, admin_a, email="ada@acme.example")
    manager = staff(mint, tenant_a, "manager")

    async with nothing_written(engine):
        body = person(given_name=name, email="grace@acme.example")
        hired = await client.post("/v1/employees", json=body, headers=admin_a)
        renamed = await client.patch(f"/v1/employees/{employee['id']}", json={"family_name": name}, headers=admin_a)
        tenant = await client.post("/v1/tenants", json={"slug": "ghost", "name": name}, headers=operator_headers)
        campaign = await client.post("/v1/campaigns", json={"name": name, "slug": "spring"}, headers=manager)
        content = await client.post("/v1/contents", json={"title": name, "body": "Hello."}, headers=manager)
        charter = await client.post("/v1/charter/versions", json={"title": name, "body": "Be kind."}, headers=admin_a)

    refused_at(hired, "given_name")
    refused_at(renamed, "family_name")
    refused_at(tenant, "name")
    refused_at(campaign, "name")
    refused_at(content, "title")
    refused_at(charter, "title")
    assert (await client.get(f"/v1/employees/{employee['id']}", headers=admin_a)).json()["family_name"] == "Lovelace"


@pytest.mark.parametrize("name", INVISIBLE)
async def test_an_invisible_name_is_refused_over_graphql(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, name: str
) -> None:
    manager = staff(mint, tenant_a, "manager")
    employee = {"email": "ada@acme.example", "givenName": name, "familyName": "Lovelace"}

    async with nothing_written(engine):
        hired = (await data_of(client, CREATE_EMPLOYEE, admin_a, input=employee))["createEmployee"]
        campaign = await data_of(client, CREATE_CAMPAIGN, manager, input={"name": name, "slug": "spring"})
        content = await data_of(client, CREATE_CONTENT, manager, input={"title": name, "body": "Hello."})
        charter = await data_of(client, PUBLISH_CHARTER, admin_a, input={"title": name, "body": "Be kind."})

    refused_in_graphql(hired, "givenName")
    refused_in_graphql(campaign["createCampaign"], "name")
    refused_in_graphql(content["createContent"], "title")
    refused_in_graphql(charter["publishCharterVersion"], "title")


async def test_a_name_with_visible_letters_among_invisible_ones_is_kept(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    created = await create_employee(client, admin_a, given_name="\u200bAda", email="ada@acme.example")

    assert created["given_name"] == "\u200bAda"


async def test_nobody_leaves_before_they_were_hired_over_rest(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a, email="ada@acme.example", hired_on="2025-03-03")
    terminate = f"/v1/employees/{employee['id']}/terminate"

    async with nothing_written(engine):
        early = await client.post(terminate, json={"terminated_on": "2025-03-02"}, headers=admin_a)

    refused_at(early, "terminated_on")
    assert "2025-03-03" in early.json()["errors"][0]["message"]
    same_day = await client.post(terminate, json={"terminated_on": "2025-03-03"}, headers=admin_a)
    assert same_day.status_code == 200, same_day.text
    assert (same_day.json()["status"], same_day.json()["terminated_on"]) == ("terminated", "2025-03-03")


async def test_nobody_leaves_before_they_were_hired_over_graphql(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a, email="ada@acme.example", hired_on="2025-03-03")
    employee_id = node_id("Employee", employee["id"])

    async with nothing_written(engine):
        early = (await data_of(client, TERMINATE, admin_a, id=employee_id, on="2025-03-02"))["terminateEmployee"]
    same_day = (await data_of(client, TERMINATE, admin_a, id=employee_id, on="2025-03-03"))["terminateEmployee"]

    refused_in_graphql(early, "terminatedOn")
    assert same_day == {"__typename": "Employee", "status": "TERMINATED", "terminatedOn": "2025-03-03"}
