"""Roster imports over REST: the dry run changes nothing, the apply changes exactly what it showed."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, join_as_ambassador, nothing_written, outbox_events
from tests.integration.roster_import_helpers import csv_file, csv_row, hire, preview, roster, send_file


async def test_a_dry_run_counts_the_diff_and_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, 1, 2, 3)
    before = await roster(engine, tenant_a)
    file = csv_file(csv_row(1, department="Sales"), csv_row(2), csv_row(4, manager="HR-1"))

    answer = await preview(client, admin_a, file)

    assert answer["status"] == "previewed"
    assert answer["counts"] == {"create": 1, "update": 1, "terminate": 1, "unchanged": 1}
    assert (answer["rows"], answer["bad_rows"], answer["errors"]) == (3, 0, [])
    assert await roster(engine, tenant_a) == before
    read = await client.get(f"/v1/roster-imports/{answer['id']}", headers=admin_a)
    assert read.json()["counts"] == answer["counts"]


async def test_applying_changes_exactly_what_the_dry_run_showed(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID, mint: Mint
) -> None:
    hired = await hire(client, admin_a, *range(1, 12))
    await join_as_ambassador(client, mint, tenant_a, hired[11], "leaver")
    file = csv_file(*(csv_row(n) for n in range(2, 11)), csv_row(1, department="Sales"), csv_row(12, manager="HR-1"))
    answer = await preview(client, admin_a, file)
    assert answer["counts"] == {"create": 1, "update": 1, "terminate": 1, "unchanged": 9}

    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert applied.status_code == 200, applied.text
    assert applied.json()["status"] == "applied"
    after = await roster(engine, tenant_a)
    assert after["HR-1"]["department"] == "Sales"
    assert after["HR-11"]["status"] == "terminated"
    assert after["HR-12"]["manager_id"] == after["HR-1"]["id"]
    assert UUID(str(after["HR-12"]["id"])).version == 7
    assert {after[f"HR-{n}"]["version"] for n in range(2, 11)} == {1}
    events = await outbox_events(engine, tenant_a)
    imported = [data for kind, data in events if kind == "roster.imported"]
    assert imported == [{"id": answer["id"], "mode": "full", "created": 1, "updated": 1, "terminated": 1,
                         "memberships_ended": 1}]  # fmt: skip
    left = [data for kind, data in events if kind == "ambassador.left"]
    assert [(data["employee_id"], data["reason"]) for data in left] == [(hired[11]["id"], "departure")]
    again = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)
    assert_problem(again, 409, "import-already-applied")


async def test_managers_hired_by_the_same_file_manage_their_reports_once_applied(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, 1)
    # HR-23 is listed before its manager HR-22, whose manager HR-21 is new too; HR-21's is on the roster.
    file = csv_file(csv_row(23, manager="HR-22"), csv_row(21, manager="HR-1"), csv_row(22, manager="HR-21"))
    answer = await preview(client, admin_a, file, mode="partial")
    assert answer["counts"] == {"create": 3, "update": 0, "terminate": 0, "unchanged": 0}

    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert applied.status_code == 200, applied.text
    after = await roster(engine, tenant_a)
    assert after["HR-21"]["manager_id"] == after["HR-1"]["id"]
    assert after["HR-22"]["manager_id"] == after["HR-21"]["id"]
    assert after["HR-23"]["manager_id"] == after["HR-22"]["id"]


async def test_an_import_is_refused_when_the_roster_changed_since_its_dry_run(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hired = await hire(client, admin_a, 1, 2)
    answer = await preview(client, admin_a, csv_file(csv_row(1, department="Sales"), csv_row(2), csv_row(3)))
    edited = await client.patch(f"/v1/employees/{hired[2]['id']}", json={"location": "Paris"}, headers=admin_a)
    assert edited.status_code == 200, edited.text

    async with nothing_written(engine):
        refused = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert_problem(refused, 409, "roster-changed")
    read = await client.get(f"/v1/roster-imports/{answer['id']}", headers=admin_a)
    assert read.json()["status"] == "previewed"


async def test_a_mass_termination_needs_confirming(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, *range(1, 11))
    answer = await preview(client, admin_a, csv_file(*(csv_row(n) for n in range(1, 9))))
    assert answer["counts"]["terminate"] == 2

    async with nothing_written(engine):
        refused = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)
    body = assert_problem(refused, 409, "mass-termination")
    assert "2 of 10" in body["detail"]

    confirmed = await client.post(
        f"/v1/roster-imports/{answer['id']}/apply", json={"confirm_mass_termination": True}, headers=admin_a
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["mass_termination_confirmed"] is True
    statuses = {key: row["status"] for key, row in (await roster(engine, tenant_a)).items()}
    assert {key for key, status in statuses.items() if status == "terminated"} == {"HR-9", "HR-10"}


async def test_a_partial_import_leaves_the_employees_it_does_not_name_alone(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, 1, 2, 3)
    file = '{"external_id": "HR-2", "location": "Lyon"}\n'

    answer = await preview(client, admin_a, file, mode="partial", content_type="application/x-ndjson")
    assert answer["counts"] == {"create": 0, "update": 1, "terminate": 0, "unchanged": 0}
    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert applied.status_code == 200, applied.text
    after = await roster(engine, tenant_a)
    assert {key: (row["status"], row["location"], row["department"]) for key, row in after.items()} == {
        "HR-1": ("active", None, "R&D"),
        "HR-2": ("active", "Lyon", "R&D"),
        "HR-3": ("active", None, "R&D"),
    }


async def test_another_organisation_neither_sees_nor_applies_an_import(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str], engine: AsyncEngine
) -> None:
    answer = await preview(client, admin_a, csv_file(csv_row(1)))

    assert_problem(await client.get(f"/v1/roster-imports/{answer['id']}", headers=admin_b), 404, "not-found")
    assert_problem(await client.get(f"/v1/roster-imports/{answer['id']}/errors", headers=admin_b), 404, "not-found")
    async with nothing_written(engine):
        applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_b)
    assert_problem(applied, 404, "not-found")
    listed = await client.get("/v1/roster-imports", headers=admin_b)
    assert listed.json()["items"] == []
    mine = await client.get("/v1/roster-imports", headers=admin_a)
    assert [item["id"] for item in mine.json()["items"]] == [answer["id"]]


async def test_an_ambassador_may_not_import_a_roster(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    ambassador = bearer(mint(tenant_a, "ambassador", email="amb@acme.example"))

    async with nothing_written(engine):
        refused = await send_file(client, ambassador, csv_file(csv_row(1)))

    assert_problem(refused, 403)
    assert_problem(await client.get("/v1/roster-imports", headers=ambassador), 403)


async def test_applying_costs_the_same_statements_for_3_rows_and_for_60(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: object
) -> None:
    costs = []
    for size in (3, 60):
        answer = await preview(client, admin_a, csv_file(*(csv_row(n) for n in range(size))), mode="partial")
        with count_statements() as counter:  # type: ignore[operator]
            applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)
        assert applied.status_code == 200, applied.text
        costs.append(counter.count)
    assert costs[0] == costs[1] <= 8


async def test_an_import_read_again_is_not_modified_until_it_is_applied(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    answer = await preview(client, admin_a, csv_file(csv_row(1)))
    path = f"/v1/roster-imports/{answer['id']}"
    first = await client.get(path, headers=admin_a)

    again = await client.get(path, headers=admin_a | {"If-None-Match": first.headers["ETag"]})
    await client.post(f"{path}/apply", headers=admin_a)
    applied = await client.get(path, headers=admin_a | {"If-None-Match": first.headers["ETag"]})

    assert again.status_code == 304
    assert applied.status_code == 200
    assert applied.json()["status"] == "applied"


async def test_the_programme_sets_how_many_terminations_need_confirming(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, *range(1, 11))
    saved = await client.patch("/v1/settings", json={"mass_termination_percent": 20}, headers=admin_a)
    assert saved.status_code == 200, saved.text
    assert saved.json()["mass_termination_percent"] == 20
    answer = await preview(client, admin_a, csv_file(*(csv_row(n) for n in range(1, 9))))

    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert applied.status_code == 200, applied.text
    statuses = [row["status"] for row in (await roster(engine, tenant_a)).values()]
    assert statuses.count("terminated") == 2


async def test_a_row_giving_a_last_day_terminates_and_a_row_clearing_it_rehires(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID, mint: Mint
) -> None:
    hired = await hire(client, admin_a, 1, 2)
    await join_as_ambassador(client, mint, tenant_a, hired[1], "leaving")
    gone = await client.post(f"/v1/employees/{hired[2]['id']}/terminate", headers=admin_a)
    assert gone.status_code == 200, gone.text
    file = '{"external_id": "HR-1", "terminated_on": "2030-01-31"}\n{"external_id": "HR-2", "terminated_on": null}\n'

    answer = await preview(client, admin_a, file, mode="partial", content_type="application/x-ndjson")
    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)

    assert answer["counts"] == {"create": 0, "update": 1, "terminate": 1, "unchanged": 0}
    assert applied.status_code == 200, applied.text
    after = await roster(engine, tenant_a)
    assert (after["HR-1"]["status"], str(after["HR-1"]["terminated_on"])) == ("terminated", "2030-01-31")
    assert (after["HR-2"]["status"], after["HR-2"]["terminated_on"]) == ("active", None)
    employee = await client.get(f"/v1/employees/{hired[1]['id']}", headers=admin_a)
    assert employee.json()["status"] == "terminated"
    left = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "ambassador.left"]
    assert [(data["employee_id"], data["reason"]) for data in left] == [(hired[1]["id"], "departure")]


async def test_a_full_import_never_touches_employees_without_an_external_id(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    await hire(client, admin_a, 1)
    by_hand = await client.post(
        "/v1/employees", json={"given_name": "Hand", "family_name": "Made", "email": "hand@acme.example"},
        headers=admin_a,
    )  # fmt: skip
    assert by_hand.status_code == 201, by_hand.text

    answer = await preview(client, admin_a, csv_file(csv_row(2)))
    applied = await client.post(
        f"/v1/roster-imports/{answer['id']}/apply", json={"confirm_mass_termination": True}, headers=admin_a
    )

    assert answer["counts"] == {"create": 1, "update": 0, "terminate": 1, "unchanged": 0}
    assert applied.status_code == 200, applied.text
    kept = await client.get(f"/v1/employees/{by_hand.json()['id']}", headers=admin_a)
    assert kept.json()["status"] == "active"
