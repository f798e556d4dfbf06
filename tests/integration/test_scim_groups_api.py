"""SCIM groups through HTTP on PostgreSQL: a group is a department, its members' department follows."""

from __future__ import annotations

import httpx

from tests.integration.scim_helpers import assert_scim_error, bearer, create, patch, register_scim, user

GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"


async def department(client: httpx.AsyncClient, admin: dict[str, str], employee_id: str) -> str | None:
    found: dict[str, str | None] = (await client.get(f"/v1/employees/{employee_id}", headers=admin)).json()
    return found["department"]


async def test_okta_group_push_sets_renames_and_clears_departments(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a, name="Okta"))
    ada = await create(client, scim, user("ada@acme.example"))
    grace = await create(client, scim, user("grace@acme.example", given="Grace", family="Hopper"))

    pushed = await client.post(
        "/scim/v2/Groups",
        json={"schemas": [GROUP], "displayName": "R&D", "members": [{"value": ada["id"]}]},
        headers=scim,
    )
    assert pushed.status_code == 201, pushed.text
    group = pushed.json()
    url = f"/scim/v2/Groups/{group['id']}"
    added = await client.patch(
        url, json=patch({"op": "Add", "path": "members", "value": [{"value": grace["id"]}]}), headers=scim
    )
    assert added.status_code == 200, added.text
    assert {m["value"] for m in added.json()["members"]} == {ada["id"], grace["id"]}
    assert await department(client, admin_a, grace["id"]) == "R&D"

    removed = await client.patch(
        url, json=patch({"op": "remove", "path": f'members[value eq "{ada["id"]}"]'}), headers=scim
    )
    assert removed.status_code == 200, removed.text
    assert await department(client, admin_a, ada["id"]) is None

    renamed = await client.put(
        url, json={"schemas": [GROUP], "displayName": "Research", "members": [{"value": grace["id"]}]}, headers=scim
    )
    assert renamed.status_code == 200, renamed.text
    assert await department(client, admin_a, grace["id"]) == "Research"
    found = await client.get("/scim/v2/Groups", params={"filter": 'displayName eq "research"'}, headers=scim)
    assert [g["id"] for g in found.json()["Resources"]] == [group["id"]]

    assert (await client.delete(url, headers=scim)).status_code == 204
    assert await department(client, admin_a, grace["id"]) is None
    assert_scim_error(await client.get(url, headers=scim), 404)


async def test_a_group_of_another_organisation_is_not_found(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    scim_a, scim_b = bearer(await register_scim(client, admin_a)), bearer(await register_scim(client, admin_b))
    pushed = await client.post("/scim/v2/Groups", json={"schemas": [GROUP], "displayName": "Sales"}, headers=scim_a)

    assert_scim_error(await client.get(f"/scim/v2/Groups/{pushed.json()['id']}", headers=scim_b), 404)
    listed = await client.get("/scim/v2/Groups", headers=scim_b)
    assert listed.json()["totalResults"] == 0


async def test_entra_removes_members_by_value_and_finds_groups_by_external_id(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    scim = bearer(await register_scim(client, admin_a))
    ada = await create(client, scim, user("ada@acme.example"))
    body = {"schemas": [GROUP], "displayName": "Sales", "externalId": "g-1", "members": [{"value": ada["id"]}]}
    group = (await client.post("/scim/v2/Groups", json=body, headers=scim)).json()

    removed = await client.patch(
        f"/scim/v2/Groups/{group['id']}",
        json=patch({"op": "Remove", "path": "members", "value": [{"value": ada["id"]}]}),
        headers=scim,
    )
    found = await client.get("/scim/v2/Groups", params={"filter": 'externalId eq "g-1"'}, headers=scim)

    assert removed.status_code == 200, removed.text
    assert not removed.json().get("members")
    assert await department(client, admin_a, ada["id"]) is None
    assert [g["id"] for g in found.json()["Resources"]] == [group["id"]]
    nested = {"schemas": [GROUP], "displayName": "All", "members": [{"value": group["id"]}]}
    assert_scim_error(await client.post("/scim/v2/Groups", json=nested, headers=scim), 400)
