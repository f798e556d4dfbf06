"""/v1/campaigns over REST: drafting, launching, the phase read from the dates, and their contents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import configure, create_campaign, create_content, staff, transition
from tests.integration.helpers import assert_problem, error_locations, etag_version, nothing_written, outbox_events


@pytest.fixture
async def manager(client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID) -> dict[str, str]:
    await configure(client, admin_a)
    return staff(mint, tenant_a, "manager")


def at(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def test_a_campaign_is_drafted_then_launched_and_read_by_its_dates(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine, tenant_a: UUID, mint: Mint
) -> None:
    campaign = await create_campaign(
        client,
        manager,
        "spring-hiring",
        objective="recruiting",
        starts_at=at(-1),
        ends_at=at(30),
        targeting={"departments": ["Sales"]},
        goals={"shares": 200, "clicks": 2000, "conversions": {"job_application": 40}},
        points_multiplier=1.5,
        is_challenge=True,
    )
    assert (campaign["status"], campaign["points_multiplier"], campaign["is_challenge"]) == ("draft", 1.5, True)
    assert campaign["goals"] == {"shares": 200, "clicks": 2000, "conversions": {"job_application": 40}}

    launched = await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager | {"If-Match": '"v1"'})
    assert launched.status_code == 200, launched.text
    assert (launched.json()["status"], etag_version(launched)) == ("active", 2)
    assert (await outbox_events(engine, tenant_a))[-1][0] == "campaign.launched"
    read = await client.get(f"/v1/campaigns/{campaign['id']}", headers=staff(mint, tenant_a, "analyst"))
    assert read.json() == launched.json()


async def test_campaigns_are_filtered_by_phase_objective_and_activity(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    draft = await create_campaign(client, manager, "draft")
    scheduled = await create_campaign(client, manager, "scheduled", starts_at=at(5), objective="leads")
    active = await create_campaign(client, manager, "active", starts_at=at(-5), ends_at=at(5))
    ended = await create_campaign(client, manager, "ended", starts_at=at(-10), ends_at=at(-5))
    for campaign in (scheduled, active, ended):
        assert (await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager)).status_code == 200
    analyst = staff(mint, tenant_a, "analyst")

    async def slugs(**query: str) -> list[str]:
        response = await client.get("/v1/campaigns", params=query, headers=analyst)
        assert response.status_code == 200, response.text
        return [item["slug"] for item in response.json()["items"]]

    assert await slugs() == ["draft", "scheduled", "active", "ended"]
    assert await slugs(status="draft") == [draft["slug"]]
    assert await slugs(status="scheduled") == ["scheduled"]
    assert await slugs(status="active") == ["active"]
    assert await slugs(status="ended") == ["ended"]
    assert await slugs(objective="leads") == ["scheduled"]
    assert await slugs(active_at=at(6)) == ["scheduled"]
    assert await slugs(active_at=at(-7)) == ["ended"]


async def test_a_slug_is_unique_in_the_organisation_and_fixed_at_launch(
    client: httpx.AsyncClient, manager: dict[str, str], admin_b: dict[str, str], engine: AsyncEngine
) -> None:
    campaign = await create_campaign(client, manager, "spring", starts_at=at(1))
    async with nothing_written(engine):
        duplicate = await client.post("/v1/campaigns", json={"name": "Again", "slug": "spring"}, headers=manager)
    assert error_locations(assert_problem(duplicate, 409, "duplicate-value")) == [["body", "slug"]]
    assert (
        await client.post("/v1/campaigns", json={"name": "Theirs", "slug": "spring"}, headers=admin_b)
    ).status_code == 201

    await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager)
    renamed = await client.patch(f"/v1/campaigns/{campaign['id']}", json={"slug": "summer"}, headers=manager)
    assert error_locations(assert_problem(renamed, 422, "validation-failed")) == [["body", "slug"]]


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"slug": "Spring Hiring"}, ["body", "slug"]),
        ({"points_multiplier": 0.5}, ["body", "points_multiplier"]),
        ({"points_multiplier": 1.234}, ["body", "points_multiplier"]),
        ({"starts_at": "2030-02-01T00:00:00Z", "ends_at": "2030-01-01T00:00:00Z"}, ["body", "ends_at"]),
        ({"goals": {"conversions": {"Job Application": 3}}}, ["body", "goals", "conversions", "Job Application"]),
        ({"goals": {"shares": 0}}, ["body", "goals", "shares"]),
        ({"status": "active"}, ["body", "status"]),
        ({"name": None}, ["body", "name"]),
    ],
)
async def test_an_invalid_campaign_is_refused_naming_the_field(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine, fields: dict[str, Any], where: list[Any]
) -> None:
    async with nothing_written(engine):
        response = await client.post(
            "/v1/campaigns", json={"name": "Spring", "slug": "spring"} | fields, headers=manager
        )
    assert where in error_locations(assert_problem(response, 422))


async def test_launching_needs_a_start_and_happens_once(client: httpx.AsyncClient, manager: dict[str, str]) -> None:
    campaign = await create_campaign(client, manager, "undated")
    no_start = await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager)
    assert error_locations(assert_problem(no_start, 422)) == [["body", "starts_at"]]
    await client.patch(f"/v1/campaigns/{campaign['id']}", json={"starts_at": at(1)}, headers=manager)
    assert (await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager)).status_code == 200
    again = await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=manager)
    assert assert_problem(again, 409, "invalid-transition")["allowed"] == ["archive"]


async def test_contents_join_several_campaigns_and_leave_them(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine
) -> None:
    spring, autumn = await create_campaign(client, manager, "spring"), await create_campaign(client, manager, "autumn")
    content = await create_content(client, manager)
    for campaign in (spring, autumn, spring):
        put = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
        assert put.status_code == 204, put.text

    async def members(campaign: dict[str, Any]) -> list[str]:
        listed = await client.get("/v1/contents", params={"campaign_id": campaign["id"]}, headers=manager)
        return [item["id"] for item in listed.json()["items"]]

    assert await members(spring) == await members(autumn) == [content["id"]]
    for _ in range(2):
        deleted = await client.delete(f"/v1/campaigns/{spring['id']}/contents/{content['id']}", headers=manager)
        assert deleted.status_code == 204
    assert (await members(spring), await members(autumn)) == ([], [content["id"]])

    unknown = "01960000-0000-7000-8000-0000000000ff"
    async with nothing_written(engine):
        no_content = await client.put(f"/v1/campaigns/{spring['id']}/contents/{unknown}", headers=manager)
        no_campaign = await client.put(f"/v1/campaigns/{unknown}/contents/{content['id']}", headers=manager)
    assert "content" in assert_problem(no_content, 404, "not-found")["detail"]
    assert "campaign" in assert_problem(no_campaign, 404, "not-found")["detail"]


async def test_archived_campaigns_and_contents_take_no_part(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    campaign = await create_campaign(client, manager, "spring")
    content = await create_content(client, manager)
    archived_content = await create_content(client, manager)
    await transition(client, manager, archived_content["id"], "archive")
    async with nothing_written(engine):
        refused = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{archived_content['id']}", headers=manager)
    assert_problem(refused, 409, "invalid-transition")

    assert (await client.post(f"/v1/campaigns/{campaign['id']}/archive", headers=manager)).json()[
        "status"
    ] == "archived"
    async with nothing_written(engine):
        closed = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
        edit = await client.patch(f"/v1/campaigns/{campaign['id']}", json={"name": "Again"}, headers=manager)
    assert_problem(closed, 409, "invalid-transition")
    assert_problem(edit, 409, "invalid-transition")


@pytest.mark.parametrize("role", ["ambassador", "integrator"])
async def test_campaigns_are_for_staff_and_analysts(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, tenant_a: UUID, role: str
) -> None:
    campaign = await create_campaign(client, manager, "spring")
    outsider = staff(mint, tenant_a, role)
    assert_problem(await client.get("/v1/campaigns", headers=outsider), 403, "forbidden")
    assert_problem(await client.get(f"/v1/campaigns/{campaign['id']}", headers=outsider), 403, "forbidden")
    analyst = staff(mint, tenant_a, "analyst")
    assert_problem(await client.post("/v1/campaigns", json={"name": "A", "slug": "a"}, headers=analyst), 403)
    assert (await client.get(f"/v1/campaigns/{campaign['id']}", headers=analyst)).status_code == 200
