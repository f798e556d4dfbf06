"""Points given back and points held for review, through the worker on PostgreSQL: a cancelled share's
click points are reversed by new entries; a burst of clicks on one share from few visitors is withheld,
staff release one and reverse another once each, and the balance moves accordingly; and what reading
one's statement costs."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.helpers import assert_problem
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.share_helpers import Sharing, new_share, sharing_programme
from tests.integration.test_conversion_journey import click
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]

# Four visitors, each from a network of their own.
FIRST, SECOND, THIRD, FOURTH = "198.51.100.20", "192.0.2.30", "198.18.7.40", "172.16.5.9"
CHARTER_POINTS = 10


async def test_a_cancelled_share_gives_back_its_click_points_with_new_entries(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rewards_worker: DeliverEvents
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = await new_share(client, sharing)  # an intent: its link already counts clicks
    await click(client, share["tracked_url"], FIRST)
    await click(client, share["tracked_url"], SECOND)
    await drain(rewards_worker)
    before = await my_points(client, sharing.member)

    cancelled = await client.post(f"/v1/shares/{share['id']}/cancel", json={}, headers=sharing.member)
    assert cancelled.status_code == 200, cancelled.text
    await drain(rewards_worker)
    await drain(rewards_worker)  # nothing is taken back twice
    after = await my_points(client, sharing.member)

    clicks = [entry for entry in before["items"] if entry["rule"] == "counted_click"]
    assert [(entry["points"], entry["status"]) for entry in clicks] == [(2, "credited"), (2, "credited")]
    assert before["balance"] == CHARTER_POINTS + 4
    reversals = [entry for entry in after["items"] if entry["kind"] == "reversal"]
    assert sorted(entry["reverses"] for entry in reversals) == sorted(entry["id"] for entry in clicks)
    assert {(entry["points"], entry["source_event_type"], entry["share_id"]) for entry in reversals} == {
        (-2, "share.cancelled", share["id"])
    }
    assert all("The share was cancelled" in entry["reason"] for entry in reversals)
    assert (after["balance"], after["earned"]) == (CHARTER_POINTS, CHARTER_POINTS)
    assert len(after["items"]) == len(before["items"]) + 2, "the awards stay; reversals are new entries"


async def burst(client: httpx.AsyncClient, sharing: Sharing, admin: dict[str, str]) -> dict[str, Any]:
    """A guard watching five clicks from two visitors, then a posted share clicked five times by one
    visitor and once by each of three others."""
    rules = {
        "rules": [{"kind": "share_posted", "points": 10}, {"kind": "counted_click", "points": 2}],
        "velocity_guard": {"window_minutes": 10, "min_clicks": 5, "max_visitors": 2},
    }
    assert (await client.put("/v1/reward-rules", json=rules, headers=admin)).status_code == 200
    share = await new_share(client, sharing)
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    for _ in range(5):
        await click(client, share["tracked_url"], FIRST)
    for address in (SECOND, THIRD, FOURTH):
        await click(client, share["tracked_url"], address)
    return share


async def test_staff_release_or_reverse_points_the_velocity_guard_withheld_once_each(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    moderator = staff(mint, tenant_a, "moderator")
    await burst(client, sharing, admin_a)
    await drain(rewards_worker)

    mine = await my_points(client, sharing.member)
    clicks = sorted(
        ((entry["status"], entry["points"]) for entry in mine["items"] if entry["rule"] == "counted_click"),
    )
    # The first visitor's first click and the fourth visitor's (three visitors by then) count; the
    # second's and third's came after five clicks from at most two visitors.
    assert clicks == [("credited", 2), ("credited", 2), ("withheld", 2), ("withheld", 2)]
    assert mine["balance"] == CHARTER_POINTS + 10 + 4, "withheld points count in nothing"
    listed = await client.get("/v1/points/withheld", headers=moderator)
    assert listed.status_code == 200, listed.text
    first, second = listed.json()["items"]
    assert first["id"] < second["id"], "oldest first"
    assert "withheld for review" in first["reason"]
    assert_problem(await client.get("/v1/points/withheld", headers=sharing.member), 403)
    assert (await client.get("/v1/points/withheld", headers=admin_b)).json()["items"] == []
    assert_problem(
        await client.post(f"/v1/points/withheld/{first['id']}/review", json={"decision": "release"}, headers=admin_b),
        404,
        "not-found",
    )

    released = await client.post(
        f"/v1/points/withheld/{first['id']}/review", json={"decision": "release"}, headers=moderator
    )
    reversed_ = await client.post(
        f"/v1/points/withheld/{second['id']}/review", json={"decision": "reverse"}, headers=admin_a
    )
    again = await client.post(
        f"/v1/points/withheld/{first['id']}/review", json={"decision": "reverse"}, headers=admin_a
    )

    assert released.status_code == 200, released.text
    assert (released.json()["status"], released.json()["actor"], released.json()["reviewed_at"] is not None) == (
        "released",
        "moderator|1",
        True,
    )
    assert reversed_.json()["status"] == "reversed"
    problem = assert_problem(again, 409, "invalid-transition")
    assert "released" in problem["detail"]
    after = await my_points(client, sharing.member)
    assert after["balance"] == mine["balance"] + 2, "released points count; reversed ones never do"
    statuses = {entry["id"]: entry["status"] for entry in after["items"]}
    assert (statuses[first["id"]], statuses[second["id"]]) == ("released", "reversed")
    assert (await client.get("/v1/points/withheld", headers=moderator)).json()["items"] == []
    async with engine.connect() as connection:
        announced = (
            await connection.execute(
                sa.text(
                    "SELECT data->>'entry_id' FROM outbox WHERE type = 'points.awarded' AND data->>'entry_id' = :id"
                ),
                {"id": first["id"]},
            )
        ).all()
    assert len(announced) == 1, "a release is announced as awarded"


async def test_reading_ones_points_costs_the_same_statements_for_two_entries_and_for_forty(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], count_statements: Any
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    ambassador_id = (await client.get("/v1/me", headers=sharing.member)).json()["ambassador"]["id"]
    costs = []
    for count in (2, 38):
        for number in range(count):
            adjustment = {"points": 1, "reason": f"Helped at the fair ({number})."}
            added = await client.post(
                f"/v1/ambassadors/{ambassador_id}/points/adjustments", json=adjustment, headers=admin_a
            )
            assert added.status_code == 201, added.text
        with count_statements() as reading:
            statement = await my_points(client, sharing.member, limit=100)
        costs.append((len(statement["items"]), reading.count))
    # The caller's employee and membership, the balance (one primary-key lookup), a page of entries.
    assert costs == [(2, 4), (40, 4)], costs
