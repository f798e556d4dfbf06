"""Access tokens: every bad token is a 401 problem, every missing role a 403, and neither writes anything."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, create_employee, nothing_written, person, row_counts
from tests.support.tokens import HOSTILE_TOKENS, TokenFactory


def assert_unauthenticated(response: httpx.Response, challenge: str = 'Bearer error="invalid_token"') -> str:
    """A 401 problem with the Bearer challenge (RFC 6750); returns the detail."""
    body = assert_problem(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"] == challenge
    detail: str = body["detail"]
    return detail


async def test_a_request_without_a_token_is_challenged_without_an_error_code(client: httpx.AsyncClient) -> None:
    detail = assert_unauthenticated(await client.get("/v1/employees"), challenge="Bearer")
    assert "Authorization" in detail


async def test_a_token_of_another_scheme_is_challenged_for_a_bearer_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/me", headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    assert_unauthenticated(response, challenge="Bearer")


@pytest.mark.parametrize("name", sorted(HOSTILE_TOKENS))
async def test_a_hostile_token_is_refused_and_writes_nothing(
    client: httpx.AsyncClient, issuer: DevIssuer, engine: AsyncEngine, name: str
) -> None:
    factory: TokenFactory = HOSTILE_TOKENS[name]
    headers = bearer(factory(issuer))
    before = await row_counts(engine)

    created = await client.post("/v1/employees", json=person(), headers=headers)
    read = await client.get("/v1/me", headers=headers)

    assert_unauthenticated(created)
    assert_unauthenticated(read)
    assert await row_counts(engine) == before


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("expired", "expired"),
        ("not_yet_valid", "not valid yet"),
        ("wrong_issuer", "issuer"),
        ("wrong_audience", "audience"),
        ("alg_none", "algorithm"),
        ("hs256_with_public_key_pem", "algorithm"),
        ("signed_by_unknown_key", "unknown key"),
        ("jku_header", "jku"),
    ],
)
async def test_the_refusal_says_what_is_wrong_with_the_token(
    client: httpx.AsyncClient, issuer: DevIssuer, name: str, reason: str
) -> None:
    response = await client.get("/v1/employees", headers=bearer(HOSTILE_TOKENS[name](issuer)))
    assert reason in assert_unauthenticated(response)


async def test_the_refusal_never_echoes_library_internals(client: httpx.AsyncClient, issuer: DevIssuer) -> None:
    response = await client.get("/v1/employees", headers=bearer(HOSTILE_TOKENS["tampered_payload"](issuer)))
    assert_unauthenticated(response)
    assert set(response.json()) == {"type", "title", "status", "detail"}


async def test_a_token_for_an_organisation_that_does_not_exist_cannot_add_employees(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine
) -> None:
    stranger = bearer(mint(UUID("01960000-0000-7000-8000-0000000000aa"), "admin"))
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(), headers=stranger)
    assert "organisation" in assert_problem(response, 403, "forbidden")["detail"]


async def test_an_ambassador_cannot_add_employees(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    before = await row_counts(engine)
    ambassador = bearer(mint(tenant_a, "ambassador", email="amb@acme.example"))
    response = await client.post("/v1/employees", json=person(), headers=ambassador)
    body = assert_problem(response, 403, "forbidden")
    assert "admin" in body["detail"]
    assert await row_counts(engine) == before


async def test_an_analyst_cannot_edit_an_employee(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a, department="Sales")
    analyst = bearer(mint(tenant_a, "analyst"))

    response = await client.patch(f"/v1/employees/{employee['id']}", json={"department": "Legal"}, headers=analyst)

    assert_problem(response, 403, "forbidden")
    unchanged = await client.get(f"/v1/employees/{employee['id']}", headers=analyst)
    assert unchanged.status_code == 200
    assert unchanged.json()["department"] == "Sales"


async def test_a_manager_cannot_create_tenants(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID) -> None:
    manager = bearer(mint(tenant_a, "manager"))
    response = await client.post("/v1/tenants", json={"slug": "initech", "name": "Initech"}, headers=manager)
    assert "operator" in assert_problem(response, 403, "forbidden")["detail"]


async def test_an_operator_has_no_roster_of_their_own(
    client: httpx.AsyncClient, operator_headers: dict[str, str]
) -> None:
    assert_problem(await client.get("/v1/employees", headers=operator_headers), 403, "forbidden")


async def test_an_ambassador_cannot_pause_memberships(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a)
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": employee["id"]}, headers=admin_a)
    ambassador = bearer(mint(tenant_a, "ambassador"))
    response = await client.patch(f"/v1/ambassadors/{invited.json()['id']}", json={"notes": "x"}, headers=ambassador)
    assert_problem(response, 403, "forbidden")
