"""Bad requests: each is answered with a problem document and leaves nothing half-written."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
    outbox_events,
    person,
    stored_row,
)

MAX_BODY_BYTES = 64 * 1024  # the test settings' max_body_bytes
UNKNOWN_ID = "01960000-0000-7000-8000-0000000000ff"


@pytest.fixture
async def employee(client: httpx.AsyncClient, admin_a: dict[str, str]) -> dict[str, Any]:
    return await create_employee(client, admin_a, department="Sales", language="fr")


async def test_an_invalid_email_is_refused_naming_the_field(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(email="ada-at-acme"), headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", "email"]]
    assert "email" in problem["detail"]


async def test_an_email_already_on_the_roster_in_another_case_is_a_conflict(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    await create_employee(client, admin_a, email="ada.lovelace@acme.example")
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(email="ADA.Lovelace@Acme.Example"), headers=admin_a)
    problem = assert_problem(response, 409, "duplicate-value")
    assert error_locations(problem) == [["body", "email"]]


async def test_an_external_id_already_on_the_roster_is_a_conflict(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    await create_employee(client, admin_a, external_id="HR-1001")
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(external_id="HR-1001"), headers=admin_a)
    problem = assert_problem(response, 409, "duplicate-value")
    assert error_locations(problem) == [["body", "external_id"]]


async def test_an_email_taken_by_a_colleague_cannot_be_patched_in(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, employee: dict[str, Any]
) -> None:
    colleague = await create_employee(client, admin_a)
    async with nothing_written(engine):
        response = await client.patch(
            f"/v1/employees/{employee['id']}", json={"email": colleague["email"].upper()}, headers=admin_a
        )
    assert_problem(response, 409, "duplicate-value")
    assert (await stored_row(engine, "employees", employee["id"]))["email"] == employee["email"]


async def test_an_unknown_field_is_refused_by_name(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(nickname="Ada"), headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "nickname"]]


@pytest.mark.parametrize(
    ("owned", "value"),
    [
        ("id", UNKNOWN_ID),
        ("status", "terminated"),
        ("tenant_id", UNKNOWN_ID),
        ("version", 7),
        ("created_at", "2020-01-01T00:00:00Z"),
        ("terminated_on", "2020-01-01"),
    ],
)
async def test_a_server_owned_field_cannot_be_written_on_create(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, owned: str, value: object
) -> None:
    body = person() | {owned: value}
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=body, headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", owned]]


async def test_server_owned_fields_cannot_be_patched(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, employee: dict[str, Any]
) -> None:
    body = {"id": UNKNOWN_ID, "status": "terminated", "tenant_id": UNKNOWN_ID, "version": 7}
    before = await stored_row(engine, "employees", employee["id"])
    response = await client.patch(f"/v1/employees/{employee['id']}", json=body, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert sorted(loc[-1] for loc in error_locations(problem)) == ["id", "status", "tenant_id", "version"]
    assert await stored_row(engine, "employees", employee["id"]) == before


@pytest.mark.parametrize("tag", ["english", "x", "fr_FR!", "zz-123456789"])
async def test_an_invalid_language_tag_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tag: str
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/employees", json=person(language=tag), headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "language"]]


async def test_a_language_tag_is_stored_in_its_canonical_form(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    created = await create_employee(client, admin_a, language="en-gb")
    assert created["language"] == "en-GB"


async def test_a_manager_who_is_not_on_the_roster_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, employee: dict[str, Any]
) -> None:
    async with nothing_written(engine):
        created = await client.post("/v1/employees", json=person(manager_id=UNKNOWN_ID), headers=admin_a)
        patched = await client.patch(
            f"/v1/employees/{employee['id']}", json={"manager_id": UNKNOWN_ID}, headers=admin_a
        )
    assert error_locations(assert_problem(created, 422, "validation-failed")) == [["body", "manager_id"]]
    assert error_locations(assert_problem(patched, 422, "validation-failed")) == [["body", "manager_id"]]
    assert (await stored_row(engine, "employees", employee["id"]))["manager_id"] is None


async def test_a_body_over_the_size_limit_is_refused_by_its_length(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    body = json.dumps(person(department="x" * MAX_BODY_BYTES)).encode()
    async with nothing_written(engine):
        response = await client.post(
            "/v1/employees", content=body, headers=admin_a | {"Content-Type": "application/json"}
        )
    assert_problem(response, 413, "payload-too-large")
    assert str(MAX_BODY_BYTES) in response.json()["detail"]


async def _chunks(body: bytes, size: int = 8 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_a_streamed_body_over_the_size_limit_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    body = json.dumps(person(department="x" * MAX_BODY_BYTES)).encode()
    async with nothing_written(engine):
        response = await client.post(
            "/v1/employees", content=_chunks(body), headers=admin_a | {"Content-Type": "application/json"}
        )
    assert response.request.headers["Transfer-Encoding"] == "chunked"
    assert "Content-Length" not in response.request.headers
    assert_problem(response, 413, "payload-too-large")


async def test_a_streamed_body_within_the_size_limit_is_accepted(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    body = json.dumps(person(department="Sales")).encode()
    response = await client.post(
        "/v1/employees", content=_chunks(body, size=16), headers=admin_a | {"Content-Type": "application/json"}
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("body", [b'{"email": "ada@acme.example",', b"{'email': 1}", b"\xff\xfe", b'{"email": "\x80"}'])
async def test_malformed_json_is_a_bad_request(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, body: bytes
) -> None:
    async with nothing_written(engine):
        response = await client.post(
            "/v1/employees", content=body, headers=admin_a | {"Content-Type": "application/json"}
        )
    assert_problem(response, 400, "malformed-json")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
async def test_a_body_that_is_not_json_is_an_unsupported_media_type(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, content_type: str
) -> None:
    async with nothing_written(engine):
        response = await client.post(
            "/v1/employees", content=json.dumps(person()), headers=admin_a | {"Content-Type": content_type}
        )
    assert content_type in assert_problem(response, 415, "unsupported-media-type")["detail"]


async def test_a_body_without_a_content_type_is_an_unsupported_media_type(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/employees", content=json.dumps(person()).encode(), headers=admin_a)
    assert "application/json" in assert_problem(response, 415, "unsupported-media-type")["detail"]


async def test_a_post_without_a_body_needs_no_content_type(
    client: httpx.AsyncClient, admin_a: dict[str, str], employee: dict[str, Any]
) -> None:
    response = await client.post(f"/v1/employees/{employee['id']}/terminate", headers=admin_a)
    assert response.status_code == 200, response.text


async def test_a_stale_if_match_leaves_the_employee_unchanged(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, engine: AsyncEngine, employee: dict[str, Any]
) -> None:
    url = f"/v1/employees/{employee['id']}"
    first = await client.patch(url, json={"department": "Legal"}, headers=admin_a | {"If-Match": '"v1"'})
    assert first.status_code == 200, first.text
    events = await outbox_events(engine, tenant_a)

    async with nothing_written(engine):
        stale = await client.patch(url, json={"department": "Finance"}, headers=admin_a | {"If-Match": '"v1"'})
        terminated = await client.post(f"{url}/terminate", headers=admin_a | {"If-Match": '"v1"'})

    assert_problem(stale, 412, "precondition-failed")
    assert_problem(terminated, 412, "precondition-failed")
    current = await client.get(url, headers=admin_a)
    assert current.json()["department"] == "Legal"
    assert current.json()["status"] == "active"
    assert current.headers["ETag"] == first.headers["ETag"]
    assert await outbox_events(engine, tenant_a) == events


@pytest.mark.parametrize("if_match", ['"v99"', "v1", '"1"', "garbage", '"v1", "v2"'])
async def test_an_if_match_that_is_not_the_current_etag_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, employee: dict[str, Any], if_match: str
) -> None:
    url = f"/v1/employees/{employee['id']}"
    response = await client.patch(url, json={"department": "Legal"}, headers=admin_a | {"If-Match": if_match})
    assert_problem(response, 412, "precondition-failed")
    assert (await stored_row(engine, "employees", employee["id"]))["department"] == "Sales"


async def test_a_stale_if_match_leaves_the_membership_unchanged(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    engine: AsyncEngine,
    employee: dict[str, Any],
) -> None:
    await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    ambassador = (await client.get("/v1/ambassadors", headers=admin_a)).json()["items"][0]
    url = f"/v1/ambassadors/{ambassador['id']}"
    read = await client.get(url, headers=admin_a)
    noted = await client.patch(url, json={"notes": "Star"}, headers=admin_a | {"If-Match": read.headers["ETag"]})
    assert noted.status_code == 200, noted.text

    async with nothing_written(engine):
        stale = await client.patch(
            url, json={"status": "paused", "notes": "Gone quiet"}, headers=admin_a | {"If-Match": read.headers["ETag"]}
        )

    assert_problem(stale, 412, "precondition-failed")
    current = await client.get(url, headers=admin_a)
    assert (current.json()["status"], current.json()["notes"]) == ("active", "Star")
    assert current.headers["ETag"] == noted.headers["ETag"]


async def test_an_unknown_route_is_a_not_found_problem(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.get("/v1/employes", headers=admin_a)
    assert "/v1/employes" in assert_problem(response, 404, "not-found")["detail"]


async def test_an_id_that_is_not_a_uuid_is_refused_naming_the_path_parameter(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.get("/v1/employees/42", headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["path", "employee_id"]]


async def test_a_missing_employee_is_a_not_found_problem(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.get(f"/v1/employees/{UNKNOWN_ID}", headers=admin_a)
    assert UNKNOWN_ID in assert_problem(response, 404, "not-found")["detail"]


async def test_a_wrong_method_is_a_problem_naming_the_allowed_ones(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        response = await client.delete("/v1/employees", headers=admin_a)
    assert "DELETE" in assert_problem(response, 405, "method-not-allowed")["detail"]
    assert {method.strip() for method in response.headers["Allow"].split(",")} == {"GET", "HEAD", "POST"}


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ({"limit": "0"}, ["query", "limit"]),
        ({"limit": "101"}, ["query", "limit"]),
        ({"status": "fired"}, ["query", "status"]),
        ({"cursor": "not-a-cursor"}, ["query", "cursor"]),
    ],
)
async def test_a_bad_list_parameter_is_refused_naming_it(
    client: httpx.AsyncClient, admin_a: dict[str, str], query: dict[str, str], location: list[str]
) -> None:
    response = await client.get("/v1/employees", params=query, headers=admin_a)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [location]
