"""If-Match is judged last: a request refused for its body, its caller or its target is refused for that,
whatever its If-Match says (RFC 9110, 13.2.1), and only a change that would succeed fails on a stale ETag."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, create_employee, stored_row

UNKNOWN_ID = "01960000-0000-7000-8000-0000000000ff"
NAMES_NO_VERSION = {"If-Match": "garbage"}


@pytest.fixture
async def employee(client: httpx.AsyncClient, admin_a: dict[str, str]) -> dict[str, Any]:
    return await create_employee(client, admin_a, department="Sales")


async def test_a_caller_without_the_role_is_forbidden_whatever_the_if_match(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any]
) -> None:
    ambassador = bearer(mint(tenant_a, "ambassador", subject="idp|someone"))
    response = await client.patch(
        f"/v1/employees/{employee['id']}", json={"department": "Legal"}, headers=ambassador | NAMES_NO_VERSION
    )
    assert_problem(response, 403, "forbidden")


async def test_a_missing_resource_is_not_found_whatever_the_if_match(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.post(f"/v1/contents/{UNKNOWN_ID}/submit", headers=admin_a | NAMES_NO_VERSION)
    assert_problem(response, 404, "not-found")


async def test_a_missing_body_is_invalid_whatever_the_if_match(
    client: httpx.AsyncClient, admin_a: dict[str, str], employee: dict[str, Any]
) -> None:
    response = await client.patch(f"/v1/employees/{employee['id']}", headers=admin_a | NAMES_NO_VERSION)
    assert_problem(response, 422, "validation-failed")


async def test_a_malformed_id_is_invalid_whatever_the_if_match(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.post("/v1/campaigns/not-an-id/launch", headers=admin_a | NAMES_NO_VERSION)
    problem = assert_problem(response, 422, "validation-failed")
    assert problem["errors"][0]["loc"] == ["path", "campaign_id"]


async def test_an_if_match_naming_no_version_fails_a_change_that_would_succeed(
    client: httpx.AsyncClient, admin_a: dict[str, str], employee: dict[str, Any], engine: AsyncEngine
) -> None:
    response = await client.patch(
        f"/v1/employees/{employee['id']}", json={"department": "Legal"}, headers=admin_a | NAMES_NO_VERSION
    )
    problem = assert_problem(response, 412, "precondition-failed")
    assert "version 1" in problem["detail"]
    assert (await stored_row(engine, "employees", employee["id"]))["department"] == "Sales"
