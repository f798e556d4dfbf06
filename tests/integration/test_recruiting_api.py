"""Recruiting over REST on PostgreSQL: prospects, invitation waves with their funnel, and tenancy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)
from tests.integration.recruiting_helpers import launch, launched, prospects
from tests.integration.share_helpers import create_share, published, sharing_programme


async def _roster(client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str]) -> dict[str, Any]:
    """Two engineers in Lyon (one invited), a salesperson in Paris, a member and a terminated employee."""
    lyon = [await create_employee(client, admin, department="Engineering", location="Lyon") for _ in range(2)]
    paris = await create_employee(client, admin, department="Sales", location="Paris")
    member = await create_employee(client, admin, department="Engineering", location="Lyon")
    await join_as_ambassador(client, mint, tenant_id, member, subject="idp|member")
    gone = await create_employee(client, admin, department="Engineering", location="Lyon")
    ended = await client.post(
        f"/v1/employees/{gone['id']}/terminate", json={"terminated_on": "2025-01-31"}, headers=admin
    )
    assert ended.status_code == 200, ended.text
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": lyon[1]["id"]}, headers=admin)
    assert invited.status_code == 201, invited.text
    return {"lyon": lyon, "paris": paris, "member": member, "gone": gone}


async def test_prospects_are_active_employees_not_yet_members_with_their_standing(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    roster = await _roster(client, mint, tenant_a, admin_a)

    listed = await prospects(client, admin_a)

    standing = {p["employee_id"]: p["standing"] for p in listed}
    assert standing == {
        roster["lyon"][0]["id"]: "never_invited",
        roster["lyon"][1]["id"]: "invited",
        roster["paris"]["id"]: "never_invited",
    }
    engineers = await prospects(client, admin_a, department="Engineering", location="Lyon")
    assert {p["employee_id"] for p in engineers} == {e["id"] for e in roster["lyon"]}
    invited = await prospects(client, admin_a, standing="invited")
    assert [p["employee_id"] for p in invited] == [roster["lyon"][1]["id"]]
    assert invited[0]["invited_at"] is not None


async def test_prospect_counts_by_department_and_location(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await _roster(client, mint, tenant_a, admin_a)

    response = await client.get("/v1/recruiting/prospects/counts", headers=admin_a)

    assert response.status_code == 200, response.text
    assert response.json() == {
        "total": 3,
        "departments": [{"value": "Engineering", "count": 2}, {"value": "Sales", "count": 1}],
        "locations": [{"value": "Lyon", "count": 2}, {"value": "Paris", "count": 1}],
    }


async def test_prospects_are_paged_and_never_show_another_tenants_employees(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    ours = [await create_employee(client, admin_a, department="Sales") for _ in range(3)]
    await create_employee(client, admin_b, department="Sales")

    first = await client.get("/v1/recruiting/prospects", params={"limit": 2}, headers=admin_a)
    cursor = first.json()["next_cursor"]
    second = await client.get("/v1/recruiting/prospects", params={"limit": 2, "cursor": cursor}, headers=admin_a)

    seen = [p["employee_id"] for p in first.json()["items"] + second.json()["items"]]
    assert seen == sorted(e["id"] for e in ours)
    assert second.json()["next_cursor"] is None
    counts = await client.get("/v1/recruiting/prospects/counts", params={"department": "Sales"}, headers=admin_a)
    assert counts.json()["total"] == 3


async def test_a_page_of_prospects_takes_the_same_statements_whatever_its_size(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    for _ in range(12):
        await create_employee(client, admin_a, department="Sales")
    counts = []
    for limit in (1, 5, 12):
        with count_statements() as counter:
            response = await client.get("/v1/recruiting/prospects", params={"limit": limit}, headers=admin_a)
        assert len(response.json()["items"]) == limit
        counts.append(len(counter.statements))

    assert counts == [counts[0]] * 3
    assert counts[0] <= 4, counts


async def test_only_programme_staff_see_prospects(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    analyst = bearer(mint(tenant_a, "analyst"))

    response = await client.get("/v1/recruiting/prospects", headers=analyst)

    assert_problem(response, 403, "forbidden")


async def test_a_wave_invites_each_employee_and_skips_members(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    roster = await _roster(client, mint, tenant_a, admin_a)
    named = [roster["lyon"][0]["id"], roster["lyon"][1]["id"], roster["member"]["id"]]
    before = await outbox_events(engine, tenant_a)

    wave = await launched(client, admin_a, employee_ids=named, note="After the blog launch.")

    assert sorted(wave["invited_employee_ids"]) == sorted(named[:2])
    assert wave["skipped_employee_ids"] == [roster["member"]["id"]]
    assert wave["funnel"] == {
        "invited": 2,
        "joined": 0,
        "first_share": 0,
        "active_after_30_days": 0,
        "not_yet_measurable": 0,
    }
    new = [kind for kind, _ in (await outbox_events(engine, tenant_a))[len(before) :]]
    # The invitation already standing is kept as it was: no second invitation, no reminder.
    assert new == ["ambassador.invited", "invitation_wave.launched"]
    assert await prospects(client, admin_a, standing="never_invited") == [
        p for p in await prospects(client, admin_a) if p["employee_id"] == roster["paris"]["id"]
    ]


async def test_a_wave_by_department_and_location_invites_their_prospects(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    roster = await _roster(client, mint, tenant_a, admin_a)

    wave = await launched(client, admin_a, department="Engineering", location="Lyon")

    assert sorted(wave["invited_employee_ids"]) == sorted(e["id"] for e in roster["lyon"])
    assert wave["skipped_employee_ids"] == []
    read = await client.get(f"/v1/recruiting/waves/{wave['id']}", headers=bearer(mint(tenant_a, "analyst")))
    assert read.status_code == 200, read.text
    assert read.json()["department"] == "Engineering"
    assert read.json()["funnel"]["invited"] == 2


async def test_a_wave_naming_unknown_or_terminated_employees_is_refused_and_invites_nobody(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    roster = await _roster(client, mint, tenant_a, admin_a)
    theirs = await create_employee(client, admin_b)
    named = [roster["paris"]["id"], roster["gone"]["id"], theirs["id"]]

    async with nothing_written(engine):
        response = await launch(client, admin_a, employee_ids=named)

    problem = assert_problem(response, 409, "wave-employees-refused")
    assert problem["unknown_employee_ids"] == [theirs["id"]]
    assert problem["terminated_employee_ids"] == [roster["gone"]["id"]]
    assert theirs["id"] in problem["detail"]


async def test_a_wave_says_whom_it_invites_once(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str]
) -> None:
    someone = await create_employee(client, admin_a, department="Sales")

    async with nothing_written(engine):
        both = await launch(client, admin_a, employee_ids=[someone["id"]], department="Sales")
        neither = await launch(client, admin_a)
        nobody = await launch(client, admin_a, department="Nowhere")
        empty = await launch(client, admin_a, employee_ids=[])

    assert error_locations(assert_problem(both, 422, "validation-failed")) == [["body", "employee_ids"]]
    assert_problem(neither, 422, "validation-failed")
    assert_problem(nobody, 409, "wave-invites-nobody")
    assert error_locations(assert_problem(empty, 422, "validation-failed")) == [["body", "employee_ids"]]


async def test_another_tenants_wave_reads_as_not_found(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    someone = await create_employee(client, admin_b)
    theirs = await launched(client, admin_b, employee_ids=[someone["id"]])

    response = await client.get(f"/v1/recruiting/waves/{theirs['id']}", headers=admin_a)
    listed = await client.get("/v1/recruiting/waves", headers=admin_a)

    assert_problem(response, 404, "not-found")
    assert listed.json()["items"] == []


async def test_a_waves_funnel_follows_its_cohort_from_invitation_to_first_share(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, link_domains=[{"domain": "acme.example"}])
    joiner = await create_employee(client, admin_a, department="Sales")
    idle = await create_employee(client, admin_a, department="Sales")
    wave = await launched(client, admin_a, employee_ids=[joiner["id"], idle["id"]])
    # The joiner opts in after the wave, accepts the charter, connects LinkedIn and posts a share.
    headers = await member_who_accepted_as(client, mint, sharing, joiner)
    share = await create_share(client, headers, await published(client, sharing))
    assert share.status_code == 201, share.text
    url = "https://www.linkedin.com/feed/update/1"
    confirmed = await client.post(f"/v1/shares/{share.json()['id']}/confirm", json={"post_url": url}, headers=headers)
    assert confirmed.status_code == 200, confirmed.text

    read = await client.get(f"/v1/recruiting/waves/{wave['id']}", headers=admin_a)
    listed = await client.get("/v1/recruiting/waves", headers=admin_a)

    expected = {"invited": 2, "joined": 1, "first_share": 1, "active_after_30_days": 0, "not_yet_measurable": 1}
    assert read.json()["funnel"] == expected
    assert [w["funnel"] for w in listed.json()["items"]] == [expected]
    again = await client.get(
        f"/v1/recruiting/waves/{wave['id']}", headers=admin_a | {"If-None-Match": read.headers["ETag"]}
    )
    assert again.status_code == 304


async def member_who_accepted_as(
    client: httpx.AsyncClient, mint: Mint, sharing: Any, employee: dict[str, Any]
) -> dict[str, str]:
    """The invited employee signs in, opts in, connects LinkedIn and accepts the charter."""
    headers = await join_as_ambassador(client, mint, sharing.tenant_id, employee, subject="idp|joiner")
    body = {"network": "linkedin", "handle": "joiner"}
    assert (await client.post("/v1/me/social-accounts", json=body, headers=headers)).status_code == 201
    current = (await client.get("/v1/charter", headers=headers)).json()["number"]
    accepted = await client.post("/v1/me/charter-acceptance", json={"charter_version": current}, headers=headers)
    assert accepted.status_code == 200, accepted.text
    return headers


async def test_a_page_of_waves_with_their_funnels_takes_the_same_statements_whatever_the_cohorts(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    counts: list[int] = []
    sizes = [1, 4, 9]
    for size in sizes:
        people = [await create_employee(client, admin_a, department=f"Team {size}") for _ in range(size)]
        await launched(client, admin_a, employee_ids=[p["id"] for p in people])
        with count_statements() as counter:
            response = await client.get("/v1/recruiting/waves", headers=admin_a)
        assert sum(w["funnel"]["invited"] for w in response.json()["items"]) == sum(sizes[: len(counts) + 1])
        counts.append(len(counter.statements))

    assert counts == [counts[0]] * 3
    assert counts[0] <= 5, counts
