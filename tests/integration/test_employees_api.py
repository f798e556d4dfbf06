"""The roster over REST: create, read, filter, page, edit with If-Match, terminate; and the events it records."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, create_employee, error_locations, join_as_ambassador, person

ROSTER = [
    {"given_name": "Ada", "family_name": "Lovelace", "email": "ada@analytical.example", "department": "R&D",
     "location": "London"},
    {"given_name": "Grace", "family_name": "Hopper", "email": "grace@navy.example", "department": "R&D",
     "location": "New York"},
    {"given_name": "Alan", "family_name": "Turing", "email": "alan@bletchley.example", "department": "Sales",
     "location": "London"},
    {"given_name": "Katherine", "family_name": "Johnson", "email": "kj@nasa.example", "department": "Sales",
     "location": "Hampton"},
    {"given_name": "Edsger", "family_name": "Dijkstra", "email": "ewd100%@utexas.example", "department": "Support",
     "location": "Austin"},
]  # fmt: skip


@pytest.fixture
async def roster(client: httpx.AsyncClient, admin_a: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The roster by given name; Katherine has left the company."""
    people: dict[str, dict[str, Any]] = {}
    for entry in ROSTER:
        created = await client.post("/v1/employees", json=entry, headers=admin_a)
        assert created.status_code == 201, created.text
        people[entry["given_name"]] = created.json()
    terminated = await client.post(f"/v1/employees/{people['Katherine']['id']}/terminate", headers=admin_a)
    assert terminated.status_code == 200, terminated.text
    return people


async def test_creating_an_employee_returns_it_with_its_location_and_etag(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID
) -> None:
    integrator = bearer(mint(tenant_a, "integrator", subject="hris-sync"))
    body = person("Ada", "Lovelace", email="Ada@Analytical.Example", external_id="HR-1", language="en-gb")

    created = await client.post("/v1/employees", json=body, headers=integrator)

    assert created.status_code == 201, created.text
    employee = created.json()
    assert created.headers["Location"] == f"/v1/employees/{employee['id']}"
    assert created.headers["ETag"] == '"v1"'
    assert employee["email"] == "Ada@analytical.example"
    assert (employee["status"], employee["language"], employee["external_id"]) == ("active", "en-GB", "HR-1")
    assert UUID(employee["id"]).version == 7
    created_at = datetime.fromisoformat(employee["created_at"])
    assert created_at.utcoffset() == UTC.utcoffset(None)
    read = await client.get(created.headers["Location"], headers=integrator)
    assert read.status_code == 200
    assert read.json() == employee
    assert read.headers["ETag"] == created.headers["ETag"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Ada", "Grace", "Alan", "Katherine", "Edsger"]),
        ({"department": "R&D"}, ["Ada", "Grace"]),
        ({"location": "London"}, ["Ada", "Alan"]),
        ({"department": "Sales", "location": "London"}, ["Alan"]),
        ({"status": "terminated"}, ["Katherine"]),
        ({"status": "active", "department": "Sales"}, ["Alan"]),
        ({"q": "hop"}, ["Grace"]),
        ({"q": "ADA LOVE"}, ["Ada"]),
        ({"q": "Bletchley"}, ["Alan"]),
        ({"q": "o"}, ["Ada", "Grace", "Katherine"]),
        ({"q": "a", "department": "Sales", "status": "active"}, ["Alan"]),
        ({"q": "100%"}, ["Edsger"]),
        ({"q": "%"}, ["Edsger"]),
        ({"q": "_"}, []),
        ({"department": "r&d"}, []),
    ],
    ids=lambda value: "&".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None,
)
async def test_the_roster_is_filtered_by_department_location_status_and_search(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    roster: dict[str, dict[str, Any]],
    query: dict[str, str],
    expected: list[str],
) -> None:
    response = await client.get("/v1/employees", params=query, headers=admin_a)
    assert response.status_code == 200, response.text
    assert [item["given_name"] for item in response.json()["items"]] == expected
    assert response.json()["next_cursor"] is None


