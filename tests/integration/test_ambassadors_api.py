"""Programme membership as staff see it: invitations, joining and leaving, pause and resume."""

from __future__ import annotations

import asyncio
from datetime import datetime
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
)


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


@pytest.fixture
async def employee(client: httpx.AsyncClient, admin_a: dict[str, str]) -> dict[str, Any]:
    return await create_employee(client, admin_a, given_name="Ada", family_name="Lovelace")


@pytest.fixture
def employee_headers(mint: Mint, tenant_a: UUID, employee: dict[str, Any]) -> dict[str, str]:
    """The employee's own token: their roster e-mail, verified by the identity provider."""
    return bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|ada"))


async def invite(client: httpx.AsyncClient, headers: dict[str, str], employee_id: str) -> httpx.Response:
    return await client.post("/v1/ambassadors/invitations", json={"employee_id": employee_id}, headers=headers)


def at(timestamp: str | None) -> datetime:
    assert timestamp is not None
    return datetime.fromisoformat(timestamp)


async def test_an_invitation_is_created_once_and_then_returned_as_it_stands(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], engine: AsyncEngine, tenant_a: UUID
) -> None:
    first = await invite(client, manager, employee["id"])
    async with nothing_written(engine):
        again = await invite(client, manager, employee["id"])

    assert first.status_code == 201, first.text
    invitation = first.json()
    assert (invitation["employee_id"], invitation["status"]) == (employee["id"], "invited")
    assert invitation["invited_at"] is not None
    assert invitation["consented_at"] is None
    assert first.headers["Location"] == f"/v1/ambassadors/{invitation['id']}"
    assert first.headers["ETag"] == '"v1"'
    assert again.status_code == 200, again.text
    assert again.json() == invitation
    assert again.headers["ETag"] == first.headers["ETag"]
    events = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert events.count("ambassador.invited") == 1


async def test_simultaneous_invitations_make_one_membership(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], engine: AsyncEngine, tenant_a: UUID
) -> None:
    responses = await asyncio.gather(*(invite(client, manager, employee["id"]) for _ in range(3)))

    assert sorted(response.status_code for response in responses) == [200, 200, 201]
    assert len({response.json()["id"] for response in responses}) == 1
    events = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert events.count("ambassador.invited") == 1


async def test_an_invitation_is_readable_with_its_etag(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any]
) -> None:
    invited = await invite(client, manager, employee["id"])
    read = await client.get(invited.headers["Location"], headers=manager)
    assert read.status_code == 200
    assert read.json() == invited.json()
    assert read.headers["ETag"] == invited.headers["ETag"]


