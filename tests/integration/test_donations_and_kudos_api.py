"""Donations and kudos over REST on PostgreSQL: points given to the association an ambassador chooses
(a ledger entry of kind donation), totals per association, and public recognition on a profile."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.catalogue_helpers import balance, create_association, credit
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)

Member = tuple[dict[str, str], str]


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def member_of(client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: dict[str, str], name: str) -> Member:
    employee = await create_employee(client, admin, given_name=name)
    headers = await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")
    return headers, (await client.get("/v1/me", headers=headers)).json()["ambassador"]["id"]


async def donate(
    client: httpx.AsyncClient, headers: dict[str, str], association_id: str, points: int
) -> httpx.Response:
    return await client.post(
        "/v1/donations", json={"association_id": association_id, "points": points}, headers=headers
    )


async def test_ambassadors_give_points_and_the_programme_reads_totals_per_association(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada, ada_id = await member_of(client, mint, tenant_a, admin_a, "Ada")
    bob, bob_id = await member_of(client, mint, tenant_a, admin_a, "Bob")
    await credit(engine, tenant_a, ada_id, 500)
    await credit(engine, tenant_a, bob_id, 100)
    restos = await create_association(client, admin_a, "Restos du Cœur")
    croix = await create_association(client, admin_a, "Croix-Rouge")
    await create_association(client, admin_a, "Nobody gives here")

    given = await donate(client, ada, restos["id"], 200)
    assert given.status_code == 201, given.text
    assert (await donate(client, ada, restos["id"], 100)).status_code == 201
    assert (await donate(client, bob, restos["id"], 50)).status_code == 201
    assert (await donate(client, ada, croix["id"], 25)).status_code == 201

    totals = await client.get("/v1/donations/totals", headers=admin_a)
    assert sorted(
        (t["association_id"], t["points"], t["donations"], t["donors"]) for t in totals.json()["items"]
    ) == sorted([(restos["id"], 350, 3, 2), (croix["id"], 25, 1, 1)])
    assert await balance(engine, tenant_a, ada_id) == 175
    async with engine.connect() as connection:
        kinds = (
            await connection.execute(
                sa.text("SELECT kind, points FROM points_entries WHERE id = :id"),
                {"id": UUID(given.json()["entry_id"])},
            )
        ).one()
    assert tuple(kinds) == ("donation", -200)
    mine = await client.get("/v1/me/donations", headers=bob)
    assert [(d["association_id"], d["points"]) for d in mine.json()["items"]] == [(restos["id"], 50)]
    assert [kind for kind, _ in await outbox_events(engine, tenant_a) if kind == "donation.made"] == [
        "donation.made"
    ] * 4


async def test_a_donation_is_refused_when_the_balance_is_too_low_or_the_association_withdrawn(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada, ada_id = await member_of(client, mint, tenant_a, admin_a, "Ada")
    await credit(engine, tenant_a, ada_id, 40)
    restos = await create_association(client, admin_a, "Restos du Cœur")
    old = await create_association(client, admin_a, "Old friends")
    assert (await client.post(f"/v1/associations/{old['id']}/archive", headers=admin_a)).status_code == 200

    async with nothing_written(engine):
        too_much = assert_problem(await donate(client, ada, restos["id"], 41), 409, "insufficient-points")
        assert_problem(await donate(client, ada, old["id"], 10), 409, "association-not-available")
        assert_problem(await donate(client, ada, restos["id"], 0), 422)
        assert_problem(await donate(client, admin_a, restos["id"], 10), 403)
    assert (too_much["balance"], too_much["cost"]) == (40, 41)
    listed = await client.get("/v1/associations", headers=ada)
    assert [a["name"] for a in listed.json()["items"]] == ["Restos du Cœur"]


async def test_another_tenant_cannot_give_to_nor_read_the_first_ones_associations(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    restos = await create_association(client, admin_a, "Restos du Cœur")
    eve, eve_id = await member_of(client, mint, tenant_b, admin_b, "Eve")
    await credit(engine, tenant_b, eve_id, 100)

    async with nothing_written(engine):
        assert_problem(await donate(client, eve, restos["id"], 10), 404, "not-found")
    assert (await client.get("/v1/associations", headers=admin_b)).json()["items"] == []
    assert (await client.get("/v1/donations/totals", headers=admin_b)).json()["items"] == []


async def test_staff_send_kudos_that_show_on_the_profile_newest_first(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    manager: dict[str, str],
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    ada, ada_id = await member_of(client, mint, tenant_a, admin_a, "Ada")
    bob, _ = await member_of(client, mint, tenant_a, admin_a, "Bob")
    for message in ("Two candidates from your post!", "Thanks for the launch week."):
        sent = await client.post(f"/v1/ambassadors/{ada_id}/kudos", json={"message": message}, headers=manager)
        assert sent.status_code == 201, sent.text

    profile = await client.get(f"/v1/ambassadors/{ada_id}/kudos", headers=bob)
    mine = await client.get("/v1/me/kudos", headers=ada)

    assert [k["message"] for k in profile.json()["items"]] == [
        "Thanks for the launch week.",
        "Two candidates from your post!",
    ]
    assert mine.json() == profile.json()
    assert profile.json()["items"][0]["sent_by"] == "programme-manager"
    events = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "kudos.sent"]
    assert [(e["ambassador_id"], e["message"]) for e in events] == [
        (ada_id, "Two candidates from your post!"),
        (ada_id, "Thanks for the launch week."),
    ]


async def test_kudos_need_staff_a_message_and_a_member_of_the_same_programme(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    manager: dict[str, str],
    tenant_a: UUID,
    admin_a: dict[str, str],
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    ada, ada_id = await member_of(client, mint, tenant_a, admin_a, "Ada")
    _, eve_id = await member_of(client, mint, tenant_b, admin_b, "Eve")

    async with nothing_written(engine):
        kudos = {"message": "Great work"}
        assert_problem(await client.post(f"/v1/ambassadors/{ada_id}/kudos", json=kudos, headers=ada), 403)
        assert_problem(await client.post(f"/v1/ambassadors/{eve_id}/kudos", json=kudos, headers=manager), 404)
        blank = await client.post(f"/v1/ambassadors/{ada_id}/kudos", json={"message": "  "}, headers=manager)
        assert_problem(blank, 422)