@pytest.mark.parametrize("query", [{}, {"status": "active"}, {"q": "o"}])
async def test_walking_every_page_gives_each_employee_once(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]], query: dict[str, str]
) -> None:
    everyone = await client.get("/v1/employees", params=query | {"limit": "100"}, headers=admin_a)
    expected = [item["id"] for item in everyone.json()["items"]]
    seen: list[str] = []
    sizes: list[int] = []
    cursor: str | None = None
    while True:
        params = query | {"limit": "2"} | ({"cursor": cursor} if cursor else {})
        page = await client.get("/v1/employees", params=params, headers=admin_a)
        assert page.status_code == 200, page.text
        seen += [item["id"] for item in page.json()["items"]]
        sizes.append(len(page.json()["items"]))
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
        assert len(sizes) < 10, "the pages never end"
    assert seen == expected
    assert len(set(seen)) == len(seen)
    assert sizes == [2] * (len(expected) // 2) + ([len(expected) % 2] if len(expected) % 2 else [])


async def test_a_page_holds_twenty_employees_unless_asked_otherwise(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    for _ in range(21):
        await create_employee(client, admin_a)
    first = (await client.get("/v1/employees", headers=admin_a)).json()
    rest = (await client.get("/v1/employees", params={"cursor": first["next_cursor"]}, headers=admin_a)).json()
    assert (len(first["items"]), len(rest["items"]), rest["next_cursor"]) == (20, 1, None)


async def test_an_invalid_cursor_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    page = await client.get("/v1/employees", params={"limit": "2"}, headers=admin_a)
    cursor = page.json()["next_cursor"]
    assert cursor

    for bad in ("not-a-cursor", cursor[:-3], "eyJhZnRlciI6IDF9", "bnVsbA"):
        response = await client.get("/v1/employees", params={"cursor": bad}, headers=admin_a)
        problem = assert_problem(response, 422, "validation-failed")
        assert error_locations(problem) == [["query", "cursor"]]


async def test_a_patch_with_the_current_etag_changes_the_employee_and_the_etag(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    ada = roster["Ada"]
    url = f"/v1/employees/{ada['id']}"
    read = await client.get(url, headers=admin_a)

    patched = await client.patch(
        url,
        json={"department": "Engineering", "location": None, "manager_id": roster["Grace"]["id"]},
        headers=admin_a | {"If-Match": read.headers["ETag"]},
    )

    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] == '"v2"' != read.headers["ETag"]
    after = await client.get(url, headers=admin_a)
    assert after.headers["ETag"] == '"v2"'
    assert (after.json()["department"], after.json()["location"]) == ("Engineering", None)
    assert after.json()["manager_id"] == roster["Grace"]["id"]
    assert after.json()["given_name"] == "Ada"
    assert after.json()["updated_at"] > ada["updated_at"]


async def test_a_merge_patch_document_is_accepted(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    response = await client.patch(
        f"/v1/employees/{roster['Ada']['id']}",
        content=b'{"location": "Cambridge"}',
        headers=admin_a | {"Content-Type": "application/merge-patch+json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["location"] == "Cambridge"


async def test_a_patch_that_changes_nothing_keeps_the_etag(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    url = f"/v1/employees/{roster['Ada']['id']}"
    patched = await client.patch(url, json={"department": "R&D"}, headers=admin_a | {"If-Match": '"v1"'})
    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] == '"v1"'


async def test_a_required_field_cannot_be_cleared(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    url = f"/v1/employees/{roster['Ada']['id']}"
    response = await client.patch(url, json={"email": None, "given_name": None}, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", "email"], ["body", "given_name"]]
    assert (await client.get(url, headers=admin_a)).json()["email"] == "ada@analytical.example"


async def test_an_employee_cannot_be_their_own_manager(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    ada = roster["Ada"]["id"]
    response = await client.patch(f"/v1/employees/{ada}", json={"manager_id": ada}, headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "manager_id"]]


async def test_terminating_an_employee_ends_their_membership(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, roster: dict[str, dict[str, Any]]
) -> None:
    ada = roster["Ada"]
    member = await join_as_ambassador(client, mint, tenant_a, ada, subject="idp|ada")
    url = f"/v1/employees/{ada['id']}"
    etag = (await client.get(url, headers=admin_a)).headers["ETag"]

    terminated = await client.post(
        f"{url}/terminate", json={"terminated_on": "2025-06-30"}, headers=admin_a | {"If-Match": etag}
    )

    assert terminated.status_code == 200, terminated.text
    assert (terminated.json()["status"], terminated.json()["terminated_on"]) == ("terminated", "2025-06-30")
    assert terminated.headers["ETag"] != etag
    membership = (await client.get("/v1/me", headers=member)).json()["ambassador"]
    assert membership["status"] == "left"
    assert membership["left_at"] is not None


async def test_termination_defaults_to_today(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    response = await client.post(f"/v1/employees/{roster['Ada']['id']}/terminate", headers=admin_a)
    assert response.status_code == 200, response.text
    assert response.json()["terminated_on"] == datetime.now(UTC).date().isoformat()


async def test_a_terminated_employee_cannot_opt_in(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, roster: dict[str, dict[str, Any]]
) -> None:
    katherine = bearer(mint(tenant_a, "ambassador", email="kj@nasa.example", subject="idp|kj"))
    response = await client.post("/v1/me/opt-in", headers=katherine)
    assert_problem(response, 409, "employee-terminated")
    assert (await client.get("/v1/me", headers=katherine)).json()["ambassador"] is None


async def test_a_former_ambassador_who_was_terminated_cannot_opt_in_again(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, roster: dict[str, dict[str, Any]]
) -> None:
    ada = roster["Ada"]
    member = await join_as_ambassador(client, mint, tenant_a, ada, subject="idp|ada")
    await client.post(f"/v1/employees/{ada['id']}/terminate", headers=admin_a)

    response = await client.post("/v1/me/opt-in", headers=member)

    assert_problem(response, 409, "employee-terminated")
    assert (await client.get("/v1/me", headers=member)).json()["ambassador"]["status"] == "left"


async def test_a_terminated_employee_can_be_neither_edited_invited_nor_terminated_again(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, dict[str, Any]]
) -> None:
    katherine = roster["Katherine"]["id"]
    edited = await client.patch(f"/v1/employees/{katherine}", json={"department": "R&D"}, headers=admin_a)
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": katherine}, headers=admin_a)
    again = await client.post(f"/v1/employees/{katherine}/terminate", headers=admin_a)

    assert_problem(edited, 409, "invalid-transition")
    assert_problem(invited, 409, "employee-terminated")
    assert_problem(again, 409, "invalid-transition")
    assert (await client.get(f"/v1/employees/{katherine}", headers=admin_a)).json()["department"] == "Sales"


async def test_the_outbox_records_the_employees_journey_in_order(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    ada = await create_employee(client, admin_a, email="ada@analytical.example", department="R&D")
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": ada["id"]}, headers=admin_a)
    await join_as_ambassador(client, mint, tenant_a, ada, subject="idp|ada")
    await client.post(f"/v1/employees/{ada['id']}/terminate", json={"terminated_on": "2025-06-30"}, headers=admin_a)

    async with engine.connect() as connection:
        rows = (await connection.execute(sa.text("SELECT tenant_id, type, data FROM outbox ORDER BY id"))).all()

    assert [row.type for row in rows] == [
        "tenant.created",
        "employee.created",
        "ambassador.invited",
        "ambassador.joined",
        "employee.terminated",
        "ambassador.left",
    ]
    assert {row.tenant_id for row in rows} == {tenant_a}
    created, invitation, joined, terminated, left = (row.data for row in rows[1:])
    assert (created["id"], created["email"], created["department"]) == (ada["id"], ada["email"], "R&D")
    for event in (invitation, joined, left):
        assert (event["id"], event["employee_id"]) == (invited.json()["id"], ada["id"])
    assert joined["invited"] is True
    assert terminated == {"id": ada["id"], "terminated_on": date(2025, 6, 30).isoformat()}
    assert left["reason"] == "employee_terminated"