async def test_an_unknown_employee_cannot_be_invited(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await invite(client, manager, "01960000-0000-7000-8000-0000000000ff")
    assert_problem(response, 404, "not-found")


async def test_an_analyst_reads_memberships_but_cannot_invite(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, employee: dict[str, Any]
) -> None:
    analyst = bearer(mint(tenant_a, "analyst"))
    assert_problem(await invite(client, analyst, employee["id"]), 403, "forbidden")
    listed = await client.get("/v1/ambassadors", headers=analyst)
    assert listed.status_code == 200
    assert listed.json() == {"items": [], "next_cursor": None}


async def test_opting_in_after_an_invitation_records_consent(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    invitation = (await invite(client, manager, employee["id"])).json()

    joined = await client.post("/v1/me/opt-in", headers=employee_headers)

    assert joined.status_code == 200, joined.text
    membership = joined.json()
    assert (membership["id"], membership["status"]) == (invitation["id"], "active")
    assert membership["invited_at"] == invitation["invited_at"]
    assert at(membership["consented_at"]) >= at(invitation["invited_at"])
    staff_view = await client.get(f"/v1/ambassadors/{invitation['id']}", headers=manager)
    assert staff_view.json()["consented_at"] == membership["consented_at"]


async def test_opting_in_without_an_invitation_records_consent(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    joined = await client.post("/v1/me/opt-in", headers=employee_headers)

    assert joined.status_code == 200, joined.text
    membership = joined.json()
    assert (membership["employee_id"], membership["status"]) == (employee["id"], "active")
    assert membership["invited_at"] is None
    assert at(membership["consented_at"]) == at(membership["created_at"])
    listed = await client.get("/v1/ambassadors", headers=manager)
    assert [item["id"] for item in listed.json()["items"]] == [membership["id"]]


async def test_opting_in_twice_changes_nothing(
    client: httpx.AsyncClient, employee: dict[str, Any], employee_headers: dict[str, str], engine: AsyncEngine
) -> None:
    first = await client.post("/v1/me/opt-in", headers=employee_headers)
    async with nothing_written(engine):
        second = await client.post("/v1/me/opt-in", headers=employee_headers)
    assert second.status_code == 200
    assert second.json() == first.json()
    assert second.headers["ETag"] == first.headers["ETag"]


async def test_simultaneous_opt_ins_join_once(
    client: httpx.AsyncClient,
    employee_headers: dict[str, str],
    employee: dict[str, Any],
    engine: AsyncEngine,
    tenant_a: UUID,
) -> None:
    assert (await client.get("/v1/me", headers=employee_headers)).json()["employee"]["id"] == employee["id"]

    responses = await asyncio.gather(*(client.post("/v1/me/opt-in", headers=employee_headers) for _ in range(3)))

    assert [response.status_code for response in responses] == [200, 200, 200], [r.text for r in responses]
    assert len({response.json()["id"] for response in responses}) == 1
    events = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert events.count("ambassador.joined") == 1


async def test_opting_out_leaves_the_programme_and_opting_in_rejoins(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    joined = (await client.post("/v1/me/opt-in", headers=employee_headers)).json()

    left = await client.post("/v1/me/opt-out", headers=employee_headers)
    left_again = await client.post("/v1/me/opt-out", headers=employee_headers)

    assert left.status_code == 200, left.text
    assert left.json()["status"] == "left"
    assert at(left.json()["left_at"]) >= at(joined["consented_at"])
    assert left_again.json() == left.json()
    rejoined = await client.post("/v1/me/opt-in", headers=employee_headers)
    assert (rejoined.json()["id"], rejoined.json()["status"]) == (joined["id"], "active")
    assert rejoined.json()["left_at"] is None
    assert at(rejoined.json()["consented_at"]) >= at(left.json()["left_at"])


async def test_opting_out_without_a_membership_is_a_conflict(
    client: httpx.AsyncClient, employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    response = await client.post("/v1/me/opt-out", headers=employee_headers)
    assert "opt in" in assert_problem(response, 409, "not-an-ambassador")["detail"]


async def test_a_current_member_cannot_be_invited_but_one_who_left_can(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    await client.post("/v1/me/opt-in", headers=employee_headers)
    assert_problem(await invite(client, manager, employee["id"]), 409, "already-ambassador")

    await client.post("/v1/me/opt-out", headers=employee_headers)
    reinvited = await invite(client, manager, employee["id"])

    assert reinvited.status_code == 201, reinvited.text
    assert reinvited.json()["status"] == "invited"


async def test_staff_pause_and_resume_an_active_membership(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, tenant_a: UUID, employee: dict[str, Any]
) -> None:
    await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    membership = (await client.get("/v1/ambassadors", headers=manager)).json()["items"][0]
    url = f"/v1/ambassadors/{membership['id']}"
    etag = (await client.get(url, headers=manager)).headers["ETag"]

    paused = await client.patch(url, json={"status": "paused"}, headers=manager | {"If-Match": etag})
    listed = await client.get("/v1/ambassadors", params={"status": "paused"}, headers=manager)
    resumed = await client.patch(url, json={"status": "active"}, headers=manager | {"If-Match": paused.headers["ETag"]})

    assert paused.status_code == 200, paused.text
    assert paused.json()["status"] == "paused"
    assert paused.headers["ETag"] != etag
    assert [item["id"] for item in listed.json()["items"]] == [membership["id"]]
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["status"] == "active"
    assert resumed.json()["consented_at"] == membership["consented_at"]


async def test_pausing_an_invited_membership_is_refused_with_the_allowed_transitions(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], engine: AsyncEngine
) -> None:
    invitation = (await invite(client, manager, employee["id"])).json()
    async with nothing_written(engine):
        response = await client.patch(f"/v1/ambassadors/{invitation['id']}", json={"status": "paused"}, headers=manager)
    problem = assert_problem(response, 409, "invalid-transition")
    assert (problem["current_status"], problem["allowed"]) == ("invited", [])
    assert "invited" in problem["detail"]
    read = await client.get(f"/v1/ambassadors/{invitation['id']}", headers=manager)
    assert read.json()["status"] == "invited"


async def test_resuming_a_membership_that_left_is_refused(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any], employee_headers: dict[str, str]
) -> None:
    membership = (await client.post("/v1/me/opt-in", headers=employee_headers)).json()
    await client.post("/v1/me/opt-out", headers=employee_headers)
    response = await client.patch(f"/v1/ambassadors/{membership['id']}", json={"status": "active"}, headers=manager)
    problem = assert_problem(response, 409, "invalid-transition")
    assert problem["current_status"] == "left"


@pytest.mark.parametrize("status", ["left", "invited", "banned"])
async def test_staff_cannot_make_someone_join_or_leave(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    employee: dict[str, Any],
    employee_headers: dict[str, str],
    status: str,
) -> None:
    membership = (await client.post("/v1/me/opt-in", headers=employee_headers)).json()
    response = await client.patch(f"/v1/ambassadors/{membership['id']}", json={"status": status}, headers=manager)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "status"]]
    assert (await client.get(f"/v1/ambassadors/{membership['id']}", headers=manager)).json()["status"] == "active"


async def test_staff_notes_are_set_and_cleared(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any]
) -> None:
    invitation = (await invite(client, manager, employee["id"])).json()
    url = f"/v1/ambassadors/{invitation['id']}"

    noted = await client.patch(url, json={"notes": "Met at the summit"}, headers=manager)
    untouched = await client.patch(url, json={}, headers=manager)
    cleared = await client.patch(url, json={"notes": None}, headers=manager)

    assert noted.json()["notes"] == "Met at the summit"
    assert untouched.json()["notes"] == "Met at the summit"
    assert untouched.headers["ETag"] == noted.headers["ETag"]
    assert cleared.json()["notes"] is None


async def test_server_owned_membership_fields_cannot_be_written(
    client: httpx.AsyncClient, manager: dict[str, str], employee: dict[str, Any]
) -> None:
    invitation = (await invite(client, manager, employee["id"])).json()
    body = {"consented_at": "2020-01-01T00:00:00Z", "employee_id": employee["id"], "version": 9}
    response = await client.patch(f"/v1/ambassadors/{invitation['id']}", json=body, headers=manager)
    problem = assert_problem(response, 422, "validation-failed")
    assert sorted(loc[-1] for loc in error_locations(problem)) == ["consented_at", "employee_id", "version"]


async def test_memberships_are_filtered_by_the_employees_department_and_paged(
    client: httpx.AsyncClient, admin_a: dict[str, str], manager: dict[str, str]
) -> None:
    invited = []
    for department in ("Sales", "R&D", "Sales", "Sales", "R&D"):
        employee = await create_employee(client, admin_a, department=department)
        invited.append((department, (await invite(client, manager, employee["id"])).json()["id"]))

    sales: list[str] = []
    cursor: str | None = None
    for _ in range(5):
        params = {"department": "Sales", "status": "invited", "limit": "2"} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/v1/ambassadors", params=params, headers=manager)).json()
        sales += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert cursor is None
    assert sales == [membership for department, membership in invited if department == "Sales"]


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
async def test_the_invitations_path_is_not_read_as_an_ambassador_id(
    client: httpx.AsyncClient, admin_a: dict[str, str], method: str
) -> None:
    response = await client.request(method, "/v1/ambassadors/invitations", json={}, headers=admin_a)
    assert_problem(response, 405, "method-not-allowed")
    assert response.headers["Allow"] == "POST"


async def test_an_ambassador_id_that_is_not_a_uuid_names_no_resource(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    assert_problem(await client.get("/v1/ambassadors/not-an-id", headers=admin_a), 404, "not-found")
