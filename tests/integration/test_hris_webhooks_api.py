"""HRIS webhooks through HTTP on PostgreSQL: signed events keep the roster right through hires, moves,
departures, replays and events that arrive out of order; unsigned ones change nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import (
    assert_problem,
    error_locations,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)
from tests.integration.integration_helpers import TOO_OLD, deliver, event, register_hris, signed

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}


async def roster(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    listed = await client.get("/v1/employees", headers=headers)
    assert listed.status_code == 200, listed.text
    return {employee["external_id"]: employee for employee in listed.json()["items"]}


async def deliveries(client: httpx.AsyncClient, headers: dict[str, str], integration: dict[str, Any]) -> list[Any]:
    listed = await client.get(f"/v1/integrations/{integration['id']}/deliveries", headers=headers)
    assert listed.status_code == 200, listed.text
    items: list[Any] = listed.json()["items"]
    return items


async def test_a_signed_hire_adds_the_employee_and_is_logged_applied(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)

    response = await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", department="R&D", **ADA))

    assert response.status_code == 200, response.text
    assert response.json()["outcome"] == "applied"
    ada = (await roster(client, admin_a))["HR-1"]
    assert (ada["email"], ada["department"], ada["status"]) == ("ada@acme.example", "R&D", "active")
    [logged] = await deliveries(client, admin_a, hris)
    assert (logged["outcome"], logged["event_type"], logged["external_id"]) == ("applied", "employee.hired", "HR-1")


async def test_an_older_update_arriving_late_is_stale_and_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", department="R&D", **ADA))
    newer = await deliver(client, hris, event("updated", "2026-03-04T08:00:00Z", external_id="HR-1", department="Ops"))
    assert newer.json()["outcome"] == "applied"

    older = await deliver(client, hris, event("updated", "2026-03-03T08:00:00Z", external_id="HR-1", department="HR"))

    assert older.status_code == 200, older.text
    assert older.json()["outcome"] == "stale"
    assert (await roster(client, admin_a))["HR-1"]["department"] == "Ops"
    assert [d["outcome"] for d in await deliveries(client, admin_a, hris)] == ["stale", "applied", "applied"]


async def test_a_termination_ends_the_membership_for_departure(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
    ada = (await roster(client, admin_a))["HR-1"]
    await join_as_ambassador(client, mint, tenant_a, ada, "idp|ada")

    left = await deliver(
        client, hris, event("terminated", "2026-03-20T08:00:00Z", external_id="HR-1", terminated_on="2026-03-19")
    )

    assert left.json()["outcome"] == "applied", left.text
    ada = (await roster(client, admin_a))["HR-1"]
    assert (ada["status"], ada["terminated_on"]) == ("terminated", "2026-03-19")
    members = (await client.get("/v1/ambassadors", headers=admin_a)).json()["items"]
    assert [member["status"] for member in members] == ["left"]
    left_events = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "ambassador.left"]
    assert [data["reason"] for data in left_events] == ["departure"]


async def test_a_rehire_reactivates_the_employee_but_not_the_membership(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
    await join_as_ambassador(client, mint, tenant_a, (await roster(client, admin_a))["HR-1"], "idp|ada")
    await deliver(client, hris, event("terminated", "2026-03-20T08:00:00Z", external_id="HR-1"))

    back = await deliver(client, hris, event("rehired", "2026-06-01T08:00:00Z", external_id="HR-1", department="Ops"))

    assert back.json()["outcome"] == "applied", back.text
    ada = (await roster(client, admin_a))["HR-1"]
    assert (ada["status"], ada["terminated_on"], ada["department"]) == ("active", None, "Ops")
    members = (await client.get("/v1/ambassadors", headers=admin_a)).json()["items"]
    assert [member["status"] for member in members] == ["left"]


async def test_a_replay_is_a_duplicate_and_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    first = event("hired", "2026-03-02T08:00:00Z", department="R&D", **ADA)
    await deliver(client, hris, first, webhook_id="msg_1")
    await deliver(client, hris, event("updated", "2026-03-03T08:00:00Z", external_id="HR-1", department="Ops"))
    before = (await roster(client, admin_a))["HR-1"]

    replayed = await deliver(client, hris, first, webhook_id="msg_1")

    assert replayed.status_code == 200, replayed.text
    assert replayed.json()["outcome"] == "duplicate"
    assert (await roster(client, admin_a))["HR-1"] == before
    assert [d["outcome"] for d in await deliveries(client, admin_a, hris)] == ["duplicate", "applied", "applied"]


async def test_unsigned_badly_signed_and_stale_signatures_are_refused_and_write_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    url = f"/v1/integrations/{hris['id']}/events"
    payload = event("hired", "2026-03-02T08:00:00Z", **ADA)
    body, headers = signed(hris["credential"], payload)
    unsigned = {"content-type": "application/json"}
    forged = headers | {"webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}
    tampered = body.replace(b"Ada", b"Eve")
    old_body, old_headers = signed(hris["credential"], payload, signed_at=datetime.now(UTC) - TOO_OLD)

    async with nothing_written(engine):
        for content, sent in ((body, unsigned), (body, forged), (tampered, headers), (old_body, old_headers)):
            problem = assert_problem(await client.post(url, content=content, headers=sent), 401, "unverified-delivery")
            assert "signed" in problem["detail"]


async def test_a_bad_payload_names_the_field_is_logged_refused_and_leaves_the_roster(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)

    response = await deliver(client, hris, event("hired", "yesterday", **(ADA | {"hired_on": "March 2nd"})))

    problem = assert_problem(response, 422, "validation-failed")
    assert sorted(error_locations(problem)) == [["body", "data", "hired_on"], ["body", "timestamp"]]
    assert await roster(client, admin_a) == {}
    [logged] = await deliveries(client, admin_a, hris)
    assert logged["outcome"] == "refused"
    assert "hired_on" in logged["reason"]


async def test_an_update_for_someone_not_hired_is_refused_and_its_retry_is_judged_afresh(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)
    update = event("updated", "2026-03-03T08:00:00Z", external_id="HR-1", department="Ops")

    early = await deliver(client, hris, update, webhook_id="msg_update")
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
    retried = await deliver(client, hris, update, webhook_id="msg_update")

    assert_problem(early, 409, "delivery-refused")
    assert retried.json()["outcome"] == "applied", retried.text
    assert (await roster(client, admin_a))["HR-1"]["department"] == "Ops"


async def test_a_manager_named_before_they_arrive_is_linked_when_they_do(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", manager_external_id="HR-9", **ADA))
    assert (await roster(client, admin_a))["HR-1"]["manager_id"] is None

    grace = {"external_id": "HR-9", "email": "grace@acme.example", "given_name": "Grace", "family_name": "Hopper"}
    await deliver(client, hris, event("hired", "2026-03-02T09:00:00Z", **grace))

    people = await roster(client, admin_a)
    assert people["HR-1"]["manager_id"] == people["HR-9"]["id"]
    updates = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "employee.updated"]
    assert updates == [{"id": people["HR-1"]["id"], "fields": ["manager_id"]}]


async def test_only_the_owned_fields_change(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", department="R&D", location="Paris", **ADA))
    read = await client.get(f"/v1/integrations/{hris['id']}", headers=admin_a)
    narrowed = await client.patch(
        f"/v1/integrations/{hris['id']}",
        json={"owned_fields": ["department"]},
        headers=admin_a | {"If-Match": read.headers["ETag"]},
    )
    assert narrowed.status_code == 200, narrowed.text
    assert narrowed.json()["owned_fields"] == ["department"]

    moved = event("updated", "2026-03-05T08:00:00Z", external_id="HR-1", department="Ops", location="Berlin")
    assert (await deliver(client, hris, moved)).json()["outcome"] == "applied"

    ada = (await roster(client, admin_a))["HR-1"]
    assert (ada["department"], ada["location"]) == ("Ops", "Paris")


async def test_twins_delivered_at_once_apply_once_and_the_other_is_a_duplicate(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)
    hired = event("hired", "2026-03-02T08:00:00Z", **ADA)

    answers = await asyncio.gather(*(deliver(client, hris, hired, webhook_id="msg_twin") for _ in range(2)))

    assert sorted(answer.json()["outcome"] for answer in answers) == ["applied", "duplicate"]
    assert list(await roster(client, admin_a)) == ["HR-1"]


async def test_a_delivery_costs_the_same_few_statements_whatever_the_roster(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Any
) -> None:
    hris = await register_hris(client, admin_a)
    await deliver(client, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
    costs = []
    for number in (1, 2):
        with count_statements() as counted:
            moved = event("updated", f"2026-03-0{2 + number}T08:00:00Z", external_id="HR-1", location=f"L{number}")
            assert (await deliver(client, hris, moved)).json()["outcome"] == "applied"
        costs.append(counted.count)
        await deliver(client, hris, event("hired", "2026-03-02T09:00:00Z", **(ADA | _other(number))))

    assert costs[0] == costs[1]
    assert costs[0] <= 12, costs


def _other(number: int) -> dict[str, str]:
    return {"external_id": f"HR-{100 + number}", "email": f"other{number}@acme.example"}
