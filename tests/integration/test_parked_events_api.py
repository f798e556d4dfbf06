"""/v1/parked-events: operators list the events the worker parked, and replay them once fixed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.system import Uuid7Generator
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem
from tests.integration.worker_helpers import rows

PARKED_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ids = Uuid7Generator()


async def park(
    engine: AsyncEngine, tenant_id: UUID, handler: str = "rewards", event_type: str = "share.posted"
) -> UUID:
    """A parked event, as the worker leaves one after the last failed try; its id."""
    parked_id, event_id = ids.new_id(), ids.new_id()
    statement = sa.text(
        "INSERT INTO parked_events (tenant_id, id, event_id, handler, source, event_type, occurred_at, attempts,"
        " error, parked_at) VALUES (:t, :id, :e, :h, 'outbox', :type, :at, 10, 'KeyError: ''network''', :at)"
    )
    values = {"t": tenant_id, "id": parked_id, "e": event_id, "h": handler, "type": event_type, "at": PARKED_AT}
    async with engine.begin() as connection:
        await connection.execute(statement, values)
    return parked_id


async def test_an_operator_lists_the_parked_events_of_every_organisation_in_the_order_parked(
    client: httpx.AsyncClient, engine: AsyncEngine, operator_headers: dict[str, str], tenant_a: UUID, tenant_b: UUID
) -> None:
    parked = [await park(engine, tenant_a), await park(engine, tenant_b, "webhooks"), await park(engine, tenant_a)]

    first = await client.get("/v1/parked-events", params={"limit": 2}, headers=operator_headers)
    second = await client.get(
        "/v1/parked-events", params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=operator_headers
    )

    assert first.status_code == 200, first.text
    assert [item["id"] for item in first.json()["items"] + second.json()["items"]] == [str(p) for p in parked]
    assert second.json()["next_cursor"] is None
    item = first.json()["items"][1]
    assert item["tenant_id"] == str(tenant_b)
    assert (item["handler"], item["type"], item["source"]) == ("webhooks", "share.posted", "outbox")
    assert item["attempts"] == 10
    assert item["error"] == "KeyError: 'network'"
    assert item["parked_at"] == "2026-03-02T09:00:00Z"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"handler": "webhooks"}, [1]),
        ({"type": "click.recorded"}, [2]),
        ({"tenant": "b"}, [1]),
        ({"tenant": "a", "handler": "rewards"}, [0, 2]),
        ({"handler": "nobody"}, []),
    ],
)
async def test_parked_events_are_filtered_by_organisation_handler_and_type(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    operator_headers: dict[str, str],
    tenant_a: UUID,
    tenant_b: UUID,
    query: dict[str, str],
    expected: list[int],
) -> None:
    parked = [
        await park(engine, tenant_a),
        await park(engine, tenant_b, "webhooks"),
        await park(engine, tenant_a, event_type="click.recorded"),
    ]
    if "tenant" in query:
        query["tenant_id"] = str({"a": tenant_a, "b": tenant_b}[query.pop("tenant")])

    response = await client.get("/v1/parked-events", params=query, headers=operator_headers)

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [str(parked[n]) for n in expected]


async def test_replaying_a_parked_event_makes_it_due_at_once_with_every_try_ahead(
    client: httpx.AsyncClient, engine: AsyncEngine, operator_headers: dict[str, str], tenant_a: UUID
) -> None:
    parked_id = await park(engine, tenant_a)
    before = datetime.now(UTC)

    response = await client.post(f"/v1/parked-events/{parked_id}/replay", headers=operator_headers)

    assert response.status_code == 202, response.text
    assert response.json()["id"] == str(parked_id)
    assert await rows(engine, "parked_events") == []
    [pending] = await rows(engine, "event_deliveries")
    assert str(pending["event_id"]) == response.json()["event_id"]
    assert (pending["handler"], pending["attempts"], pending["last_error"]) == ("rewards", 0, "KeyError: 'network'")
    assert before - timedelta(seconds=1) <= pending["next_attempt_at"] <= datetime.now(UTC)
    again = await client.post(f"/v1/parked-events/{parked_id}/replay", headers=operator_headers)
    body = assert_problem(again, 404, "not-found")
    assert body["detail"] == f"No parked event with id {parked_id} exists."


async def test_replaying_many_parked_events_replays_those_that_match(
    client: httpx.AsyncClient, engine: AsyncEngine, operator_headers: dict[str, str], tenant_a: UUID, tenant_b: UUID
) -> None:
    await park(engine, tenant_a)
    await park(engine, tenant_b)
    kept = await park(engine, tenant_a, "webhooks")

    response = await client.post("/v1/parked-events/replay", json={"handler": "rewards"}, headers=operator_headers)

    assert response.status_code == 202, response.text
    assert response.json() == {"replayed": 2}
    assert [row["id"] for row in await rows(engine, "parked_events", order="id")] == [kept]
    assert {row["handler"] for row in await rows(engine, "event_deliveries")} == {"rewards"}
    everything = await client.post("/v1/parked-events/replay", json={}, headers=operator_headers)
    assert everything.json() == {"replayed": 1}


@pytest.mark.parametrize("role", ["admin", "manager", "ambassador", "integrator"])
async def test_only_operators_see_or_replay_parked_events(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, role: str
) -> None:
    parked_id = await park(engine, tenant_a)
    headers = bearer(mint(tenant_a, role, email=f"{role}@acme.example"))

    listed = await client.get("/v1/parked-events", headers=headers)
    replayed = await client.post(f"/v1/parked-events/{parked_id}/replay", headers=headers)
    replayed_all = await client.post("/v1/parked-events/replay", json={}, headers=headers)

    for response in (listed, replayed, replayed_all):
        assert_problem(response, 403, "forbidden")
    assert [row["id"] for row in await rows(engine, "parked_events", order="id")] == [parked_id]


async def test_a_replay_naming_an_unknown_field_is_refused(
    client: httpx.AsyncClient, operator_headers: dict[str, str]
) -> None:
    response = await client.post("/v1/parked-events/replay", json={"handlers": "rewards"}, headers=operator_headers)
    assert_problem(response, 422, "validation-failed")
