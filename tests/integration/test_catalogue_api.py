"""The rewards catalogue over REST: rewards kept by staff, redemptions that spend points and refund them
by new ledger entries, every refusal a problem type with nothing written, roles and tenancy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.catalogue_helpers import balance, create_reward, credit, redeem
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    etag_version,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)

# A member's headers and their ambassador id.
Member = tuple[dict[str, str], str]


def at(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def member_of(
    client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: dict[str, str], name: str
) -> tuple[dict[str, str], str]:
    employee = await create_employee(client, admin, given_name=name)
    headers = await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")
    me = await client.get("/v1/me", headers=headers)
    return headers, me.json()["ambassador"]["id"]


@pytest.fixture
async def ada(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> tuple[dict[str, str], str]:
    return await member_of(client, mint, tenant_a, admin_a, "Ada")


async def ledger_kinds(engine: AsyncEngine, ambassador_id: str) -> list[tuple[str, int]]:
    statement = sa.text("SELECT kind, points FROM points_entries WHERE ambassador_id = :a ORDER BY id")
    async with engine.connect() as connection:
        return [(row.kind, row.points) for row in await connection.execute(statement, {"a": UUID(ambassador_id)})]


async def test_a_redemption_awaiting_approval_is_approved_then_fulfilled(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 600)
    lunch = await create_reward(
        client, manager, name="Lunch with the leadership", kind="experience", cost=500, stock=2, requires_approval=True
    )

    requested = await redeem(client, member, lunch["id"])

    assert requested.status_code == 201, requested.text
    redemption = requested.json()
    assert (redemption["status"], redemption["points"]) == ("requested", 500)
    assert redemption["allowed_actions"] == ["approve", "reject", "cancel"]
    assert await balance(engine, tenant_a, ambassador_id) == 100
    assert (await client.get(f"/v1/rewards/{lunch['id']}", headers=manager)).json()["stock"] == 1

    early = await client.post(f"/v1/redemptions/{redemption['id']}/fulfil", headers=manager)
    assert_problem(early, 409, "redemption-not-approved")

    approved = await client.post(f"/v1/redemptions/{redemption['id']}/approve", headers=manager | {"If-Match": '"v1"'})
    assert approved.status_code == 200, approved.text
    assert (approved.json()["status"], etag_version(approved)) == ("approved", 2)
    fulfilled = await client.post(f"/v1/redemptions/{redemption['id']}/fulfil", headers=manager)
    assert fulfilled.json()["status"] == "fulfilled"
    assert fulfilled.json()["fulfilled_at"] is not None
    mine = await client.get("/v1/me/redemptions", headers=member)
    assert [item["status"] for item in mine.json()["items"]] == ["fulfilled"]
    events = [kind for kind, _ in await outbox_events(engine, tenant_a) if kind.startswith("redemption.")]
    assert events == ["redemption.requested", "redemption.approved", "redemption.fulfilled"]


async def test_a_reward_without_approval_is_approved_at_once(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 100)
    mug = await create_reward(client, manager, cost=100)

    redeemed = await redeem(client, member, mug["id"])

    assert redeemed.json()["status"] == "approved"
    assert redeemed.json()["allowed_actions"] == ["reject", "fulfil"]
    assert await ledger_kinds(engine, ambassador_id) == [("adjustment", 100), ("redemption", -100)]


@pytest.mark.parametrize("undo", ["reject", "cancel"])
async def test_a_rejection_or_a_cancellation_refunds_by_a_new_entry(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
    undo: str,
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 300)
    lunch = await create_reward(client, manager, cost=300, stock=1, requires_approval=True)
    redemption = (await redeem(client, member, lunch["id"])).json()
    assert await balance(engine, tenant_a, ambassador_id) == 0

    if undo == "reject":
        undone = await client.post(
            f"/v1/redemptions/{redemption['id']}/reject", json={"reason": "The lunch is full."}, headers=manager
        )
    else:
        undone = await client.post(f"/v1/redemptions/{redemption['id']}/cancel", headers=member)

    assert undone.status_code == 200, undone.text
    assert undone.json()["status"] == ("rejected" if undo == "reject" else "cancelled")
    assert undone.json()["refund_entry_id"] is not None
    assert await balance(engine, tenant_a, ambassador_id) == 300
    assert await ledger_kinds(engine, ambassador_id) == [("adjustment", 300), ("redemption", -300), ("refund", 300)]
    assert (await client.get(f"/v1/rewards/{lunch['id']}", headers=manager)).json()["stock"] == 1
    again = await client.post(f"/v1/redemptions/{redemption['id']}/cancel", headers=member)
    assert_problem(again, 409, "invalid-transition")
    assert await balance(engine, tenant_a, ambassador_id) == 300


async def test_each_refusal_of_a_redemption_is_its_own_problem_and_writes_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 250)
    dear = await create_reward(client, manager, name="Conference pass", kind="experience", cost=400)
    gone = await create_reward(client, manager, name="Sold out", cost=10, stock=0)
    later = await create_reward(client, manager, name="Summer", cost=10, available_from=at(10))
    past = await create_reward(client, manager, name="Winter", cost=10, available_until=at(-1))
    once = await create_reward(client, manager, name="Once", cost=10, per_person_limit=1)
    archived = await create_reward(client, manager, name="Old", cost=10)
    await client.post(f"/v1/rewards/{archived['id']}/archive", headers=manager)
    assert (await redeem(client, member, once["id"])).status_code == 201

    cases = [
        (dear, "insufficient-points"),
        (gone, "out-of-stock"),
        (later, "reward-not-available"),
        (past, "reward-not-available"),
        (once, "redemption-limit-reached"),
        (archived, "reward-not-available"),
    ]
    for reward, problem_type in cases:
        async with nothing_written(engine):
            refused = await redeem(client, member, reward["id"])
        problem = assert_problem(refused, 409, problem_type)
        if problem_type == "insufficient-points":
            assert (problem["balance"], problem["cost"]) == (240, 400)
            assert "holds only 240" in problem["detail"]
        if problem_type == "redemption-limit-reached":
            assert problem["per_person_limit"] == 1
    assert await balance(engine, tenant_a, ambassador_id) == 240


async def test_an_ambassador_cannot_approve_and_staff_cannot_redeem(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 100)
    lunch = await create_reward(client, manager, cost=100, requires_approval=True)
    redemption = (await redeem(client, member, lunch["id"])).json()

    async with nothing_written(engine):
        assert_problem(await client.post(f"/v1/redemptions/{redemption['id']}/approve", headers=member), 403)
        assert_problem(
            await client.post("/v1/rewards", json={"name": "x", "kind": "gift", "cost": 1}, headers=member), 403
        )
        assert_problem(await redeem(client, manager, lunch["id"]), 403)
        assert_problem(await client.get("/v1/redemptions", headers=member), 403)


async def test_ambassadors_see_only_what_is_offered_now_and_staff_the_whole_catalogue(
    client: httpx.AsyncClient, manager: dict[str, str], ada: Member
) -> None:
    member, _ = ada
    offered = await create_reward(client, manager, name="Mug")
    later = await create_reward(client, manager, name="Later", available_from=at(3))
    archived = await create_reward(client, manager, name="Old")
    await client.post(f"/v1/rewards/{archived['id']}/archive", headers=manager)

    seen = await client.get("/v1/rewards", headers=member)
    assert [item["name"] for item in seen.json()["items"]] == ["Mug"]
    assert_problem(await client.get(f"/v1/rewards/{later['id']}", headers=member), 404, "not-found")
    staff = await client.get("/v1/rewards", headers=manager)
    assert [item["name"] for item in staff.json()["items"]] == ["Mug", "Later", "Old"]
    archived_only = await client.get("/v1/rewards", params={"status": "archived"}, headers=manager)
    assert [item["id"] for item in archived_only.json()["items"]] == [archived["id"]]
    assert offered["available_now"] is True


async def test_a_reward_changes_with_if_match_and_keeps_its_kind(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    reward = await create_reward(client, manager, stock=3)

    stale = await client.patch(f"/v1/rewards/{reward['id']}", json={"cost": 90}, headers=manager | {"If-Match": '"v7"'})
    assert_problem(stale, 412, "precondition-failed")
    changed = await client.patch(
        f"/v1/rewards/{reward['id']}", json={"cost": 90, "stock": None}, headers=manager | {"If-Match": '"v1"'}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["cost"], changed.json()["stock"], etag_version(changed)) == (90, None, 2)
    kind = await client.patch(f"/v1/rewards/{reward['id']}", json={"kind": "experience"}, headers=manager)
    assert_problem(kind, 422)
    zero = await client.post("/v1/rewards", json={"name": "Free", "kind": "gift", "cost": 0}, headers=manager)
    assert_problem(zero, 422)


async def test_another_tenant_cannot_see_redeem_or_approve_the_first_ones_rewards(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 100)
    lunch = await create_reward(client, manager, cost=50, requires_approval=True)
    redemption = (await redeem(client, member, lunch["id"])).json()
    intruder, intruder_id = await member_of(client, mint, tenant_b, admin_b, "Eve")
    await credit(engine, tenant_b, intruder_id, 100)
    their_manager = bearer(mint(tenant_b, "manager", subject="globex-manager"))

    async with nothing_written(engine):
        assert_problem(await redeem(client, intruder, lunch["id"]), 404, "not-found")
        assert_problem(await client.get(f"/v1/rewards/{lunch['id']}", headers=their_manager), 404, "not-found")
        approve = await client.post(f"/v1/redemptions/{redemption['id']}/approve", headers=their_manager)
        assert_problem(approve, 404, "not-found")
    assert (await client.get("/v1/rewards", headers=their_manager)).json()["items"] == []
    assert (await client.get("/v1/redemptions", headers=their_manager)).json()["items"] == []
    other: dict[str, Any] = (await client.get("/v1/rewards", headers=intruder)).json()
    assert other["items"] == []


async def test_a_reward_read_again_is_not_modified_until_a_unit_is_taken(
    client: httpx.AsyncClient, engine: AsyncEngine, manager: dict[str, str], ada: Member, tenant_a: UUID
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 100)
    url = f"/v1/rewards/{(await create_reward(client, manager, stock=5))['id']}"
    first = await client.get(url, headers=manager)
    assert (await client.get(url, headers=manager | {"If-None-Match": first.headers["ETag"]})).status_code == 304

    redemption = (await redeem(client, member, url.rsplit("/", 1)[1])).json()
    fresh = await client.get(url, headers=manager | {"If-None-Match": first.headers["ETag"]})

    assert (fresh.status_code, fresh.json()["stock"]) == (200, 4)
    read = await client.get(f"/v1/redemptions/{redemption['id']}", headers=member)
    again = await client.get(
        f"/v1/redemptions/{redemption['id']}", headers=member | {"If-None-Match": read.headers["ETag"]}
    )
    assert (read.status_code, again.status_code) == (200, 304)


async def test_a_redemption_costs_the_same_statements_whatever_the_balance_and_stock(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    manager: dict[str, str],
    ada: Member,
    tenant_a: UUID,
    count_statements: Callable[[], Any],
) -> None:
    member, ambassador_id = ada
    await credit(engine, tenant_a, ambassador_id, 10_000)
    counts = []
    for stock in (None, 3, 500):
        reward = await create_reward(client, manager, name=f"Stock {stock}", cost=10, stock=stock, per_person_limit=2)
        with count_statements() as counter:
            assert (await redeem(client, member, reward["id"])).status_code == 201
        counts.append(len(counter.statements))

    assert counts == [counts[0]] * 3
    assert counts[0] <= 12, counts
