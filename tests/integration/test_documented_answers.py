"""What the server really answers is what its OpenAPI document says it may answer."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import PROBLEM_JSON, create_employee


@pytest.fixture
async def document(client: httpx.AsyncClient) -> dict[str, Any]:
    served: dict[str, Any] = (await client.get("/openapi.json")).json()
    return served


def assert_documented(document: dict[str, Any], method: str, path: str, answer: httpx.Response) -> None:
    """The answer's status is declared for the operation; a problem's type is one it lists for that status."""
    declared = document["paths"][path][method]["responses"]
    status = str(answer.status_code)
    assert status in declared, f"{method.upper()} {path} answered an undeclared {status}"
    if answer.headers.get("content-type") == PROBLEM_JSON:
        examples = declared[status]["content"][PROBLEM_JSON]["examples"]
        assert answer.json()["type"].rsplit(":", 1)[1] in examples


async def test_a_repeated_invitation_answers_a_declared_200_with_the_membership(
    client: httpx.AsyncClient, document: dict[str, Any], admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a)
    path = "/v1/ambassadors/invitations"
    first = await client.post(path, json={"employee_id": employee["id"]}, headers=admin_a)
    again = await client.post(path, json={"employee_id": employee["id"]}, headers=admin_a)

    assert (first.status_code, again.status_code) == (201, 200)
    for answer in (first, again):
        assert_documented(document, "post", path, answer)
    declared = document["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert declared == {"$ref": "#/components/schemas/AmbassadorOut"}


async def test_refusals_answer_the_problem_types_their_operations_list(
    client: httpx.AsyncClient, document: dict[str, Any], admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    employee = await create_employee(client, admin_a)
    outsider = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|not-joined"))
    malformed = await client.post(
        "/v1/employees", content=b'{"email": ', headers={**admin_a, "content-type": "application/json"}
    )
    not_joined = await client.post(
        "/v1/shares", json={"content_id": str(UUID(int=1)), "network": "linkedin"}, headers=outsider
    )
    stale = await client.patch(
        f"/v1/employees/{employee['id']}", json={"department": "Sales"}, headers={**admin_a, "If-Match": '"v99"'}
    )
    unknown_link = await client.get("/r/k3Jx9QpA")

    assert [answer.status_code for answer in (malformed, not_joined, stale, unknown_link)] == [400, 409, 412, 404]
    assert_documented(document, "post", "/v1/employees", malformed)
    assert_documented(document, "post", "/v1/shares", not_joined)
    assert_documented(document, "patch", "/v1/employees/{employee_id}", stale)
    assert_documented(document, "get", "/r/{code}", unknown_link)
