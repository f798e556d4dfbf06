"""Conditional reads over PostgreSQL: a resource read again with the ETag the client holds answers
304 with no body until the representation changes, for every resource that carries an ETag."""

from __future__ import annotations

from urllib.parse import urlsplit
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.content_helpers import approved_content, create_campaign, staff
from tests.integration.feed_helpers import at, programme
from tests.integration.helpers import assert_problem, create_employee, etag_version, join_as_ambassador
from tests.integration.redirect_helpers import BROWSER
from tests.integration.share_helpers import Sharing, new_share, sharing_programme
from tests.integration.training_helpers import published_module

# The GET operations answering a single resource with its ETag; lists answer none.
CONDITIONAL_READS = {
    "/v1/employees/{employee_id}",
    "/v1/integrations/{integration_id}",
    "/v1/webhook-endpoints/{endpoint_id}",
    "/v1/ambassadors/{ambassador_id}",
    "/v1/contents/{content_id}",
    "/v1/campaigns/{campaign_id}",
    "/v1/settings",
    "/v1/charter",
    "/v1/shares/{share_id}",
    "/v1/conversions/{conversion_id}",
    "/v1/me",
    "/v1/rewards/{reward_id}",
    "/v1/redemptions/{redemption_id}",
    "/v1/associations/{association_id}",
    "/v1/programme-costs/{cost_id}",
    "/v1/roster-imports/{import_id}",
    "/v1/me/notification-preferences",
    "/v1/recruiting/waves/{wave_id}",
    "/v1/training-modules/{module_id}",
    "/v1/training-modules/{module_id}/progress",
    "/v1/incidents/{incident_id}",
    "/v1/surveys/{survey_id}",
    "/v1/ideas/{idea_id}",
    "/v1/space/posts/{post_id}",
}


