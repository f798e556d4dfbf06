"""GraphQL requests refused before any operation runs are RFC 9457 problems, as REST's are."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
import pytest

from tests.integration.conftest import Mint, bearer

PROBLEM = "urn:relais:problem:"
QUERY = "{ employees(first: 1) { edges { node { id } } } }"


@pytest.fixture
def admin(mint: Mint) -> dict[str, str]:
    return bearer(mint(uuid4(), "admin", email="admin@acme.example"))


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"] == PROBLEM + slug
    assert body["status"] == status
    return body


async def test_a_batch_of_operations_is_refused_as_a_problem(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/graphql", json=[{"query": QUERY}, {"query": QUERY}], headers=admin)
    body = problem(response, 400, "bad-request")
    assert body["detail"] == "Send one operation per request: a list of operations is not accepted."


async def test_a_mutation_over_get_is_refused_with_the_method_to_use(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    mutation = 'mutation { createTenant(input: {slug: "x", name: "X"}) { __typename } }'
    response = await client.get("/graphql", params={"query": mutation}, headers=admin)
    body = problem(response, 405, "method-not-allowed")
    assert response.headers["Allow"] == "POST"
    assert body["detail"] == "A mutation is sent with POST, not GET."


async def test_a_form_body_is_refused_as_not_json(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/graphql", data={"query": QUERY}, headers=admin)
    body = problem(response, 415, "unsupported-media-type")
    assert body["detail"] == "Send the body as application/json, not application/x-www-form-urlencoded."


@pytest.mark.parametrize(
    "content",
    [b'{"query": ', b'{"query": "\xff\xfe"}', b"[" * 10_000 + b"]" * 10_000],
    ids=["truncated", "not UTF-8", "nested 10,000 deep"],
)
async def test_a_body_that_does_not_parse_is_malformed_json(
    client: httpx.AsyncClient, admin: dict[str, str], content: bytes
) -> None:
    response = await client.post("/graphql", content=content, headers={**admin, "Content-Type": "application/json"})
    body = problem(response, 400, "malformed-json")
    assert body["detail"] == "The request body is not valid JSON."


@pytest.mark.parametrize("content", [b'"{ me { subject } }"', b"42", b"null"])
async def test_a_json_body_that_is_no_object_is_refused(
    client: httpx.AsyncClient, admin: dict[str, str], content: bytes
) -> None:
    response = await client.post("/graphql", content=content, headers={**admin, "Content-Type": "application/json"})
    body = problem(response, 400, "bad-request")
    assert body["detail"] == "Send a JSON object holding the operation in query, and variables if it has any."


async def test_an_operation_without_a_document_is_refused_in_the_callers_language(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.post("/graphql", json={"variables": {}}, headers={**admin, "Accept-Language": "fr"})
    body = problem(response, 400, "bad-request")
    assert body["detail"] == "Envoyez le document GraphQL dans query."
    assert response.headers["Content-Language"] == "fr"


async def test_a_valid_operation_is_still_answered_as_graphql(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/graphql", json={"query": QUERY}, headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"data": {"employees": {"edges": []}}}
