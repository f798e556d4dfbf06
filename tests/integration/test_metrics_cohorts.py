"""The invitation waves as cohorts among the metrics, over REST and GraphQL on PostgreSQL: the wave's
own funnel with its conversions, newest first, one tenant's alone, a fixed number of statements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, create_employee, join_as_ambassador
from tests.integration.recruiting_helpers import launched
from tests.integration.test_graphql import data_of, gql

COHORTS = """
query($first: Int) { metricCohorts(first: $first) { edges { node { waveUuid name launchedAt
  funnel { invited joined firstShare activeAfter30Days notYetMeasurable }
  conversions { joined firstShare activeAfter30Days } } } pageInfo { hasNextPage } } }
"""


async def _cohorts(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get("/v1/metrics/cohorts", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_each_wave_is_a_cohort_with_the_waves_own_funnel_and_its_conversions(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    people = [await create_employee(client, admin_a) for _ in range(4)]
    wave = await launched(client, admin_a, name="Sales, spring", employee_ids=[p["id"] for p in people])
    for n, person in enumerate(people[:3]):
        await join_as_ambassador(client, mint, tenant_a, person, subject=f"idp|joiner{n}")

    body = await _cohorts(client, admin_a)
    own = (await client.get(f"/v1/recruiting/waves/{wave['id']}", headers=admin_a)).json()

    [cohort] = body["items"]
    assert cohort["wave_id"] == wave["id"]
    assert cohort["name"] == "Sales, spring"
    assert cohort["launched_at"] == wave["created_at"]
    assert cohort["funnel"] == own["funnel"]
    assert cohort["funnel"] == {
        "invited": 4,
        "joined": 3,
        "first_share": 0,
        "active_after_30_days": 0,
        "not_yet_measurable": 3,
    }
    # Nobody has reached their 30-day mark: the last conversion has no denominator yet.
    assert cohort["conversions"] == {"joined": 0.75, "first_share": 0.0, "active_after_30_days": None}


async def test_cohorts_are_newest_first_and_paged(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    for name in ("First wave", "Second wave", "Third wave"):
        someone = await create_employee(client, admin_a)
        await launched(client, admin_a, name=name, employee_ids=[someone["id"]])

    first = await _cohorts(client, admin_a, limit=2)
    rest = await _cohorts(client, admin_a, limit=2, cursor=first["next_cursor"])

    assert [c["name"] for c in first["items"]] == ["Third wave", "Second wave"]
    assert [c["name"] for c in rest["items"]] == ["First wave"]
    assert rest["next_cursor"] is None


async def test_another_tenants_waves_never_appear(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    ours = await launched(client, admin_a, name="Ours", employee_ids=[(await create_employee(client, admin_a))["id"]])
    await launched(client, admin_b, name="Theirs", employee_ids=[(await create_employee(client, admin_b))["id"]])

    rest = await _cohorts(client, admin_a)
    graphql = await data_of(client, COHORTS, admin_a, first=10)

    assert [c["wave_id"] for c in rest["items"]] == [ours["id"]]
    assert [e["node"]["waveUuid"] for e in graphql["metricCohorts"]["edges"]] == [ours["id"]]


@pytest.mark.parametrize("role", ["analyst", "manager"])
async def test_analysts_and_managers_read_the_cohorts(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], role: str
) -> None:
    await launched(client, admin_a, employee_ids=[(await create_employee(client, admin_a))["id"]])
    headers = bearer(mint(tenant_a, role, subject=f"{role}|cohorts"))

    body = await _cohorts(client, headers)

    assert [c["funnel"]["invited"] for c in body["items"]] == [1]


@pytest.mark.parametrize("role", ["moderator", "ambassador"])
async def test_moderators_and_ambassadors_are_refused(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, role: str
) -> None:
    headers = bearer(mint(tenant_a, role, subject=f"{role}|cohorts"))

    response = await client.get("/v1/metrics/cohorts", headers=headers)
    graphql = await gql(client, COHORTS, headers, first=10)

    assert_problem(response, 403, "forbidden")
    assert graphql["errors"][0]["extensions"]["code"] == "forbidden"


async def test_graphql_answers_the_same_cohorts_as_rest(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    people = [await create_employee(client, admin_a) for _ in range(2)]
    await launched(client, admin_a, name="Both", employee_ids=[p["id"] for p in people])
    await join_as_ambassador(client, mint, tenant_a, people[0], subject="idp|joiner")

    rest = (await _cohorts(client, admin_a))["items"][0]
    node = (await data_of(client, COHORTS, admin_a, first=10))["metricCohorts"]["edges"][0]["node"]

    assert node["waveUuid"] == rest["wave_id"]
    assert node["funnel"] == {
        "invited": 2,
        "joined": 1,
        "firstShare": 0,
        "activeAfter30Days": 0,
        "notYetMeasurable": 1,
    }
    assert node["conversions"] == {"joined": 0.5, "firstShare": 0.0, "activeAfter30Days": None}


async def test_a_page_of_cohorts_takes_the_same_statements_whatever_the_waves(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    counts: list[int] = []
    sizes = [1, 4, 9]
    for size in sizes:
        people = [await create_employee(client, admin_a) for _ in range(size)]
        await launched(client, admin_a, employee_ids=[p["id"] for p in people])
        with count_statements() as counter:
            body = await _cohorts(client, admin_a)
        assert sum(c["funnel"]["invited"] for c in body["items"]) == sum(sizes[: len(counts) + 1])
        counts.append(len(counter.statements))

    assert counts == [counts[0]] * 3
    assert counts[0] <= 5, counts
