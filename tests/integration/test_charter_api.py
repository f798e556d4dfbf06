"""The charter over REST: publishing versions, reading them, accepting the current one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
    outbox_events,
    stored_row,
)

CHARTER = {"title": "Charte des ambassadeurs", "body": "# Règles\n\n- Partagez ce que vous aimez.\n"}


async def publish(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/charter/versions", json=CHARTER | fields, headers=headers)
    assert response.status_code == 201, response.text
    published: dict[str, Any] = response.json()
    return published


async def accept(client: httpx.AsyncClient, headers: dict[str, str], version: int) -> httpx.Response:
    return await client.post("/v1/me/charter-acceptance", json={"charter_version": version}, headers=headers)


@pytest.fixture
async def member(client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID) -> dict[str, str]:
    employee = await create_employee(client, admin_a, email="ada@acme.example")
    return await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")


async def test_no_charter_is_a_problem_until_one_is_published(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    assert_problem(await client.get("/v1/charter", headers=admin_a), 404, "charter-not-published")
    listed = await client.get("/v1/charter/versions", headers=admin_a)
    assert listed.json() == {"items": [], "next_cursor": None}


async def test_each_version_takes_the_next_number_and_the_last_is_in_force(
    client: httpx.AsyncClient, admin_a: dict[str, str], member: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    response = await client.post("/v1/charter/versions", json=CHARTER, headers=admin_a)
    assert response.status_code == 201, response.text
    assert response.headers["Location"] == "/v1/charter"
    first = response.json()
    second = await publish(client, admin_a, title="Charte 2027", summary="Une règle sur les rumeurs.")

    assert (first["number"], second["number"]) == (1, 2)
    assert first["body"] == CHARTER["body"]
    assert (second["summary"], first["summary"]) == ("Une règle sur les rumeurs.", None)
    current = await client.get("/v1/charter", headers=member)
    assert current.json() == second
    published = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "charter.published"]
    assert [data["number"] for data in published] == [1, 2]


async def test_versions_are_listed_oldest_first_page_by_page(
    client: httpx.AsyncClient, admin_a: dict[str, str], member: dict[str, str]
) -> None:
    for number in range(1, 4):
        await publish(client, admin_a, title=f"Version {number}")

    first = (await client.get("/v1/charter/versions", params={"limit": 2}, headers=member)).json()
    rest = (
        await client.get("/v1/charter/versions", params={"limit": 2, "cursor": first["next_cursor"]}, headers=member)
    ).json()

    assert [item["number"] for item in first["items"]] == [1, 2]
    assert [item["number"] for item in rest["items"]] == [3]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize("role", ["manager", "moderator", "analyst", "ambassador", "integrator"])
async def test_only_admins_publish(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, engine: AsyncEngine, role: str
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/charter/versions", json=CHARTER, headers=bearer(mint(tenant_a, role)))

    assert_problem(response, 403, "forbidden")


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        (CHARTER | {"number": 7}, [["body", "number"]]),
        ({"body": "Text"}, [["body", "title"]]),
        (CHARTER | {"title": ""}, [["body", "title"]]),
        (CHARTER | {"title": "One\nTwo"}, [["body", "title"]]),
        (CHARTER | {"body": "   "}, [["body", "body"]]),
        (CHARTER | {"body": "a\u0000b"}, [["body", "body"]]),
        (CHARTER | {"summary": "x" * 2001}, [["body", "summary"]]),
    ],
)
async def test_an_invalid_version_is_refused_and_nothing_is_published(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    engine: AsyncEngine,
    body: dict[str, Any],
    locations: list[list[str | int]],
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/charter/versions", json=body, headers=admin_a)

    assert error_locations(assert_problem(response, 422)) == locations


async def test_simultaneous_publications_never_share_a_number(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    responses = await asyncio.gather(
        *(client.post("/v1/charter/versions", json=CHARTER, headers=admin_a) for _ in range(3))
    )

    published = [response.json()["number"] for response in responses if response.status_code == 201]
    assert sorted(published) == list(range(1, len(published) + 1))
    for refused in (response for response in responses if response.status_code != 201):
        assert_problem(refused, 409, "duplicate-value")


async def test_a_member_accepts_the_current_version_and_their_status_follows_new_versions(
    client: httpx.AsyncClient, admin_a: dict[str, str], member: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    assert (await client.get("/v1/me", headers=member)).json()["charter_status"] == "accepted"
    await publish(client, admin_a)
    assert (await client.get("/v1/me", headers=member)).json()["charter_status"] == "needs_acceptance"

    accepted = await accept(client, member, 1)

    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["charter_version"] == 1
    assert accepted.json()["charter_accepted_at"] is not None
    stored = await stored_row(engine, "ambassadors", accepted.json()["id"])
    assert accepted.headers["ETag"] == f'"v{stored["version"]}"'
    assert stored["charter_version"] == 1
    me = (await client.get("/v1/me", headers=member)).json()
    assert (me["charter_status"], me["ambassador"]["charter_version"]) == ("accepted", 1)
    events = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "charter.accepted"]
    assert [(data["id"], data["version"]) for data in events] == [(accepted.json()["id"], 1)]

    await publish(client, admin_a, title="Version 2")
    assert (await client.get("/v1/me", headers=member)).json()["charter_status"] == "needs_acceptance"


async def test_accepting_again_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], member: dict[str, str], engine: AsyncEngine
) -> None:
    await publish(client, admin_a)
    first = await accept(client, member, 1)

    async with nothing_written(engine):
        again = await accept(client, member, 1)

    assert again.status_code == 200
    assert again.json() == first.json()


@pytest.mark.parametrize("version", [1, 3])
async def test_a_version_other_than_the_current_one_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], member: dict[str, str], engine: AsyncEngine, version: int
) -> None:
    await publish(client, admin_a)
    await publish(client, admin_a)

    async with nothing_written(engine):
        response = await accept(client, member, version)

    problem = assert_problem(response, 409, "charter-version-not-current")
    assert problem["current_version"] == 2


async def test_nothing_can_be_accepted_before_a_charter_exists(
    client: httpx.AsyncClient, member: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await accept(client, member, 1)

    assert assert_problem(response, 409, "charter-version-not-current")["current_version"] is None


async def test_acceptance_needs_a_membership(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    await publish(client, admin_a)
    employee = await create_employee(client, admin_a, email="bob@acme.example")
    not_member = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|bob"))
    stranger = bearer(mint(tenant_a, "ambassador", email="nobody@acme.example"))

    async with nothing_written(engine):
        assert_problem(await accept(client, not_member, 1), 409, "not-an-ambassador")
        assert_problem(await accept(client, stranger, 1), 403, "employee-not-linked")


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        ({}, [["body", "charter_version"]]),
        ({"charter_version": 0}, [["body", "charter_version"]]),
        ({"charter_version": 1, "x": 1}, [["body", "x"]]),
        ({"charter_version": "1"}, [["body", "charter_version"]]),
        ({"version": 1}, [["body", "charter_version"], ["body", "version"]]),
    ],
)
async def test_an_invalid_acceptance_is_a_problem(
    client: httpx.AsyncClient,
    member: dict[str, str],
    engine: AsyncEngine,
    body: dict[str, Any],
    locations: list[list[str | int]],
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/me/charter-acceptance", json=body, headers=member)

    assert error_locations(assert_problem(response, 422)) == locations


async def test_staff_find_who_must_accept_in_one_statement(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    count_statements: Callable[[], Any],
) -> None:
    members = {}
    for name in ("ada", "bob", "cy"):
        employee = await create_employee(client, admin_a, email=f"{name}@acme.example")
        members[name] = await join_as_ambassador(client, mint, tenant_a, employee, subject=f"idp|{name}")
    ids = {
        name: (await client.get("/v1/me", headers=headers)).json()["ambassador"]["id"]
        for name, headers in members.items()
    }

    async def listed(status: str) -> list[str]:
        response = await client.get("/v1/ambassadors", params={"charter_status": status}, headers=admin_a)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await listed("needs_acceptance") == []
    assert await listed("accepted") == list(ids.values())
    await publish(client, admin_a)
    await accept(client, members["ada"], 1)
    await publish(client, admin_a, title="v2")
    await accept(client, members["bob"], 2)

    with count_statements() as counter:
        needing = await listed("needs_acceptance")

    assert needing == [ids["ada"], ids["cy"]]
    assert await listed("accepted") == [ids["bob"]]
    assert len([s for s in counter.statements if s.lstrip().upper().startswith("SELECT")]) == 1


async def test_the_charter_is_the_tenants_own(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    member: dict[str, str],
    engine: AsyncEngine,
) -> None:
    await publish(client, admin_b, title="Globex charter")
    await publish(client, admin_b, title="Globex charter 2")

    assert_problem(await client.get("/v1/charter", headers=member), 404, "charter-not-published")
    assert (await client.get("/v1/charter/versions", headers=member)).json()["items"] == []
    async with nothing_written(engine):
        assert_problem(await accept(client, member, 2), 409, "charter-version-not-current")
    assert (await publish(client, admin_a))["number"] == 1
