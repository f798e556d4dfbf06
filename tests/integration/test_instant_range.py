"""Instants and dates outside the years Relais keeps (1900 to 9998, instants in UTC) are refused at their
field, in every body and query of the contract and in GraphQL. At the edges of what Python holds they
overflowed when converted to UTC (a 500), or were stored as PostgreSQL's infinities and read back
without an offset."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem
from tests.support.openapi_walk import (
    SIGNED_INTAKES,
    Field,
    body_fields,
    formats,
    operations,
    query_parameters,
    with_value,
)

DOCUMENT = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
EVERY_ROLE = ("admin", "manager", "moderator", "analyst", "ambassador", "integrator", "operator")
OUTSIDE = {
    "date-time": [
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999Z",
        "1899-12-31T23:59:59.999999Z",
        "1900-01-01T00:30:00+01:00",
        "9999-01-01T00:00:00Z",
        "9998-12-31T23:30:00-01:00",
    ],
    "date": ["0001-01-01", "9999-12-31", "1899-12-31", "9999-01-01"],
}


def _instant_fields() -> list[Field]:
    return [
        field
        for operation in operations(DOCUMENT)
        if operation.name not in SIGNED_INTAKES
        for field in [*body_fields(DOCUMENT, operation), *query_parameters(operation)]
        if formats(DOCUMENT, field.schema) & set(OUTSIDE)
    ]


INSTANT_FIELDS = _instant_fields()


def test_the_walk_finds_the_instant_fields_of_bodies_and_queries() -> None:
    names = {field.name for field in INSTANT_FIELDS}
    assert {
        "POST /v1/campaigns body.starts_at",
        "PATCH /v1/contents/{content_id} body.expires_at",
        "POST /v1/employees body.hired_on",
        "POST /v1/shares/{share_id}/engagement body.observed_at",
        "GET /v1/conversions query.occurred_from",
        "GET /v1/me/shares query.created_to",
    } <= names
    assert len(names) >= 20


@pytest.fixture
def anyone(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    """A caller every operation admits, so that only the value is judged."""
    return bearer(mint(tenant_a, *EVERY_ROLE, email="all@acme.example"))


@pytest.mark.parametrize("field", INSTANT_FIELDS, ids=lambda field: field.name)
async def test_an_instant_outside_the_kept_years_is_refused_at_its_field(
    client: httpx.AsyncClient, anyone: dict[str, str], field: Field
) -> None:
    kind = "date" if "date" in formats(DOCUMENT, field.schema) else "date-time"
    for value in OUTSIDE[kind]:
        if field.location == "body":
            sent = {"json": with_value(field.path, value)}
        else:
            sent = {"params": {field.path[0]: value}}
        response = await client.request(field.operation.method, field.operation.url(), headers=anyone, **sent)
        problem = assert_problem(response, 422, "validation-failed")
        messages = {tuple(error["loc"]): error["message"] for error in problem["errors"]}
        where = (field.location, *field.path)
        assert where in messages, (value, messages)
        assert "years 1900 to 9998" in messages[where], value


async def test_the_first_and_last_kept_instants_are_stored_and_read_back_with_their_offset(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    body = {
        "name": "Long run",
        "slug": "long-run",
        "starts_at": "1900-01-01T01:00:00+01:00",
        "ends_at": "9998-12-31T23:59:59.999999Z",
    }
    created = await client.post("/v1/campaigns", json=body, headers=admin_a)
    assert created.status_code == 201, created.text
    read = (await client.get(f"/v1/campaigns/{created.json()['id']}", headers=admin_a)).json()
    assert datetime.fromisoformat(read["starts_at"]) == datetime(1900, 1, 1, tzinfo=UTC)
    assert datetime.fromisoformat(read["ends_at"]) == datetime(9998, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert read["ends_at"].endswith("Z")


async def test_a_refusal_speaks_french_when_asked(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    body = {"name": "Spring", "slug": "spring", "starts_at": "0001-01-01T00:00:00+01:00"}
    headers = admin_a | {"Accept-Language": "fr"}
    problem = assert_problem(await client.post("/v1/campaigns", json=body, headers=headers), 422)
    assert problem["errors"] == [
        {
            "loc": ["body", "starts_at"],
            "message": "Valeur refusée : Donnez une date et heure des années 1900 à 9998 (UTC), par exemple "
            "2025-03-01T09:00:00Z.",
        }
    ]


CAMPAIGNS = "query ($at: DateTime) { campaigns(activeAt: $at) { edges { cursor } } }"
EMPLOYEE_ID = base64.b64encode(b"Employee:0190a6f0-0000-7000-8000-000000000000").decode()
TERMINATE = f'mutation ($on: Date) {{ terminateEmployee(id: "{EMPLOYEE_ID}", terminatedOn: $on) {{ __typename }} }}'


@pytest.mark.parametrize(
    ("query", "variables"),
    [(CAMPAIGNS, {"at": value}) for value in OUTSIDE["date-time"]]
    + [(TERMINATE, {"on": value}) for value in OUTSIDE["date"]],
)
async def test_graphql_refuses_an_instant_outside_the_kept_years_in_plain_words(
    client: httpx.AsyncClient, admin_a: dict[str, str], query: str, variables: dict[str, Any]
) -> None:
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=admin_a)
    assert response.status_code == 200, response.text
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "invalid-query"}
    assert "outside the years 1900 to 9998" in error["message"], error["message"]


async def test_graphql_takes_an_instant_at_the_edge_of_the_kept_years(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    variables = {"at": "9998-12-31T23:59:59.999999+00:00"}
    response = await client.post("/graphql", json={"query": CAMPAIGNS, "variables": variables}, headers=admin_a)
    assert response.json() == {"data": {"campaigns": {"edges": []}}}
