"""Programme costs over REST and GraphQL: recorded, read, changed and deleted by the right roles, in the
programme's currency, with If-Match, and never across tenants."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, nothing_written, stored_row
from tests.integration.test_graphql import data_of, node_id

COST = {
    "budget_line": "content_creation",
    "incurred_on": "2026-03-01",
    "amount_minor": 180_000,
    "currency": "EUR",
    "description": "Video shoot for the spring campaign.",
}


async def record(client: httpx.AsyncClient, headers: dict[str, str], **changes: Any) -> dict[str, Any]:
    response = await client.post("/v1/programme-costs", json=COST | changes, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    assert response.headers["Location"] == f"/v1/programme-costs/{body['id']}"
    assert response.headers["ETag"] == '"v1"'
    return body


async def test_an_admin_records_a_cost_that_managers_and_analysts_read_back(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    cost = await record(client, admin_a)

    assert {name: cost[name] for name in COST} == COST
    assert (cost["version"], cost["recorded_by"]) == (1, "admin-admin@acme.example")
    row = await stored_row(engine, "programme_costs", cost["id"])
    assert (row["tenant_id"], row["amount_minor"], row["currency"]) == (tenant_a, 180_000, "EUR")
    for role in ("manager", "analyst"):
        read = await client.get(f"/v1/programme-costs/{cost['id']}", headers=bearer(mint(tenant_a, role)))
        assert read.status_code == 200, read.text
        assert read.json() == cost
        assert read.headers["ETag"] == '"v1"'


@pytest.mark.parametrize("role", ["manager", "analyst", "moderator", "integrator", "ambassador"])
async def test_only_an_admin_records_changes_or_deletes_a_cost(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine, role: str
) -> None:
    cost = await record(client, admin_a)
    headers = bearer(mint(tenant_a, role))

    async with nothing_written(engine):
        assert_problem(await client.post("/v1/programme-costs", json=COST, headers=headers), 403, "forbidden")
        path = f"/v1/programme-costs/{cost['id']}"
        assert_problem(await client.patch(path, json={"amount_minor": 1}, headers=headers), 403, "forbidden")
        assert_problem(await client.delete(path, headers=headers), 403, "forbidden")
    assert (await stored_row(engine, "programme_costs", cost["id"]))["amount_minor"] == 180_000


@pytest.mark.parametrize("role", ["moderator", "integrator", "ambassador"])
async def test_roles_that_do_not_read_metrics_do_not_read_costs(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], role: str
) -> None:
    cost = await record(client, admin_a)
    headers = bearer(mint(tenant_a, role))

    assert_problem(await client.get("/v1/programme-costs", headers=headers), 403, "forbidden")
    assert_problem(await client.get(f"/v1/programme-costs/{cost['id']}", headers=headers), 403, "forbidden")


async def test_a_cost_in_another_currency_than_the_programme_s_is_refused_at_currency(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/programme-costs", json=COST | {"currency": "USD"}, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", "currency"]]
    assert "programme's currency, EUR" in problem["errors"][0]["message"]

    changed = await client.patch("/v1/settings", json={"currency": "USD"}, headers=admin_a)
    assert changed.status_code == 200, changed.text
    assert (
        await client.post("/v1/programme-costs", json=COST | {"currency": "USD"}, headers=admin_a)
    ).status_code == 201


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"amount_minor": -1}, ["body", "amount_minor"]),
        ({"amount_minor": 12.5}, ["body", "amount_minor"]),
        ({"budget_line": "travel"}, ["body", "budget_line"]),
        ({"incurred_on": "01/03/2026"}, ["body", "incurred_on"]),
        ({"currency": "eur"}, ["body", "currency"]),
        ({"description": "   "}, ["body", "description"]),
    ],
)
async def test_a_bad_cost_is_refused_naming_the_field(
    client: httpx.AsyncClient, admin_a: dict[str, str], body: dict[str, Any], where: list[str]
) -> None:
    problem = assert_problem(
        await client.post("/v1/programme-costs", json=COST | body, headers=admin_a), 422, "validation-failed"
    )
    assert error_locations(problem) == [where]


async def test_a_change_honours_if_match_and_bumps_the_version(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    cost = await record(client, admin_a)
    path = f"/v1/programme-costs/{cost['id']}"

    changed = await client.patch(
        path, json={"amount_minor": 175_000, "description": None}, headers=admin_a | {"If-Match": '"v1"'}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["amount_minor"], changed.json()["description"], changed.json()["version"]) == (
        175_000,
        None,
        2,
    )
    assert changed.headers["ETag"] == '"v2"'

    stale = await client.patch(path, json={"amount_minor": 1}, headers=admin_a | {"If-Match": '"v1"'})
    assert_problem(stale, 412, "precondition-failed")
    assert_problem(await client.delete(path, headers=admin_a | {"If-Match": '"v1"'}), 412, "precondition-failed")
    assert (await stored_row(engine, "programme_costs", cost["id"]))["amount_minor"] == 175_000

    deleted = await client.delete(path, headers=admin_a | {"If-Match": '"v2"'})
    assert deleted.status_code == 204, deleted.text
    assert_problem(await client.get(path, headers=admin_a), 404, "not-found")


async def test_null_is_refused_where_a_cost_cannot_be_cleared(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    cost = await record(client, admin_a)

    response = await client.patch(f"/v1/programme-costs/{cost['id']}", json={"amount_minor": None}, headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "amount_minor"]]


async def test_costs_list_the_latest_recorded_first_filtered_by_day_and_line(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    march = await record(client, admin_a, incurred_on="2026-03-01", budget_line="platform")
    rewards = await record(client, admin_a, incurred_on="2026-03-31", budget_line="rewards")
    april = await record(client, admin_a, incurred_on="2026-04-01", budget_line="platform")

    first = (await client.get("/v1/programme-costs", params={"limit": 2}, headers=admin_a)).json()
    assert [item["id"] for item in first["items"]] == [april["id"], rewards["id"]]
    rest = await client.get("/v1/programme-costs", params={"limit": 2, "cursor": first["next_cursor"]}, headers=admin_a)
    assert ([item["id"] for item in rest.json()["items"]], rest.json()["next_cursor"]) == ([march["id"]], None)

    in_march = await client.get(
        "/v1/programme-costs", params={"from": "2026-03-01", "to": "2026-03-31"}, headers=admin_a
    )
    assert [item["id"] for item in in_march.json()["items"]] == [rewards["id"], march["id"]]
    platform = await client.get("/v1/programme-costs", params={"budget_line": "platform"}, headers=admin_a)
    assert [item["id"] for item in platform.json()["items"]] == [april["id"], march["id"]]
    backwards = await client.get(
        "/v1/programme-costs", params={"from": "2026-04-01", "to": "2026-03-01"}, headers=admin_a
    )
    assert error_locations(assert_problem(backwards, 422, "validation-failed")) == [["query", "to"]]


async def test_another_tenant_neither_reads_nor_changes_a_cost(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str], engine: AsyncEngine
) -> None:
    ours = await record(client, admin_a)
    path = f"/v1/programme-costs/{ours['id']}"

    async with nothing_written(engine):
        assert_problem(await client.get(path, headers=admin_b), 404, "not-found")
        assert_problem(await client.patch(path, json={"amount_minor": 1}, headers=admin_b), 404, "not-found")
        assert_problem(await client.delete(path, headers=admin_b), 404, "not-found")
    assert (await client.get("/v1/programme-costs", headers=admin_b)).json() == {"items": [], "next_cursor": None}
    assert (await stored_row(engine, "programme_costs", ours["id"]))["amount_minor"] == 180_000
    missing = await data_of(
        client, "query ($id: ID!) { programmeCost(id: $id) { uuid } }", admin_b, id=node_id("ProgrammeCost", ours["id"])
    )
    assert missing == {"programmeCost": None}


# GraphQL

COST_FIELDS = "id uuid version budgetLine incurredOn amountMinor currency description recordedBy"
RECORD = (
    """
