"""SCIM users through HTTP on PostgreSQL: an identity provider creates, finds, changes and removes users
with its integration's token; the roster follows, and nothing crosses tenants."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from tests.integration.scim_helpers import (
    ENTERPRISE,
    SCIM,
    assert_scim_error,
    bearer,
    create,
    patch,
    register_scim,
    user,
)


async def employee(client: httpx.AsyncClient, admin: dict[str, str], employee_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/employees/{employee_id}", headers=admin)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


async def test_a_created_user_is_an_employee_and_reads_back_as_sent(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    body = user("ada@acme.example", externalId="entra-1", preferredLanguage="fr")
    body[ENTERPRISE] = {"employeeNumber": "HR-1", "department": "R&D"}

    created = await create(client, scim, body)

    read = await client.get(f"/scim/v2/Users/{created['id']}", headers=scim)
    assert read.status_code == 200, read.text
    assert read.headers["content-type"].startswith(SCIM)
    assert read.headers["ETag"] == created["meta"]["version"]
    got = read.json()
    assert (got["userName"], got["externalId"], got["active"]) == ("ada@acme.example", "entra-1", True)
    assert got[ENTERPRISE]["employeeNumber"] == "HR-1"
    ada = await employee(client, admin_a, created["id"])
    assert (ada["email"], ada["external_id"], ada["department"], ada["language"]) == (
        "ada@acme.example",
        "HR-1",
        "R&D",
        "fr",
    )


async def test_a_patch_adds_and_removes_attributes_as_sent(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    scim = bearer(await register_scim(client, admin_a))
    created = await create(client, scim, user("grace@acme.example", preferredLanguage="fr"))
    url = f"/scim/v2/Users/{created['id']}"

    added = await client.patch(
        url, json=patch({"op": "add", "path": f"{ENTERPRISE}:employeeNumber", "value": "HR-7"}), headers=scim
    )
    removed = await client.patch(url, json=patch({"op": "remove", "path": "preferredLanguage"}), headers=scim)

    assert added.status_code == 200, added.text
    assert added.json()[ENTERPRISE]["employeeNumber"] == "HR-7"
    assert removed.status_code == 200, removed.text
    assert "preferredLanguage" not in removed.json()
    assert (await employee(client, admin_a, created["id"]))["language"] is None


async def test_a_page_of_users_costs_the_same_statements_for_2_and_12_users(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    counts, made = [], 0
    for size in (2, 12):
        while made < size:
            await create(client, scim, user(f"u{made}@acme.example"))
            made += 1
        with count_statements() as counter:
            listed = await client.get("/scim/v2/Users", params={"filter": "active eq true"}, headers=scim)
        assert listed.json()["totalResults"] == size
        counts.append(len(counter.statements))

    assert counts[0] == counts[1]
    assert counts[0] <= 3, counts  # the token, the page with its count, its employees


async def test_refusals_before_routing_are_in_scim_format_too(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    huge = user("ada@acme.example") | {"displayName": "x" * 2_000_000}

    too_large = await client.post("/scim/v2/Users", json=huge, headers=scim)
    unknown = await client.get("/scim/v2/Teams", headers=scim)
    not_allowed = await client.put("/scim/v2/Users", json=user("ada@acme.example"), headers=scim)

    assert_scim_error(too_large, 413)
    assert_scim_error(unknown, 404)
    assert_scim_error(not_allowed, 405)
