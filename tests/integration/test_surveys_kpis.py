"""Satisfaction and NPS through the metrics on PostgreSQL, over REST and GraphQL: null below five answers,
shown from five, and an anonymous answer never attributed to its ambassador, their department or location."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import Mint
from tests.integration.metrics_helpers import around_today, read
from tests.integration.surveys_helpers import member, open_survey, replies
from tests.integration.test_graphql import data_of

KPIS = ["satisfaction", "nps"]
METRICS = """
query ($from: Date, $to: Date, $groupBy: MetricsGrouping) {
  metrics(from: $from, to: $to, kpis: [SATISFACTION, NPS], groupBy: $groupBy) {
    totals { kpi value }
    rows { key values { kpi value } }
  }
}
"""


def values(listed: list[dict[str, Any]]) -> dict[str, Any]:
    return {entry["kpi"].lower(): entry["value"] for entry in listed}


async def answer(
    client: httpx.AsyncClient, survey: dict[str, Any], headers: dict[str, str], happy: int, nps: int
) -> None:
    answered = await client.post(f"/v1/surveys/{survey['id']}/answers", json=replies(happy, nps), headers=headers)
    assert answered.status_code == 201, answered.text


async def both(client: httpx.AsyncClient, admin: dict[str, str], group_by: str | None = None) -> tuple[Any, Any]:
    """The metrics as REST and GraphQL answer them, around today."""
    days = around_today()
    grouped = {"group_by": group_by} if group_by else {}
    rest = await read(client, "/v1/metrics", admin, **days, kpi=KPIS, **grouped)
    variables = {"from": days["from"], "to": days["to"], "groupBy": group_by.upper() if group_by else None}
    graphql = (await data_of(client, METRICS, admin, **variables))["metrics"]
    return rest, graphql


async def test_satisfaction_and_nps_show_from_five_answers_over_rest_and_graphql(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    survey = await open_survey(client, admin_a, anonymous=True)
    people = [await member(client, mint, tenant_a, admin_a, name) for name in ("Ada", "Bob", "Cyd", "Dee", "Eve")]
    for headers, (happy, nps) in zip(people[:4], [(5, 10), (4, 9), (4, 8), (3, 6)], strict=True):
        await answer(client, survey, headers, happy, nps)

    rest, graphql = await both(client, admin_a)
    assert rest["totals"] == values(graphql["totals"]) == {"satisfaction": None, "nps": None}
    by_day, graphql_by_day = await both(client, admin_a, "day")
    assert {row["values"]["nps"] for row in by_day["rows"]} == {None}
    assert {entry["value"] for row in graphql_by_day["rows"] for entry in row["values"]} == {None}

    await answer(client, survey, people[4], 2, 0)
    rest, graphql = await both(client, admin_a)
    # Scores 5, 4, 4, 3, 2; NPS 10, 9, 8, 6, 0: two promoters, two detractors of five.
    assert rest["totals"] == values(graphql["totals"]) == {"satisfaction": 3.6, "nps": 0}


async def test_a_breakdown_by_person_never_reveals_an_anonymous_answer(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada", department="Sales", location="Lyon")
    bob = await member(client, mint, tenant_a, admin_a, "Bob", department="Support", location="Nantes")
    for _ in range(5):  # five anonymous answers of Ada's, five named ones of Bob's
        await answer(client, await open_survey(client, admin_a, anonymous=True), ada, 5, 10)
        await answer(client, await open_survey(client, admin_a, anonymous=False), bob, 1, 0)

    rest, graphql = await both(client, admin_a)
    assert rest["totals"] == values(graphql["totals"]) == {"satisfaction": 3.0, "nps": 0}
    for group_by in ("ambassador", "department", "location"):
        rest, graphql = await both(client, admin_a, group_by)
        assert [row["values"] for row in rest["rows"]] == [{"satisfaction": 1.0, "nps": -100}], group_by
        assert [values(row["values"]) for row in graphql["rows"]] == [{"satisfaction": 1.0, "nps": -100}]
