"""Incidents over REST on PostgreSQL: one handled from report to resolution, the ambassador who sees
the reminder but never the file, refusals that write nothing, and other organisations out of reach."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, etag_version, nothing_written, outbox_events
from tests.integration.incidents_helpers import Flagged, act, deliver_reminders, posted_share, report
from tests.integration.notification_helpers import inbox

MESSAGE = "Your post reads as the company's position; say it is your own view, or edit it."


@pytest.fixture
async def flagged(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Flagged:
    return await posted_share(client, mint, tenant_a, admin_a)


async def test_an_incident_is_handled_from_report_to_resolution(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, flagged: Flagged, tenant_a: UUID
) -> None:
    reported = await report(client, flagged)
    assert reported.status_code == 201, reported.text
    incident = reported.json()
    assert reported.headers["Location"] == f"/v1/incidents/{incident['id']}"
    assert (incident["status"], incident["ambassador_id"]) == ("open", flagged.ambassador_id)
    assert incident["exposure"]["clicks"] == 0
    assert incident["exposure"]["estimated_at"] is not None

    assessed = await act(
        client,
        flagged.moderator | {"If-Match": reported.headers["ETag"]},
        incident["id"],
        kind="assessment",
        nature="personal_expression",
        note="First slip; no harm to the company.",
    )
    assert assessed.status_code == 200, assessed.text
    reminded = await act(client, flagged.moderator, incident["id"], kind="reminder", message=MESSAGE)
    resolved = await act(client, flagged.moderator, incident["id"], kind="resolution", outcome="Post edited.")
    assert resolved.status_code == 200, resolved.text
    body = resolved.json()
    assert [entry["kind"] for entry in body["timeline"]] == ["assessment", "reminder", "resolution"]
    assert {entry["author"] for entry in body["timeline"]} == {"idp|moderator"}
    assert (body["status"], body["nature"], body["resolution"]["outcome"]) == (
        "resolved",
        "personal_expression",
        "Post edited.",
    )
    assert etag_version(resolved) == etag_version(reminded) + 1
    types = [event_type for event_type, _ in await outbox_events(engine, tenant_a)]
    assert [t for t in types if t.startswith("incident.")] == [
        "incident.reported",
        "incident.assessed",
        "incident.reminder_sent",
        "incident.resolved",
    ]

    assert await deliver_reminders(engine, database_url, tenant_a) == 1
    [notification] = (await inbox(client, flagged.member))["items"]
    assert (notification["kind"], notification["data"]) == ("incident_reminder", {"message": MESSAGE})


async def test_the_ambassador_sees_the_reminder_but_never_the_file(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, flagged: Flagged, tenant_a: UUID
) -> None:
    incident = (await report(client, flagged)).json()
    await act(client, flagged.moderator, incident["id"], kind="reminder", message=MESSAGE)
    await deliver_reminders(engine, database_url, tenant_a)

    assert_problem(await client.get(f"/v1/incidents/{incident['id']}", headers=flagged.member), 403, "forbidden")
    assert_problem(await client.get("/v1/incidents", headers=flagged.member), 403, "forbidden")
    [notification] = (await inbox(client, flagged.member))["items"]
    assert incident["id"] not in str(notification)
    assert incident["summary"] not in str(notification)


@pytest.mark.parametrize("role", ["ambassador", "manager", "analyst", "integrator"])
async def test_only_moderators_and_admins_report_and_act(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, flagged: Flagged, tenant_a: UUID, role: str
) -> None:
    incident = (await report(client, flagged)).json()
    outsider = bearer(mint(tenant_a, role, subject=f"idp|{role}"))
    async with nothing_written(engine):
        refused = await client.post("/v1/incidents", json={"summary": "x", "severity": "minor"}, headers=outsider)
        acted = await act(client, outsider, incident["id"], kind="note", note="Mine.")
    assert_problem(refused, 403, "forbidden")
    assert_problem(acted, 403, "forbidden")


async def test_acting_on_a_resolved_incident_or_resolving_it_again_is_refused(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged
) -> None:
    incident = (await report(client, flagged)).json()
    await act(client, flagged.moderator, incident["id"], kind="resolution", outcome="Nothing to do.")
    async with nothing_written(engine):
        again = await act(client, flagged.moderator, incident["id"], kind="resolution", outcome="Again.")
        note = await act(client, flagged.moderator, incident["id"], kind="note", note="Late.")
        exposure = await client.post(f"/v1/incidents/{incident['id']}/exposure", headers=flagged.moderator)
    for response in (again, note, exposure):
        assert_problem(response, 409, "incident-resolved")


async def test_another_organisation_s_share_is_unknown_and_nothing_is_written(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged, admin_b: dict[str, str]
) -> None:
    async with nothing_written(engine):
        response = await client.post(
            "/v1/incidents",
            json={"summary": "Theirs.", "severity": "minor", "share_id": flagged.share_id},
            headers=admin_b,
        )
    problem = assert_problem(response, 404, "not-found")
    assert flagged.share_id in problem["detail"]


async def test_a_pause_pauses_the_membership_and_a_reminder_needs_an_ambassador(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged, admin_a: dict[str, str]
) -> None:
    incident = (await report(client, flagged, severity="serious")).json()
    paused = await act(client, flagged.moderator, incident["id"], kind="membership_paused", note="While HR looks.")
    assert paused.status_code == 200, paused.text
    membership = await client.get(f"/v1/ambassadors/{flagged.ambassador_id}", headers=admin_a)
    assert membership.json()["status"] == "paused"

    anonymous = (await report(client, flagged, share_id=None)).json()
    async with nothing_written(engine):
        refused = await act(client, flagged.moderator, anonymous["id"], kind="reminder", message=MESSAGE)
    assert_problem(refused, 409, "incident-subject-missing")


async def test_fields_of_another_kind_and_a_stale_version_are_refused(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged
) -> None:
    reported = await report(client, flagged)
    incident = reported.json()
    await act(client, flagged.moderator, incident["id"], kind="note", note="Seen.")
    async with nothing_written(engine):
        mixed = await act(client, flagged.moderator, incident["id"], kind="note", note="Seen.", outcome="Closed.")
        stale = await act(
            client, flagged.moderator | {"If-Match": reported.headers["ETag"]}, incident["id"], kind="note", note="x"
        )
    assert error_locations(assert_problem(mixed, 422, "validation-failed")) == [["body", "outcome"]]
    assert_problem(stale, 412, "precondition-failed")


async def test_an_escalation_adds_hr_and_the_list_filters_by_status_and_severity(
    client: httpx.AsyncClient, flagged: Flagged, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    hr = await client.post(
        "/v1/employees",
        json={"given_name": "Hana", "family_name": "Ross", "email": "hana@acme.example", "department": "HR"},
        headers=admin_a,
    )
    minor = (await report(client, flagged)).json()
    serious = (await report(client, flagged, severity="serious", nature="company_matter")).json()
    escalated = await act(
        client,
        flagged.moderator,
        serious["id"],
        kind="escalation",
        assignees=[{"employee_id": hr.json()["id"], "role": "hr"}],
        note="Speaks for the company.",
    )
    assert escalated.json()["assignees"] == [{"employee_id": hr.json()["id"], "role": "hr"}]

    by_severity = await client.get("/v1/incidents", params={"severity": "serious"}, headers=flagged.moderator)
    by_status = await client.get("/v1/incidents", params={"status": "open"}, headers=flagged.moderator)
    theirs = await client.get("/v1/incidents", headers=admin_b)
    assert [item["id"] for item in by_severity.json()["items"]] == [serious["id"]]
    assert [item["id"] for item in by_status.json()["items"]] == [minor["id"]]
    assert theirs.json()["items"] == []


async def test_a_page_is_cut_by_its_limit_and_its_cursor_reads_the_rest(
    client: httpx.AsyncClient, flagged: Flagged
) -> None:
    ids = [(await report(client, flagged)).json()["id"] for _ in range(3)]
    first = (await client.get("/v1/incidents", params={"limit": 2}, headers=flagged.moderator)).json()
    rest = await client.get(
        "/v1/incidents", params={"limit": 2, "cursor": first["next_cursor"]}, headers=flagged.moderator
    )
    assert [item["id"] for item in first["items"] + rest.json()["items"]] == ids
    assert rest.json()["next_cursor"] is None
