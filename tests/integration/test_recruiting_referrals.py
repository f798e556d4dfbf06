"""Referrals over REST on PostgreSQL: an ambassador invites a colleague, a few a day, and is credited by
the worker, once, when the colleague joins."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)
from tests.integration.recruiting_helpers import prospects, refer
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def _member(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], subject: str
) -> dict[str, str]:
    employee = await create_employee(client, admin, department="Sales")
    return await join_as_ambassador(client, mint, tenant_id, employee, subject=subject)


async def test_an_ambassador_invites_a_colleague_who_gets_the_normal_invitation_once(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await _member(client, mint, tenant_a, admin_a, "idp|ada")
    colleague = await create_employee(client, admin_a, given_name="Grace", family_name="Hopper")

    made = await refer(client, ada, colleague["id"])
    again = await refer(client, ada, colleague["id"])

    assert made.status_code == 201, made.text
    assert made.json()["status"] == "pending"
    assert made.json()["given_name"] == "Grace"
    assert (again.status_code, again.json()["id"]) == (200, made.json()["id"])
    kinds = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert kinds.count("ambassador.invited") == 1
    assert kinds.count("referral.made") == 1
    [prospect] = await prospects(client, admin_a, standing="invited")
    assert prospect["employee_id"] == colleague["id"]
    mine = await client.get("/v1/me/referrals", headers=ada)
    assert [r["employee_id"] for r in mine.json()["items"]] == [colleague["id"]]


async def test_a_standing_invitation_gets_no_reminder_when_a_colleague_refers_them(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await _member(client, mint, tenant_a, admin_a, "idp|ada")
    colleague = await create_employee(client, admin_a)
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": colleague["id"]}, headers=admin_a)
    assert invited.status_code == 201, invited.text

    made = await refer(client, ada, colleague["id"])

    assert made.status_code == 201, made.text
    kinds = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert kinds.count("ambassador.invited") == 1


async def test_referrals_refused_write_nothing(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    ada = await _member(client, mint, tenant_a, admin_a, "idp|ada")
    grace_employee = await create_employee(client, admin_a)
    await join_as_ambassador(client, mint, tenant_a, grace_employee, subject="idp|grace")
    gone = await create_employee(client, admin_a)
    ended = await client.post(
        f"/v1/employees/{gone['id']}/terminate", json={"terminated_on": "2025-01-31"}, headers=admin_a
    )
    assert ended.status_code == 200, ended.text
    theirs = await create_employee(client, admin_b)
    stranger = await create_employee(client, admin_a)

    async with nothing_written(engine):
        member = await refer(client, ada, grace_employee["id"])
        terminated = await refer(client, ada, gone["id"])
        other_tenant = await refer(client, ada, theirs["id"])
        not_a_member = await refer(client, await join_without_opting_in(mint, tenant_a, stranger), gone["id"])

    assert_problem(member, 409, "already-ambassador")
    assert_problem(terminated, 409, "employee-terminated")
    assert theirs["id"] in assert_problem(other_tenant, 404, "not-found")["detail"]
    assert_problem(not_a_member, 409, "not-an-ambassador")


async def join_without_opting_in(mint: Mint, tenant_id: UUID, employee: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(tenant_id, 'ambassador', email=employee['email'], subject='idp|x')}"}


async def test_an_ambassador_invites_at_most_five_colleagues_a_day(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await _member(client, mint, tenant_a, admin_a, "idp|ada")
    colleagues = [await create_employee(client, admin_a) for _ in range(6)]
    for colleague in colleagues[:5]:
        assert (await refer(client, ada, colleague["id"])).status_code == 201

    async with nothing_written(engine):
        sixth = await refer(client, ada, colleagues[5]["id"])

    assert assert_problem(sixth, 409, "referral-limit-reached")["referrals_per_day"] == 5


async def test_the_first_referral_is_credited_once_when_the_colleague_joins(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    ada = await _member(client, mint, tenant_a, admin_a, "idp|ada")
    bob = await _member(client, mint, tenant_a, admin_a, "idp|bob")
    colleague = await create_employee(client, admin_a)
    assert (await refer(client, ada, colleague["id"])).status_code == 201
    assert (await refer(client, bob, colleague["id"])).status_code == 201
    await drain(rewards_worker)

    grace = await join_as_ambassador(client, mint, tenant_a, colleague, subject="idp|grace")
    await drain(rewards_worker)
    # Leaving and joining again credits nobody a second time.
    assert (await client.post("/v1/me/opt-out", headers=grace)).status_code == 200
    assert (await client.post("/v1/me/opt-in", headers=grace)).status_code == 200
    await drain(rewards_worker)

    adas = (await client.get("/v1/me/referrals", headers=ada)).json()["items"]
    bobs = (await client.get("/v1/me/referrals", headers=bob)).json()["items"]
    assert [r["status"] for r in adas] == ["credited"]
    assert adas[0]["closed_at"] is not None
    assert [r["status"] for r in bobs] == ["not_credited"]
    ada_rules = [entry["rule"] for entry in (await my_points(client, ada))["items"]]
    bob_rules = [entry["rule"] for entry in (await my_points(client, bob))["items"]]
    assert ada_rules.count("colleague_joined") == 1
    assert "colleague_joined" not in bob_rules
    kinds = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert kinds.count("referral.credited") == 1
