"""The review over REST: four-eyes, the weekly cadence and its override, who may review."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, create_content, staff, transition
from tests.integration.helpers import assert_problem, nothing_written, outbox_events, stored_row


@pytest.fixture
async def manager(client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID) -> dict[str, str]:
    await configure(client, admin_a)
    return staff(mint, tenant_a, "manager")


@pytest.fixture
def moderator(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return staff(mint, tenant_a, "moderator")


def days_from_now(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def test_the_cadence_guard_stops_a_fifth_content_in_a_week(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    moderator: dict[str, str],
    admin_a: dict[str, str],
    engine: AsyncEngine,
    tenant_a: UUID,
) -> None:
    week = [await approved_content(client, manager, moderator, publish_at=days_from_now(day + 1)) for day in range(4)]
    # Internal news to read does not count, nor does content for another week.
    await approved_content(client, manager, moderator, shareable=False, publish_at=days_from_now(2))
    await approved_content(client, manager, moderator, publish_at=days_from_now(12))
    fifth = await create_content(client, manager, publish_at=days_from_now(3.5))
    await transition(client, manager, fifth["id"], "submit")
    row_before = await stored_row(engine, "contents", fifth["id"])
    events_before = await outbox_events(engine, tenant_a)

    async with nothing_written(engine):
        refused = await transition(client, moderator, fifth["id"], "approve")
        not_admin = await transition(client, manager, fifth["id"], "approve", {"override_cadence": True})

    problem = assert_problem(refused, 409, "cadence-exceeded")
    assert sorted(problem["conflicting_contents"]) == sorted(content["id"] for content in week)
    assert problem["weekly_content_budget"] == 4
    assert set(problem["window"]) == {"starts_at", "ends_at"}
    assert_problem(not_admin, 403, "forbidden")
    assert await stored_row(engine, "contents", fifth["id"]) == row_before
    assert await outbox_events(engine, tenant_a) == events_before

    overridden = await transition(client, admin_a, fifth["id"], "approve", {"override_cadence": True})
    assert overridden.status_code == 200, overridden.text
    assert overridden.json()["status"] == "approved"
    last = (await client.get(f"/v1/contents/{fifth['id']}/history", headers=admin_a)).json()[-1]
    assert (last["action"], last["override_cadence"], last["actor"]) == ("approve", True, "admin-admin@acme.example")


async def test_contents_for_another_department_do_not_count(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str], admin_a: dict[str, str]
) -> None:
    await configure(client, admin_a, weekly_content_budget=2)
    for _ in range(2):
        await approved_content(client, manager, moderator, targeting={"departments": ["Sales"]})
    other = await approved_content(client, manager, moderator, targeting={"departments": ["Marketing"]})
    assert other["status"] == "published"
    content = await create_content(client, manager, targeting={"locations": ["Paris"]})
    await transition(client, manager, content["id"], "submit")
    assert_problem(await transition(client, moderator, content["id"], "approve"), 409, "cadence-exceeded")


async def test_with_four_eyes_nobody_approves_their_own_content(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    engine: AsyncEngine,
) -> None:
    await configure(client, admin_a, four_eyes_review=True)
    content = await create_content(client, manager)
    await transition(client, manager, content["id"], "submit")
    async with nothing_written(engine):
        own = await transition(client, manager, content["id"], "approve")
    assert_problem(own, 403, "self-approval")
    colleague = staff(mint, tenant_a, "manager", subject="manager|2")
    assert (await transition(client, colleague, content["id"], "approve")).json()["status"] == "published"


@pytest.mark.parametrize(
    ("role", "action"), [("analyst", "approve"), ("moderator", "submit"), ("integrator", "reject")]
)
async def test_only_their_roles_move_content_through_review(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    engine: AsyncEngine,
    role: str,
    action: str,
) -> None:
    content = await create_content(client, manager)
    await transition(client, manager, content["id"], "submit")
    async with nothing_written(engine):
        body = {"reason": "Hors sujet."} if action == "reject" else None
        response = await transition(client, staff(mint, tenant_a, role), content["id"], action, body)
    assert_problem(response, 403, "forbidden")


async def test_an_unknown_content_is_a_404_for_every_transition(
    client: httpx.AsyncClient, moderator: dict[str, str], manager: dict[str, str]
) -> None:
    unknown = "01960000-0000-7000-8000-0000000000ff"
    for headers, action in ((manager, "submit"), (moderator, "approve"), (moderator, "archive")):
        assert_problem(await transition(client, headers, unknown, action), 404, "not-found")
    assert_problem(await client.get(f"/v1/contents/{unknown}/history", headers=manager), 404, "not-found")
