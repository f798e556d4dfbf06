"""The caller's own view: who they are, linking to the roster, preferences and social accounts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
    stored_row,
)


@pytest.fixture
async def employee(client: httpx.AsyncClient, admin_a: dict[str, str]) -> dict[str, Any]:
    return await create_employee(client, admin_a, given_name="Ada", family_name="Lovelace", email="ada@acme.example")


@pytest.fixture
async def member(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any]) -> dict[str, str]:
    return await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")


def unverified_token(issuer: DevIssuer, tenant_id: UUID, email: str, subject: str) -> str:
    claims = issuer.claims(
        tenant_id=tenant_id, subject=subject, roles=["ambassador"], email=email, now=datetime.now(UTC)
    )
    claims["email_verified"] = False
    return issuer.sign(claims)


async def test_a_staff_member_off_the_roster_sees_their_identity_only(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID
) -> None:
    me = await client.get("/v1/me", headers=admin_a)
    assert me.status_code == 200, me.text
    assert me.json() == {
        "subject": "admin-admin@acme.example",
        "tenant_id": str(tenant_a),
        "email": "admin@acme.example",
        "roles": ["admin"],
        "employee": None,
        "ambassador": None,
        "social_accounts": [],
        "charter_status": None,
    }


async def test_an_operator_has_no_tenant(client: httpx.AsyncClient, operator_headers: dict[str, str]) -> None:
    me = await client.get("/v1/me", headers=operator_headers)
    assert (me.json()["tenant_id"], me.json()["roles"], me.json()["employee"]) == (None, ["operator"], None)


async def test_a_verified_email_on_the_roster_links_the_token_to_the_employee(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    employee: dict[str, Any],
    engine: AsyncEngine,
) -> None:
    token = bearer(mint(tenant_a, "ambassador", email="ADA@Acme.Example", subject="idp|ada"))

    me = await client.get("/v1/me", headers=token)

    assert me.status_code == 200, me.text
    assert me.json()["employee"]["id"] == employee["id"]
    assert me.json()["employee"]["idp_subject"] == "idp|ada"
    assert (await stored_row(engine, "employees", employee["id"]))["idp_subject"] == "idp|ada"
    roster = await client.get(f"/v1/employees/{employee['id']}", headers=admin_a)
    assert roster.json()["idp_subject"] == "idp|ada"
    # Once linked, the subject alone is enough, whatever e-mail the token carries.
    later = bearer(mint(tenant_a, "ambassador", email="ada.l@elsewhere.example", subject="idp|ada"))
    assert (await client.get("/v1/me", headers=later)).json()["employee"]["id"] == employee["id"]


async def test_a_roster_record_that_names_the_subject_is_found_without_an_email(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    grace = await create_employee(client, admin_a, given_name="Grace", idp_subject="idp|grace")
    me = await client.get("/v1/me", headers=bearer(mint(tenant_a, "ambassador", subject="idp|grace")))
    assert (me.json()["email"], me.json()["employee"]["id"]) == (None, grace["id"])


async def test_an_unverified_email_does_not_link(
    client: httpx.AsyncClient, issuer: DevIssuer, tenant_a: UUID, employee: dict[str, Any], engine: AsyncEngine
) -> None:
    token = bearer(unverified_token(issuer, tenant_a, employee["email"], subject="idp|impostor"))

    me = await client.get("/v1/me", headers=token)
    joined = await client.post("/v1/me/opt-in", headers=token)

    assert me.status_code == 200, me.text
    assert (me.json()["email"], me.json()["employee"], me.json()["ambassador"]) == (employee["email"], None, None)
    assert_problem(joined, 403, "employee-not-linked")
    assert (await stored_row(engine, "employees", employee["id"]))["idp_subject"] is None


async def test_an_employee_linked_to_one_identity_is_not_claimed_by_another(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any], member: dict[str, str]
) -> None:
    other = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|someone-else"))
    me = await client.get("/v1/me", headers=other)
    assert me.json()["employee"] is None
    assert (await client.get("/v1/me", headers=member)).json()["employee"]["idp_subject"] == "idp|ada"


async def test_a_member_sees_their_membership_and_accounts(
    client: httpx.AsyncClient, member: dict[str, str], employee: dict[str, Any]
) -> None:
    connected = await client.post(
        "/v1/me/social-accounts", json={"network": "linkedin", "handle": "adalovelace"}, headers=member
    )
    me = (await client.get("/v1/me", headers=member)).json()
    assert (me["employee"]["id"], me["ambassador"]["status"]) == (employee["id"], "active")
    assert me["social_accounts"] == [connected.json()]


async def test_preferences_are_replaced_and_normalised(client: httpx.AsyncClient, member: dict[str, str]) -> None:
    before = await client.get("/v1/me", headers=member)
    body = {
        "languages": ["en-gb", "FR", "en-GB"],
        "topics": [" Culture ", "product", "culture"],
        "max_shares_per_week": 3,
        "leaderboard_visible": True,
    }

    saved = await client.put("/v1/me/preferences", json=body, headers=member)
    replaced = await client.put("/v1/me/preferences", json={"topics": ["hiring"]}, headers=member)

    assert saved.status_code == 200, saved.text
    assert saved.json()["preferences"] == {
        "languages": ["en-GB", "fr"],
        "topics": ["culture", "product"],
        "max_shares_per_week": 3,
        "leaderboard_visible": True,
    }
    assert saved.headers["ETag"] != '"v1"'
    assert replaced.json()["preferences"] == {
        "languages": [],
        "topics": ["hiring"],
        "max_shares_per_week": None,
        "leaderboard_visible": False,
    }
    assert before.json()["ambassador"]["preferences"]["leaderboard_visible"] is False
    assert (await client.get("/v1/me", headers=member)).json()["ambassador"] == replaced.json()


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"languages": ["fr", "not a language"]}, ["body", "languages", 1]),
        ({"topics": ["culture", "!!!"]}, ["body", "topics", 1]),
        ({"topics": ["x" * 65]}, ["body", "topics", 0]),
        ({"max_shares_per_week": 51}, ["body", "max_shares_per_week"]),
        ({"max_shares_per_week": -1}, ["body", "max_shares_per_week"]),
        ({"leaderboard_visible": "maybe"}, ["body", "leaderboard_visible"]),
        ({"languages": "fr"}, ["body", "languages"]),
        ({"theme": "dark"}, ["body", "theme"]),
    ],
)
async def test_invalid_preferences_are_refused_naming_the_field(
    client: httpx.AsyncClient, member: dict[str, str], engine: AsyncEngine, body: dict[str, Any], location: list[Any]
) -> None:
    before = (await client.get("/v1/me", headers=member)).json()["ambassador"]
    async with nothing_written(engine):
        response = await client.put("/v1/me/preferences", json=body, headers=member)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [location]
    assert (await client.get("/v1/me", headers=member)).json()["ambassador"] == before


async def test_preferences_need_a_membership(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any]
) -> None:
    token = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|ada"))
    response = await client.put("/v1/me/preferences", json={"topics": ["culture"]}, headers=token)
    assert_problem(response, 409, "not-an-ambassador")


async def test_a_member_connects_lists_and_disconnects_social_accounts(
    client: httpx.AsyncClient, member: dict[str, str]
) -> None:
    linkedin = await client.post(
        "/v1/me/social-accounts",
        json={"network": "linkedin", "handle": " adalovelace ", "audience_size": 1200},
        headers=member,
    )
    x = await client.post("/v1/me/social-accounts", json={"network": "x", "handle": "adalovelace"}, headers=member)

    assert linkedin.status_code == 201, linkedin.text
    assert (linkedin.json()["network"], linkedin.json()["handle"]) == ("linkedin", "adalovelace")
    assert linkedin.json()["audience_size"] == 1200
    assert x.status_code == 201, x.text
    assert x.json()["audience_size"] == 0
    listed = await client.get("/v1/me/social-accounts", headers=member)
    assert listed.json() == [linkedin.json(), x.json()]

    removed = await client.delete(f"/v1/me/social-accounts/{linkedin.json()['id']}", headers=member)

    assert removed.status_code == 204
    assert removed.content == b""
    assert (await client.get("/v1/me/social-accounts", headers=member)).json() == [x.json()]
    again = await client.delete(f"/v1/me/social-accounts/{linkedin.json()['id']}", headers=member)
    assert_problem(again, 404, "not-found")


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"network": "myspace", "handle": "ada"}, ["body", "network"]),
        ({"network": "LinkedIn", "handle": "ada"}, ["body", "network"]),
        ({"network": "x", "handle": "ada", "audience_size": -1}, ["body", "audience_size"]),
        ({"network": "x", "handle": ""}, ["body", "handle"]),
        ({"network": "x", "handle": "   "}, ["body", "handle"]),
        ({"network": "x"}, ["body", "handle"]),
        ({"network": "x", "handle": "ada", "followers": 10}, ["body", "followers"]),
    ],
)
async def test_an_invalid_social_account_is_refused_naming_the_field(
    client: httpx.AsyncClient, member: dict[str, str], engine: AsyncEngine, body: dict[str, Any], location: list[Any]
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/me/social-accounts", json=body, headers=member)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [location]


async def test_the_same_handle_cannot_be_connected_twice_on_a_network(
    client: httpx.AsyncClient, member: dict[str, str], engine: AsyncEngine
) -> None:
    first = await client.post("/v1/me/social-accounts", json={"network": "x", "handle": "AdaLovelace"}, headers=member)
    assert first.status_code == 201, first.text
    async with nothing_written(engine):
        again = await client.post(
            "/v1/me/social-accounts", json={"network": "x", "handle": "adalovelace"}, headers=member
        )
    assert error_locations(assert_problem(again, 409, "duplicate-value")) == [["body", "handle"]]
    assert (await client.get("/v1/me/social-accounts", headers=member)).json() == [first.json()]


async def test_a_colleagues_account_cannot_be_disconnected(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, member: dict[str, str]
) -> None:
    colleague = await create_employee(client, admin_a, given_name="Grace", family_name="Hopper")
    colleague_headers = await join_as_ambassador(client, mint, tenant_a, colleague, subject="idp|grace")
    theirs = await client.post(
        "/v1/me/social-accounts", json={"network": "linkedin", "handle": "gracehopper"}, headers=colleague_headers
    )

    response = await client.delete(f"/v1/me/social-accounts/{theirs.json()['id']}", headers=member)

    assert_problem(response, 404, "not-found")
    assert (await client.get("/v1/me/social-accounts", headers=colleague_headers)).json() == [theirs.json()]
    assert (await client.get("/v1/me/social-accounts", headers=member)).json() == []


async def test_social_accounts_need_a_membership(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any]
) -> None:
    token = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|ada"))
    listed = await client.get("/v1/me/social-accounts", headers=token)
    connected = await client.post("/v1/me/social-accounts", json={"network": "x", "handle": "ada"}, headers=token)
    assert_problem(listed, 409, "not-an-ambassador")
    assert_problem(connected, 409, "not-an-ambassador")


async def test_a_caller_off_the_roster_cannot_join(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID) -> None:
    stranger = bearer(mint(tenant_a, "ambassador", email="stranger@elsewhere.example", subject="idp|stranger"))
    response = await client.post("/v1/me/opt-in", headers=stranger)
    assert "not linked" in assert_problem(response, 403, "employee-not-linked")["detail"]