mutation ($input: ProgrammeCostInput!) {
  recordProgrammeCost(input: $input) {
    __typename
    ... on ProgrammeCost { """
    + COST_FIELDS
    + """ }
    ... on ValidationError { code fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
)
UPDATE = (
    """
mutation ($id: ID!, $input: ProgrammeCostChangesInput!, $version: Int) {
  updateProgrammeCost(id: $id, input: $input, expectedVersion: $version) {
    __typename
    ... on ProgrammeCost { """
    + COST_FIELDS
    + """ }
    ... on ValidationError { code fieldErrors { path message } }
    ... on NotFoundError { resource }
    ... on Error { code message }
  }
}"""
)
DELETE = """
mutation ($id: ID!, $version: Int) {
  deleteProgrammeCost(id: $id, expectedVersion: $version) {
    __typename
    ... on DeletedProgrammeCost { programmeCostId }
    ... on Error { code }
  }
}"""
LIST = """
query ($from: Date, $to: Date, $line: BudgetLine) {
  programmeCosts(first: 10, from: $from, to: $to, budgetLine: $line) {
    edges { node { uuid budgetLine amountMinor } }
    pageInfo { hasNextPage }
  }
}"""
GQL_COST = {
    "budgetLine": "ANIMATION",
    "incurredOn": "2026-03-12",
    "amountMinor": 2_500_000_000_00,
    "currency": "EUR",
    "description": "Ambassadors' day in Lyon.",
}


async def test_graphql_keeps_the_same_costs_as_rest_with_typed_failures(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    recorded = (await data_of(client, RECORD, admin_a, input=GQL_COST))["recordProgrammeCost"]
    assert recorded["__typename"] == "ProgrammeCost"
    assert (recorded["amountMinor"], recorded["budgetLine"], recorded["version"]) == (250_000_000_000, "ANIMATION", 1)
    rest = (await client.get(f"/v1/programme-costs/{recorded['uuid']}", headers=admin_a)).json()
    assert (rest["amount_minor"], rest["budget_line"], rest["incurred_on"]) == (
        250_000_000_000,
        "animation",
        "2026-03-12",
    )

    refused = (await data_of(client, RECORD, admin_a, input=GQL_COST | {"currency": "USD"}))["recordProgrammeCost"]
    assert refused["__typename"] == "ValidationError"
    assert [error["path"] for error in refused["fieldErrors"]] == [["currency"]]
    forbidden = await data_of(client, RECORD, bearer(mint(tenant_a, "manager")), input=GQL_COST)
    assert forbidden["recordProgrammeCost"]["__typename"] == "ForbiddenError"

    changed = (await data_of(client, UPDATE, admin_a, id=recorded["id"], input={"description": None}, version=1))[
        "updateProgrammeCost"
    ]
    assert (changed["__typename"], changed["description"], changed["version"]) == ("ProgrammeCost", None, 2)
    stale = await data_of(client, UPDATE, admin_a, id=recorded["id"], input={"amountMinor": 1}, version=1)
    assert stale["updateProgrammeCost"]["__typename"] == "PreconditionFailedError"
    null = await data_of(client, UPDATE, admin_a, id=recorded["id"], input={"amountMinor": None})
    assert null["updateProgrammeCost"]["__typename"] == "ValidationError"

    listed = (await data_of(client, LIST, bearer(mint(tenant_a, "analyst")), line="ANIMATION"))["programmeCosts"]
    assert [edge["node"]["uuid"] for edge in listed["edges"]] == [recorded["uuid"]]
    elsewhere = (await data_of(client, LIST, admin_a, **{"from": "2026-04-01"}))["programmeCosts"]
    assert elsewhere["edges"] == []

    deleted = (await data_of(client, DELETE, admin_a, id=recorded["id"], version=2))["deleteProgrammeCost"]
    assert deleted == {"__typename": "DeletedProgrammeCost", "programmeCostId": recorded["id"]}
    gone = (await data_of(client, DELETE, admin_a, id=recorded["id"]))["deleteProgrammeCost"]
    assert gone == {"__typename": "NotFoundError", "code": "not-found"}
    node = await data_of(client, "query ($id: ID!) { node(id: $id) { id } }", admin_a, id=recorded["id"])
    assert node == {"node": None}