async def read_twice(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> httpx.Response:
    """Read, then read again with the ETag received: the second answer is 304; returns the first."""
    first = await client.get(url, headers=headers)
    assert first.status_code == 200, first.text
    tag = first.headers["ETag"]

    again = await client.get(url, headers=headers | {"If-None-Match": tag})

    assert again.status_code == 304, again.text
    assert again.content == b""
    assert again.headers["ETag"] == tag
    assert "content-type" not in again.headers
    return first


async def read_with(client: httpx.AsyncClient, url: str, headers: dict[str, str], tag: str) -> httpx.Response:
    return await client.get(url, headers=headers | {"If-None-Match": tag})


async def test_an_employee_read_again_is_not_modified_until_it_changes(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    url = f"/v1/employees/{(await create_employee(client, admin_a))['id']}"
    first = await read_twice(client, url, admin_a)

    changed = await client.patch(url, json={"department": "Sales"}, headers=admin_a)
    assert changed.status_code == 200, changed.text
    fresh = await read_with(client, url, admin_a, first.headers["ETag"])

    assert fresh.status_code == 200
    assert fresh.json()["department"] == "Sales"
    assert fresh.headers["ETag"] == changed.headers["ETag"] != first.headers["ETag"]
    assert (await read_with(client, url, admin_a, changed.headers["ETag"])).status_code == 304


@pytest.mark.parametrize(
    "if_none_match",
    ['"v1"', 'W/"v1"', '"v0", "v1"', 'W/"v7" , "v1"', ', "v9",, "v1" ,', '"v,1", "v1"', "*", " * "],
)
async def test_if_none_match_compares_weakly_and_takes_lists_and_a_star(
    client: httpx.AsyncClient, admin_a: dict[str, str], if_none_match: str
) -> None:
    url = f"/v1/employees/{(await create_employee(client, admin_a))['id']}"

    response = await read_with(client, url, admin_a, if_none_match)

    assert (response.status_code, response.headers["ETag"], response.content) == (304, '"v1"', b"")


@pytest.mark.parametrize("if_none_match", ['"v2"', '"v0", W/"v2"', "v1", '"v1', '"v1" "v2"', "W/v1", ""])
async def test_an_etag_that_is_not_current_or_not_an_etag_gets_the_full_answer(
    client: httpx.AsyncClient, admin_a: dict[str, str], if_none_match: str
) -> None:
    employee = await create_employee(client, admin_a)

    response = await read_with(client, f"/v1/employees/{employee['id']}", admin_a, if_none_match)

    assert response.status_code == 200, response.text
    assert response.json() == employee
    assert response.headers["ETag"] == '"v1"'


async def test_a_star_never_hides_a_missing_resource_nor_another_tenants(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a)

    missing = await read_with(client, "/v1/employees/0190e7a8-0000-7000-8000-000000000000", admin_a, "*")
    theirs = await read_with(client, f"/v1/employees/{employee['id']}", admin_b, "*")
    their_tag = await read_with(client, f"/v1/employees/{employee['id']}", admin_b, '"v1"')

    for response in (missing, theirs, their_tag):
        assert_problem(response, 404, "not-found")
        assert "ETag" not in response.headers


async def test_a_membership_read_again_is_not_modified_until_it_is_paused(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a)
    await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    me = await client.get("/v1/me", headers=bearer(mint(tenant_a, "ambassador", subject="idp|ada")))
    url = f"/v1/ambassadors/{me.json()['ambassador']['id']}"
    first = await read_twice(client, url, admin_a)

    assert (await client.patch(url, json={"status": "paused"}, headers=admin_a)).status_code == 200
    fresh = await read_with(client, url, admin_a, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["status"]) == (200, "paused")


async def test_me_is_not_modified_until_the_caller_joins(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await create_employee(client, admin_a, email="ada@acme.example")
    ada = bearer(mint(tenant_a, "ambassador", email="ada@acme.example", subject="idp|ada"))
    first = await read_twice(client, "/v1/me", ada)
    assert first.json()["ambassador"] is None

    assert (await client.post("/v1/me/opt-in", headers=ada)).status_code == 200
    fresh = await read_with(client, "/v1/me", ada, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["ambassador"]["status"]) == (200, "active")
    assert fresh.headers["ETag"] != first.headers["ETag"]


async def test_a_content_is_not_modified_until_its_status_read_now_changes(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    content = await approved_content(client, setup.manager, setup.moderator, publish_at=at(2))
    url = f"/v1/contents/{content['id']}"
    first = await read_twice(client, url, setup.manager)
    assert first.json()["status"] == "approved"

    # The publication instant passes: nothing is written to the content, its version stays.
    async with engine.begin() as connection:
        await connection.execute(
            sa.text("UPDATE contents SET publish_at = now() - interval '1 hour', live_from = now() - interval '1 hour'")
        )
    fresh = await read_with(client, url, setup.manager, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["status"]) == (200, "published")
    assert etag_version(fresh) == etag_version(first)
    assert fresh.headers["ETag"] != first.headers["ETag"]


async def test_a_content_answered_by_a_transition_is_not_modified_when_read_with_that_etag(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    content = await client.post("/v1/contents", json={"title": "T", "body": "B"}, headers=setup.manager)
    submitted = await client.post(f"/v1/contents/{content.json()['id']}/submit", headers=setup.manager)

    again = await read_with(client, f"/v1/contents/{content.json()['id']}", setup.manager, submitted.headers["ETag"])

    assert again.status_code == 304


async def test_a_campaign_is_not_modified_until_it_is_launched(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID
) -> None:
    manager = staff(mint, tenant_a, "manager")
    campaign = await create_campaign(client, manager, "spring", starts_at=at(-1))
    url = f"/v1/campaigns/{campaign['id']}"
    first = await read_twice(client, url, manager)

    launched = await client.post(f"{url}/launch", headers=manager)
    fresh = await read_with(client, url, manager, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["status"]) == (200, "active")
    assert fresh.headers["ETag"] == launched.headers["ETag"]


async def test_the_settings_are_not_modified_until_they_are_saved(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    first = await read_twice(client, "/v1/settings", admin_a)
    assert first.headers["ETag"] == '"v0"'

    assert (await client.patch("/v1/settings", json={"share_daily_limit": 3}, headers=admin_a)).status_code == 200
    fresh = await read_with(client, "/v1/settings", admin_a, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["share_daily_limit"], fresh.headers["ETag"]) == (200, 3, '"v1"')


async def test_the_charter_is_not_modified_until_a_new_version_is_in_force(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    published = await client.post("/v1/charter/versions", json={"title": "One", "body": "Be kind."}, headers=admin_a)
    first = await read_twice(client, "/v1/charter", admin_a)
    assert first.headers["ETag"] == published.headers["ETag"] == '"v1"'

    await client.post("/v1/charter/versions", json={"title": "Two", "body": "Be kinder."}, headers=admin_a)
    fresh = await read_with(client, "/v1/charter", admin_a, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["number"], fresh.headers["ETag"]) == (200, 2, '"v2"')


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


async def test_a_share_is_not_modified_until_a_visitor_clicks_it(client: httpx.AsyncClient, sharing: Sharing) -> None:
    share = await new_share(client, sharing)
    url = f"/v1/shares/{share['id']}"
    first = await read_twice(client, url, sharing.member)

    visitor = {"user-agent": BROWSER, "x-forwarded-for": "203.0.113.77"}
    assert (await client.get(urlsplit(share["tracked_url"]).path, headers=visitor)).status_code == 302
    fresh = await read_with(client, url, sharing.member, first.headers["ETag"])

    assert (fresh.status_code, fresh.json()["stats"]["clicks"], fresh.json()["version"]) == (200, 1, share["version"])
    assert etag_version(fresh) == etag_version(first)
    assert fresh.headers["ETag"] != first.headers["ETag"]


async def test_a_conversion_never_changes_so_its_etag_always_answers_not_modified(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID
) -> None:
    integrator = bearer(mint(tenant_a, "integrator", subject="crm-sync"))
    lead = {"type": "lead", "external_id": "crm-1", "occurred_at": "2026-05-04T10:00:00Z"}
    recorded = await client.post("/v1/conversions", json=lead, headers=integrator)
    assert recorded.status_code == 201, recorded.text
    url = recorded.headers["Location"]

    first = await read_twice(client, url, integrator)

    assert first.headers["ETag"] == recorded.headers["ETag"]
    replayed = await client.post("/v1/conversions", json=lead, headers=integrator)
    assert (replayed.status_code, replayed.headers["ETag"]) == (200, first.headers["ETag"])


async def test_the_contract_declares_304_and_if_none_match_on_each_conditional_read(
    client: httpx.AsyncClient,
) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]

    declaring = {path for path, operations in paths.items() if "304" in operations.get("get", {}).get("responses", {})}

    assert declaring == CONDITIONAL_READS
    for path in CONDITIONAL_READS:
        operation = paths[path]["get"]
        assert "content" not in operation["responses"]["304"]
        assert "ETag" in operation["responses"]["304"]["headers"]
        headers = {p["name"].lower() for p in operation.get("parameters", []) if p["in"] == "header"}
        assert "if-none-match" in headers


async def test_a_training_module_and_your_progress_are_not_modified_until_they_change(
    client: httpx.AsyncClient, sharing: Sharing, admin_a: dict[str, str]
) -> None:
    module = await published_module(client, admin_a)
    url = f"/v1/training-modules/{module['id']}"
    first = await read_twice(client, url, sharing.member)
    mine = await read_twice(client, f"{url}/progress", sharing.member)

    changed = await client.patch(url, json={"title": "Posts that engage"}, headers=admin_a)
    done = await client.post(f"{url}/lessons/1/done", headers=sharing.member)

    assert (changed.status_code, done.status_code) == (200, 200)
    assert (await read_with(client, url, sharing.member, first.headers["ETag"])).status_code == 200
    assert (await read_with(client, f"{url}/progress", sharing.member, mine.headers["ETag"])).status_code == 200
