"""Shares over REST on PostgreSQL: the intent and its refusals, which write nothing (what follows the
intent is in ``test_share_lifecycle_api.py``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.settings import Settings
from tests.integration.conftest import Mint, bearer
from tests.integration.feed_helpers import at
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    etag_version,
    nothing_written,
    outbox_events,
)
from tests.integration.share_helpers import (
    LINK,
    Sharing,
    create_share,
    member_who_accepted,
    new_share,
    published,
    sharing_programme,
)


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


async def test_a_member_gets_a_tracked_share(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, settings: Settings
) -> None:
    content_id = await published(client, sharing)

    response = await create_share(client, sharing.member, content_id, caption="Nous recrutons !")

    assert response.status_code == 201, response.text
    share = response.json()
    assert response.headers["Location"] == f"/v1/shares/{share['id']}"
    assert etag_version(response) == 1
    assert (share["status"], share["network"], share["caption"], share["language"]) == (
        "intent",
        "linkedin",
        "Nous recrutons !",
        "fr",
    )
    code = share["tracked_url"].rsplit("/", 1)[1]
    assert share["tracked_url"] == f"{settings.public_base_url.rstrip('/')}/r/{code}"
    assert len(code) >= 7
    assert share["share_url"].startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    assert share["copy_text"] == f"Nous recrutons !\n\n{share['tracked_url']}"
    assert share["allowed_actions"] == ["confirm", "cancel"]
    assert share["campaign_id"] is None
    events = await outbox_events(engine, sharing.tenant_id)
    assert events[-1][0] == "share.created"
    async with engine.connect() as connection:
        row = (await connection.execute(sa.text("SELECT * FROM shares"))).mappings().one()
        visitors = (await connection.execute(sa.text("SELECT * FROM ambassador_visitors"))).mappings().all()
    assert row["destination"].startswith(LINK + "?utm_source=linkedin&utm_medium=employee_advocacy")
    assert "rl_click" not in row["destination"]
    assert (row["code"], row["click_param"]) == (code, "rl_click")
    assert len(visitors) == 1
    assert len(visitors[0]["visitor_hash"]) == 32


async def test_asking_again_answers_the_open_intent(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine
) -> None:
    content_id = await published(client, sharing)
    first = (await create_share(client, sharing.member, content_id)).json()

    async with nothing_written(engine):
        again = await create_share(client, sharing.member, content_id, caption="Other words")

    assert again.status_code == 200, again.text
    assert again.json()["id"] == first["id"]
    assert again.json()["caption"] == first["caption"]
    assert (await create_share(client, sharing.member, content_id, "x")).status_code == 201


async def test_the_share_is_tagged_with_the_running_campaign(client: httpx.AsyncClient, sharing: Sharing) -> None:
    from tests.integration.feed_helpers import launched_campaign

    content_id = await published(client, sharing)
    campaign_id = await launched_campaign(client, sharing.setup, "spring-hiring", content_id)

    share = (await create_share(client, sharing.member, content_id)).json()

    assert share["campaign_id"] == campaign_id


# --- refusals -------------------------------------------------------------------------------


async def refused(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    headers: dict[str, str],
    content_id: str,
    status: int,
    problem: str,
    **body: Any,
) -> dict[str, Any]:
    async with nothing_written(engine):
        response = await create_share(client, headers, content_id, **body)
    return assert_problem(response, status, problem)


async def test_someone_who_never_joined_is_refused(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    content_id = await published(client, sharing)
    employee = await create_employee(client, sharing.setup.admin)
    outsider = bearer(mint(sharing.tenant_id, "ambassador", email=employee["email"], subject="idp|out"))
    await client.get("/v1/me", headers=outsider)  # links the token to its employee
    await refused(client, engine, outsider, content_id, 409, "not-an-ambassador")


async def test_a_paused_member_is_refused(client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine) -> None:
    content_id = await published(client, sharing)
    me = (await client.get("/v1/me", headers=sharing.member)).json()
    paused = await client.patch(
        f"/v1/ambassadors/{me['ambassador']['id']}", json={"status": "paused"}, headers=sharing.setup.manager
    )
    assert paused.status_code == 200, paused.text
    await refused(client, engine, sharing.member, content_id, 409, "not-an-ambassador")


async def test_the_charter_in_force_must_be_accepted(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine
) -> None:
    content_id = await published(client, sharing)
    charter = {"title": "Charter", "body": "Be kinder."}
    assert (await client.post("/v1/charter/versions", json=charter, headers=sharing.setup.admin)).status_code == 201

    problem = await refused(client, engine, sharing.member, content_id, 409, "charter-acceptance-required")

    assert problem["current_version"] == 2


async def test_a_network_must_be_enabled_and_connected(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine
) -> None:
    content_id = await published(client, sharing)
    await refused(client, engine, sharing.member, content_id, 422, "network-not-connected", network="xing")
    changed = await client.patch("/v1/settings", json={"networks": ["linkedin"]}, headers=sharing.setup.admin)
    assert changed.status_code == 200

    problem = await refused(client, engine, sharing.member, content_id, 422, "network-not-enabled", network="x")

    assert error_locations(problem) == [["body", "network"]]


@pytest.mark.parametrize(
    ("fields", "status", "problem"),
    [
        ({"publish_at": "future"}, 409, "content-not-published"),
        ({"shareable": False}, 409, "content-not-shareable"),
        ({"targeting": {"departments": ["Marketing"]}}, 403, "content-not-targeted"),
        ({"link_url": None}, 409, "content-without-link"),
    ],
)
async def test_only_published_shareable_content_for_the_member_with_a_link(
    client: httpx.AsyncClient,
    sharing: Sharing,
    engine: AsyncEngine,
    fields: dict[str, Any],
    status: int,
    problem: str,
) -> None:
    if fields.get("publish_at") == "future":
        fields = {"publish_at": at(2)}
    content_id = await published(client, sharing, **fields)

    body = await refused(client, engine, sharing.member, content_id, status, problem)

    if problem == "content-not-published":
        assert body["content_status"] == "approved"


async def test_unknown_content_is_not_found(client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine) -> None:
    await refused(client, engine, sharing.member, str(uuid4()), 404, "not-found")


async def test_staff_do_not_share(client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine) -> None:
    content_id = await published(client, sharing)
    await refused(client, engine, sharing.setup.manager, content_id, 403, "forbidden")


async def test_a_caption_breaking_the_rules_lists_every_violation(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine
) -> None:
    rules = {"banned_terms": ["secret"], "disclosures": {"linkedin": "#employee"}}
    assert (await client.patch("/v1/settings", json=rules, headers=sharing.setup.admin)).status_code == 200
    content_id = await published(client, sharing)

    problem = await refused(
        client, engine, sharing.member, content_id, 422, "caption-not-compliant", caption="A secret project"
    )

    assert {violation["code"] for violation in problem["violations"]} == {"banned_term", "missing_disclosure"}
    assert error_locations(problem) == [["body", "caption"], ["body", "caption"]]
    ok = await create_share(client, sharing.member, content_id, caption="A great project #employee")
    assert ok.status_code == 201, ok.text


@pytest.mark.parametrize(
    "body",
    [
        {"network": "linkedin"},
        {"content_id": "not-a-uuid", "network": "linkedin"},
        {"content_id": "CONTENT", "network": "myspace"},
        {"content_id": "CONTENT", "network": "linkedin", "caption": ""},
        {"content_id": "CONTENT", "network": "linkedin", "colour": "blue"},
    ],
)
async def test_a_malformed_request_is_refused(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, body: dict[str, Any]
) -> None:
    content_id = await published(client, sharing)
    body = {name: content_id if value == "CONTENT" else value for name, value in body.items()}
    async with nothing_written(engine):
        response = await client.post("/v1/shares", json=body, headers=sharing.member)
    assert_problem(response, 422, "validation-failed")


async def test_the_daily_limit_per_network(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, share_daily_limit=2)
    first = await new_share(client, sharing)
    await new_share(client, sharing)
    content_id = await published(client, sharing)

    problem = await refused(client, engine, sharing.member, content_id, 409, "share-limit-reached")

    assert (problem["limit"], problem["network"]) == (2, "linkedin")
    assert datetime.fromisoformat(problem["resets_at"]) > datetime.now(UTC)
    assert (await create_share(client, sharing.member, content_id, "x")).status_code == 201
    other = await member_who_accepted(client, mint, sharing.setup, "idp|bob", department="Sales")
    assert (await create_share(client, other, content_id)).status_code == 201
    assert (await client.post(f"/v1/shares/{first['id']}/cancel", headers=sharing.member)).status_code == 200
    assert (await create_share(client, sharing.member, content_id)).status_code == 201
