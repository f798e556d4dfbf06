"""Shares over REST on PostgreSQL after the intent: confirm, cancel, figures, lists and engagement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.helpers import assert_problem, error_locations, etag_version, nothing_written, outbox_events
from tests.integration.share_helpers import (
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


def now(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def test_confirm_and_cancel(client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine) -> None:
    share = await new_share(client, sharing)
    url = f"/v1/shares/{share['id']}"

    stale = await client.post(f"{url}/confirm", json={}, headers=sharing.member | {"If-Match": '"v9"'})
    assert_problem(stale, 412, "precondition-failed")
    bad = await client.post(f"{url}/confirm", json={"post_url": "http://x.com/1"}, headers=sharing.member)
    assert error_locations(assert_problem(bad, 422)) == [["body", "post_url"]]
    elsewhere = await client.post(
        f"{url}/confirm", json={"post_url": "https://attacker.example/feed/1"}, headers=sharing.member
    )
    problem = assert_problem(elsewhere, 422, "validation-failed")
    assert error_locations(problem) == [["body", "post_url"]]
    assert "linkedin.com" in problem["errors"][0]["message"]
    confirmed = await client.post(
        f"{url}/confirm",
        json={"post_url": "https://www.linkedin.com/feed/1"},
        headers=sharing.member | {"If-Match": '"v1"'},
    )
    assert confirmed.status_code == 200, confirmed.text
    assert (confirmed.json()["status"], confirmed.json()["post_url"]) == ("posted", "https://www.linkedin.com/feed/1")
    assert etag_version(confirmed) == 2
    assert (await client.post(f"{url}/confirm", headers=sharing.member)).json()["version"] == 2
    assert_problem(await client.post(f"{url}/cancel", headers=sharing.member), 409, "invalid-transition")
    assert [event for event, _ in await outbox_events(engine, sharing.tenant_id)][-2:] == [
        "share.created",
        "share.posted",
    ]

    other = await new_share(client, sharing)
    cancelled = await client.post(f"/v1/shares/{other['id']}/cancel", headers=sharing.member)
    assert cancelled.json()["status"] == "cancelled"
    assert_problem(await client.post(f"/v1/shares/{other['id']}/confirm", headers=sharing.member), 409)


async def test_only_its_ambassador_moves_a_share(
    client: httpx.AsyncClient, sharing: Sharing, mint: Mint, engine: AsyncEngine
) -> None:
    share = await new_share(client, sharing)
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob")
    async with nothing_written(engine):
        for action in ("confirm", "cancel"):
            assert_problem(await client.post(f"/v1/shares/{share['id']}/{action}", headers=bob), 404, "not-found")
            response = await client.post(f"/v1/shares/{share['id']}/{action}", headers=sharing.setup.manager)
            assert_problem(response, 403, "forbidden")
        assert_problem(await client.get(f"/v1/shares/{share['id']}", headers=bob), 404)


async def insert_clicks(
    engine: AsyncEngine, tenant_id: UUID, share_id: str, *rows: tuple[str, str, bool, bool]
) -> None:
    statement = sa.text(
        "INSERT INTO clicks (tenant_id, id, share_id, clicked_at, visitor_hash, network_hash, kind, is_unique, "
        "is_self) VALUES (:tenant, :id, :share, now(), :visitor, :visitor, :kind, :unique, :self)"
    )
    async with engine.begin() as connection:
        for visitor, kind, unique, own in rows:
            values = {"tenant": tenant_id, "id": uuid4(), "share": UUID(share_id), "visitor": visitor}
            await connection.execute(statement, values | {"kind": kind, "unique": unique, "self": own})


async def test_a_share_reads_with_its_figures(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)
    await insert_clicks(
        engine,
        sharing.tenant_id,
        share["id"],
        ("a", "counted", True, False),
        ("a", "counted", False, False),
        ("bot", "bot", False, False),
        ("head", "head", False, False),
        ("me", "counted", True, True),
    )
    integrator = staff(mint, sharing.tenant_id, "integrator")
    code = share["tracked_url"].rsplit("/", 1)[1]
    lead = {"type": "lead", "external_id": "L-1", "link_code": code, "occurred_at": now()}
    assert (await client.post("/v1/conversions", json=lead, headers=integrator)).status_code == 201
    engagement = {"observed_at": now(), "impressions": 40, "reactions": 4, "comments": 1, "reshares": 0}
    assert (
        await client.post(f"/v1/shares/{share['id']}/engagement", json=engagement, headers=integrator)
    ).status_code == 201

    response = await client.get(f"/v1/shares/{share['id']}", headers=staff(mint, sharing.tenant_id, "analyst"))

    assert response.status_code == 200, response.text
    assert etag_version(response) == 2
    stats = response.json()["stats"]
    assert (stats["clicks"], stats["unique_clicks"]) == (2, 1)
    assert stats["conversions"] == [{"type": "lead", "count": 1, "credit": "1/1"}]
    assert stats["engagement"]["impressions"] == 40
    mine = await client.get(f"/v1/shares/{share['id']}", headers=sharing.member)
    assert mine.json()["stats"] == stats


async def test_lists_for_staff_and_for_the_member(client: httpx.AsyncClient, sharing: Sharing, mint: Mint) -> None:
    first = await new_share(client, sharing)
    content_id = await published(client, sharing)
    second = (await create_share(client, sharing.member, content_id, "x")).json()
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob", department="Sales")
    third = (await create_share(client, bob, content_id)).json()
    analyst = staff(mint, sharing.tenant_id, "analyst")

    async def listed(headers: dict[str, str], path: str = "/v1/shares", **params: Any) -> list[str]:
        response = await client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await listed(analyst) == [first["id"], second["id"], third["id"]]
    assert await listed(analyst, network="x") == [second["id"]]
    assert await listed(analyst, content_id=content_id) == [second["id"], third["id"]]
    assert await listed(analyst, ambassador_id=third["ambassador_id"]) == [third["id"]]
    assert await listed(analyst, status="posted") == []
    assert await listed(analyst, created_from=now(hours=1)) == []
    assert await listed(analyst, limit=1) == [first["id"]]
    assert await listed(sharing.member, "/v1/me/shares") == [first["id"], second["id"]]
    assert await listed(bob, "/v1/me/shares", network="linkedin") == [third["id"]]
    assert_problem(await client.get("/v1/shares", headers=sharing.member), 403, "forbidden")
    empty = await client.get("/v1/shares", params={"created_from": now(), "created_to": now(hours=-1)}, headers=analyst)
    assert_problem(empty, 422, "validation-failed")
    naive = await client.get("/v1/shares", params={"created_from": "2026-01-01T00:00:00"}, headers=analyst)
    assert_problem(naive, 422, "validation-failed")


async def test_engagement_keeps_older_snapshots_and_the_integrations_figures_win(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    share = await new_share(client, sharing)
    url = f"/v1/shares/{share['id']}/engagement"
    counts = {"impressions": 10, "reactions": 1, "comments": 0, "reshares": 0}
    async with nothing_written(engine):
        early = await client.post(url, json={"observed_at": now()} | counts, headers=sharing.member)
        assert_problem(early, 409, "share-not-posted")
    await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)

    newer = await client.post(url, json={"observed_at": now()} | counts | {"impressions": 90}, headers=sharing.member)
    older = await client.post(url, json={"observed_at": now(hours=-2)} | counts, headers=sharing.member)
    read_own = await client.get(f"/v1/shares/{share['id']}", headers=sharing.member)
    theirs = await client.post(
        url,
        json={"observed_at": now(hours=-3)} | counts | {"impressions": 40},
        headers=staff(mint, sharing.tenant_id, "integrator"),
    )

    assert newer.status_code == older.status_code == theirs.status_code == 201
    assert newer.json()["snapshot"]["source"] == "self_reported"
    assert older.json()["latest"] == newer.json()["snapshot"]
    assert older.json()["snapshot"]["impressions"] == 10
    assert read_own.json()["stats"]["engagement"] == newer.json()["snapshot"]
    # Observed before the ambassador's, the integration's figures still win.
    assert theirs.json()["snapshot"]["source"] == "integration"
    assert theirs.json()["latest"] == theirs.json()["snapshot"]
    read = await client.get(f"/v1/shares/{share['id']}", headers=sharing.member)
    assert read.json()["stats"]["engagement"] == theirs.json()["snapshot"]
    async with engine.connect() as connection:
        assert (await connection.execute(sa.text("SELECT count(*) FROM engagement_snapshots"))).scalar_one() == 3


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"impressions": -1}, ["body", "impressions"]),
        ({"reactions": 2**31}, ["body", "reactions"]),
        ({"observed_at": "2026-01-01T00:00:00"}, ["body", "observed_at"]),
        ({"observed_at": "in the future"}, ["body", "observed_at"]),
        # Accepted from an ambassador before: the column's largest counts, and 50 reactions on 1 impression.
        ({"impressions": 2147483647, "reactions": 2147483647}, ["body", "impressions"]),
        ({"impressions": 1, "reactions": 50}, ["body", "reactions"]),
    ],
)
async def test_bad_engagement_writes_nothing(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, changes: dict[str, Any], location: list[str]
) -> None:
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)
    if changes.get("observed_at") == "in the future":
        changes = {"observed_at": now(hours=2)}
    body = {"observed_at": now(), "impressions": 1, "reactions": 1, "comments": 1, "reshares": 1} | changes
    async with nothing_written(engine):
        response = await client.post(f"/v1/shares/{share['id']}/engagement", json=body, headers=sharing.member)
    assert error_locations(assert_problem(response, 422)) == [location]


async def test_engagement_reporters(
    client: httpx.AsyncClient, sharing: Sharing, engine: AsyncEngine, mint: Mint
) -> None:
    share = await new_share(client, sharing)
    await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)
    body = {"observed_at": now(), "impressions": 1, "reactions": 1, "comments": 1, "reshares": 1}
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob")
    async with nothing_written(engine):
        url = f"/v1/shares/{share['id']}/engagement"
        assert_problem(await client.post(url, json=body, headers=staff(mint, sharing.tenant_id, "analyst")), 403)
        assert_problem(await client.post(url, json=body, headers=bob), 404)


async def test_the_feed_says_what_the_member_already_posted(client: httpx.AsyncClient, sharing: Sharing) -> None:
    share = await new_share(client, sharing)

    async def shared() -> dict[str, bool]:
        response = await client.get("/v1/me/feed", headers=sharing.member)
        assert response.status_code == 200, response.text
        return {item["id"]: item["already_shared"] for item in response.json()["items"]}

    assert await shared() == {share["content_id"]: False}
    await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)
    assert await shared() == {share["content_id"]: True}
