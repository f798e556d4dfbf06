"""SCIM as Entra ID and Okta speak it, on PostgreSQL: their quirks, departures and rehires, ETags, and
tokens that only ever see their own organisation."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import join_as_ambassador, nothing_written
from tests.integration.scim_helpers import ENTERPRISE, assert_scim_error, bearer, create, patch, register_scim, user


async def listed(client: httpx.AsyncClient, scim: dict[str, str], query: str) -> list[dict[str, Any]]:
    response = await client.get("/scim/v2/Users", params={"filter": query}, headers=scim)
    assert response.status_code == 200, response.text
    resources: list[dict[str, Any]] = response.json().get("Resources", [])
    return resources


async def test_filters_find_users_by_user_name_external_id_address_and_status(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    ada = await create(client, scim, user("ada@acme.example", externalId="e-1"))
    grace = await create(client, scim, user("grace@acme.example", given="Grace", family="Hopper", externalId="e-2"))

    assert [u["id"] for u in await listed(client, scim, 'userName eq "ADA@acme.example"')] == [ada["id"]]
    assert [u["id"] for u in await listed(client, scim, 'externalId eq "e-2"')] == [grace["id"]]
    assert len(await listed(client, scim, 'emails.value co "@acme" and active eq true')) == 2
    assert [u["id"] for u in await listed(client, scim, 'userName sw "gr" or externalId eq "none"')] == [grace["id"]]
    assert len(await listed(client, scim, "externalId pr")) == 2
    page = await client.get("/scim/v2/Users", params={"startIndex": 2, "count": 1}, headers=scim)
    assert (page.json()["totalResults"], page.json()["startIndex"]) == (2, 2)
    assert [u["id"] for u in page.json()["Resources"]] == [grace["id"]]
    refused = await client.get("/scim/v2/Users", params={"filter": 'userName eq "unclosed'}, headers=scim)
    assert_scim_error(refused, 400, "invalidFilter")


async def test_entra_style_patch_with_capitalised_ops_string_booleans_and_path_filters(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    ada = await create(client, scim, user("ada@acme.example"))
    body = patch(
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "ada.lovelace@acme.example"},
        {"op": "Add", "path": "name.familyName", "value": "King"},
        {"op": "Replace", "path": "active", "value": "False"},
    )

    response = await client.patch(f"/scim/v2/Users/{ada['id']}", json=body, headers=scim)

    assert response.status_code == 200, response.text
    got = response.json()
    assert (got["emails"][0]["value"], got["name"]["familyName"], got["active"]) == (
        "ada.lovelace@acme.example",
        "King",
        False,
    )
    employee = (await client.get(f"/v1/employees/{ada['id']}", headers=admin_a)).json()
    assert (employee["email"], employee["status"]) == ("ada.lovelace@acme.example", "terminated")


async def test_inactive_ends_the_membership_for_departure_and_active_rehires(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    ada = await create(client, scim, user("ada@acme.example"))
    await join_as_ambassador(client, mint, tenant_a, {"email": "ada@acme.example"}, "ada-sub")
    url = f"/scim/v2/Users/{ada['id']}"

    left = await client.patch(url, json=patch({"op": "replace", "value": {"active": False}}), headers=scim)
    back = await client.patch(url, json=patch({"op": "replace", "path": "active", "value": True}), headers=scim)

    assert left.status_code == 200, left.text
    assert back.json()["active"] is True
    ambassadors = (await client.get("/v1/ambassadors", headers=admin_a)).json()["items"]
    [membership] = [a for a in ambassadors if a["employee_id"] == ada["id"]]
    assert membership["status"] != "active"
    employee = (await client.get(f"/v1/employees/{ada['id']}", headers=admin_a)).json()
    assert employee["status"] == "active"


async def test_okta_style_put_replaces_the_user_and_delete_terminates_and_forgets(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a, name="Okta"))
    ada = await create(client, scim, user("ada@acme.example"))
    url = f"/scim/v2/Users/{ada['id']}"
    replacement = user("ada@acme.example", given="Augusta") | {ENTERPRISE: {"department": "R&D", "employeeNumber": "7"}}

    put = await client.put(url, json=replacement, headers=scim | {"If-Match": ada["meta"]["version"]})
    stale = await client.put(url, json=replacement, headers=scim | {"If-Match": ada["meta"]["version"]})
    deleted = await client.delete(url, headers=scim)

    assert put.status_code == 200, put.text
    assert (put.json()["name"]["givenName"], put.json()[ENTERPRISE]["department"]) == ("Augusta", "R&D")
    assert_scim_error(stale, 412)
    assert deleted.status_code == 204
    assert_scim_error(await client.get(url, headers=scim), 404)
    employee = (await client.get(f"/v1/employees/{ada['id']}", headers=admin_a)).json()
    assert (employee["status"], employee["given_name"]) == ("terminated", "Augusta")


async def test_a_taken_user_name_is_a_uniqueness_error(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    scim = bearer(await register_scim(client, admin_a))
    await create(client, scim, user("ada@acme.example"))

    again = await client.post("/scim/v2/Users", json=user("ADA@acme.example"), headers=scim)

    assert_scim_error(again, 409, "uniqueness")


async def test_a_token_sees_its_own_organisation_only_and_a_revoked_one_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    integration_a = await register_scim(client, admin_a)
    scim_a, scim_b = bearer(integration_a), bearer(await register_scim(client, admin_b))
    ada = await create(client, scim_a, user("ada@acme.example"))

    assert_scim_error(await client.get(f"/scim/v2/Users/{ada['id']}", headers=scim_b), 404)
    assert await listed(client, scim_b, 'userName eq "ada@acme.example"') == []
    revoked = await client.post(f"/v1/integrations/{integration_a['id']}/revoke", headers=admin_a)
    assert revoked.status_code in (200, 204), revoked.text
    assert_scim_error(await client.get("/scim/v2/Users", headers=scim_a), 401)
    assert_scim_error(await client.get("/scim/v2/Users", headers=scim_a | {"Authorization": "Bearer nope"}), 401)
    no_token = {k: v for k, v in scim_a.items() if k != "Authorization"}
    assert_scim_error(await client.get("/scim/v2/Users", headers=no_token), 401)


async def test_a_user_sent_with_a_bad_token_or_without_an_address_writes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    nameless = user("not-an-address") | {"emails": [{"value": "", "type": "work"}]}

    async with nothing_written(engine):
        unsigned = await client.post(
            "/scim/v2/Users", json=user("ada@acme.example"), headers=scim | {"Authorization": "Bearer x"}
        )
        invalid = await client.post("/scim/v2/Users", json=nameless, headers=scim)

    assert_scim_error(unsigned, 401)
    assert unsigned.headers["WWW-Authenticate"].startswith("Bearer")
    assert_scim_error(invalid, 400)


async def test_during_a_rotation_both_tokens_work_and_an_immediate_one_ends_the_old(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    integration = await register_scim(client, admin_a)
    rotate = f"/v1/integrations/{integration['id']}/rotate"

    overlapping = (await client.post(rotate, json={"overlap_seconds": 3600}, headers=admin_a)).json()
    both = [
        (await client.get("/scim/v2/Users", headers=bearer(each))).status_code for each in (integration, overlapping)
    ]
    immediate = (await client.post(rotate, json={"overlap_seconds": 0}, headers=admin_a)).json()

    assert both == [200, 200]
    assert_scim_error(await client.get("/scim/v2/Users", headers=bearer(overlapping)), 401)
    assert (await client.get("/scim/v2/Users", headers=bearer(immediate))).status_code == 200
