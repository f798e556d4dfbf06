"""The programme's metrics over REST and GraphQL on PostgreSQL: shares and clicks made through the API,
filed by the worker, read back in total and per group with the same numbers on both; bad choices
refused naming the valid ones; who may read; nothing of another organisation; and a read's statements
that do not grow with its rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.domain.metrics.report import build_report
from app.domain.metrics.valuation import Valuation
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations
from tests.integration.metrics_helpers import around_today, read, roll_up, shared_and_clicked, titled_content
from tests.integration.share_helpers import Sharing, member_who_accepted, sharing_programme
from tests.integration.test_graphql import data_of, gql

KPIS = "posted_shares,clicks"


class Programme:
    def __init__(self, sharing: Sharing, bob: dict[str, str], contents: dict[str, str]) -> None:
        self.sharing, self.bob, self.contents = sharing, bob, contents

    @property
    def admin(self) -> dict[str, str]:
        return self.sharing.setup.admin

    @property
    def ada(self) -> dict[str, str]:
        return self.sharing.member


@pytest.fixture
async def shared(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> Programme:
    """Ada (Sales) shares the Lyon job offer on LinkedIn (4 visitors); Bob (Support) shares it on X (1)
    and the team video on LinkedIn (2)."""
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    bob = await member_who_accepted(client, mint, sharing.setup, "idp|bob", given_name="Bob", department="Support")
    lyon = await titled_content(client, sharing, "Offre Lyon", format="job_offer", topics=["jobs", "lyon"])
    video = await titled_content(client, sharing, "Vidéo équipe", format="video", topics=["jobs"])
    await shared_and_clicked(client, sharing.member, lyon, visitors=4)
    await shared_and_clicked(client, bob, lyon, visitors=1, network="x")
    await shared_and_clicked(client, bob, video, visitors=2)
    await roll_up(engine, database_url)
    return Programme(sharing, bob, {"lyon": lyon, "video": video})


def rows(body: dict[str, Any], *kpis: str) -> list[tuple[Any, ...]]:
    return [(row["label"] or row["key"], *(row["values"][kpi] for kpi in kpis)) for row in body["rows"]]


async def test_the_programmes_figures_in_total_and_per_group(client: httpx.AsyncClient, shared: Programme) -> None:
    params = around_today() | {"kpi": ["posted_shares,clicks", "unique_visitors", "active_ambassadors"]}

    totals = await read(client, "/v1/metrics", shared.admin, **params)
    by_format = await read(client, "/v1/metrics", shared.admin, **params, group_by="format")
    by_topic = await read(client, "/v1/metrics", shared.admin, **params, group_by="topic")
    by_network = await read(client, "/v1/metrics", shared.admin, **params, group_by="network")
    by_content = await read(client, "/v1/metrics", shared.admin, **params, group_by="content", sort="clicks")

    assert totals["kpis"] == ["posted_shares", "clicks", "unique_visitors", "active_ambassadors"]
    assert totals["totals"] == {"posted_shares": 3, "clicks": 7, "unique_visitors": 7, "active_ambassadors": 2}
    assert totals["rows"] == []
    assert (totals["currency"], totals["period"]["time_zone"]) == ("EUR", "UTC")
    kpis = ("posted_shares", "clicks", "active_ambassadors")
    assert rows(by_format, *kpis) == [("job_offer", 2, 5, 2), ("video", 1, 2, 1)]
    assert rows(by_topic, *kpis) == [("jobs", 3, 7, 2), ("lyon", 2, 5, 2)]
    assert rows(by_network, *kpis) == [("linkedin", 2, 6, 2), ("x", 1, 1, 1)]
    assert rows(by_content, *kpis) == [("Offre Lyon", 2, 5, 2), ("Vidéo équipe", 1, 2, 1)]
    assert [row["key"] for row in by_content["rows"]] == [shared.contents["lyon"], shared.contents["video"]]


async def test_a_kpi_a_grouping_cannot_break_down_is_null_in_its_rows(
    client: httpx.AsyncClient, shared: Programme
) -> None:
    body = await read(
        client, "/v1/metrics", shared.admin, **around_today(), kpi="clicks,enrolled_ambassadors", group_by="network"
    )

    assert body["totals"] == {"clicks": 7, "enrolled_ambassadors": 2}
    assert [row["values"] for row in body["rows"]] == [
        {"clicks": 6, "enrolled_ambassadors": None},
        {"clicks": 1, "enrolled_ambassadors": None},
    ]


async def test_graphql_answers_the_same_numbers_as_rest(client: httpx.AsyncClient, shared: Programme) -> None:
    days = around_today()
    rest = await read(
        client, "/v1/metrics", shared.admin, **days, kpi=KPIS, group_by="ambassador", sort="clicks", limit=5
    )
    query = """
    query ($from: Date, $to: Date) {
      metrics(from: $from, to: $to, kpis: [POSTED_SHARES, CLICKS], groupBy: AMBASSADOR, sort: CLICKS, limit: 5) {
        period { from to timeZone startsAt endsAt }
        currency groupBy kpis
        totals { kpi value }
        rows { key label values { kpi value } }
      }
    }"""
    graphql = (await data_of(client, query, shared.admin, **{"from": days["from"], "to": days["to"]}))["metrics"]

    def values(listed: list[dict[str, Any]]) -> dict[str, Any]:
        return {value["kpi"].lower(): value["value"] for value in listed}

    assert rows(rest, "posted_shares", "clicks") == [("Ada Lovelace", 1, 4), ("Bob Lovelace", 2, 3)]
    assert values(graphql["totals"]) == rest["totals"] == {"posted_shares": 3, "clicks": 7}
    assert [(row["key"], row["label"], values(row["values"])) for row in graphql["rows"]] == [
        (row["key"], row["label"], row["values"]) for row in rest["rows"]
    ]
    assert graphql["period"]["from"] == rest["period"]["from"]
    assert datetime.fromisoformat(graphql["period"]["startsAt"]) == datetime.fromisoformat(rest["period"]["starts_at"])
    assert (graphql["currency"], graphql["groupBy"], graphql["kpis"]) == (
        "EUR",
        "AMBASSADOR",
        ["POSTED_SHARES", "CLICKS"],
    )


async def test_unknown_kpis_and_groupings_are_refused_naming_the_valid_ones(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID
) -> None:
    kpi = await client.get("/v1/metrics", params={"kpi": "clicks,clickz"}, headers=admin_a)
    group = await client.get("/v1/metrics", params={"group_by": "team"}, headers=admin_a)
    zone = await client.get("/v1/metrics", params={"tz": "Mars/Olympus"}, headers=admin_a)

    [kpi_error] = assert_problem(kpi, 422, "validation-failed")["errors"]
    assert kpi_error["loc"] == ["query", "kpi"]
    assert kpi_error["message"].startswith("Not known: clickz. Use one of: enrolled_ambassadors, active_ambassadors")
    assert error_locations(assert_problem(group, 422, "validation-failed")) == [["query", "group_by"]]
    assert "'content', 'format', 'topic'" in group.json()["errors"][0]["message"]
    assert error_locations(assert_problem(zone, 422, "validation-failed")) == [["query", "tz"]]


async def test_graphql_refuses_a_bad_period_with_a_coded_error(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    body = await gql(client, 'query { metrics(from: "2026-03-10", to: "2026-03-01") { currency } }', admin_a)

    [error] = body["errors"]
    assert error["extensions"]["code"] == "validation-failed"
    assert error["extensions"]["fieldErrors"] == [
        {"path": ["query", "from"], "message": "The period must start on or before its last day (to)."}
    ]


async def test_an_ambassador_reads_top_lists_and_their_impact_but_not_the_programmes_metrics(
    client: httpx.AsyncClient, shared: Programme
) -> None:
    metrics = await client.get("/v1/metrics", params={"kpi": "nonsense"}, headers=shared.ada)
    graphql = await gql(client, "query { metrics { currency } }", shared.ada)

    assert_problem(metrics, 403, "forbidden")
    assert graphql["errors"][0]["extensions"]["code"] == "forbidden"
    for path in ("/v1/metrics/top-contents", "/v1/metrics/top-ambassadors", "/v1/me/impact", "/v1/metrics/kpis"):
        assert (await client.get(path, headers=shared.ada)).status_code == 200, path


@pytest.mark.parametrize("role", ["analyst", "manager"])
async def test_analysts_and_managers_read_the_programmes_metrics(
    client: httpx.AsyncClient, shared: Programme, mint: Mint, role: str
) -> None:
    headers = bearer(mint(shared.sharing.tenant_id, role, subject=f"{role}|metrics"))

    body = await read(client, "/v1/metrics", headers, **around_today(), kpi=KPIS)

    assert body["totals"] == {"posted_shares": 3, "clicks": 7}


async def test_another_organisation_sees_none_of_its_figures(
    client: httpx.AsyncClient, shared: Programme, tenant_b: UUID, admin_b: dict[str, str]
) -> None:
    days = around_today()

    totals = await read(client, "/v1/metrics", admin_b, **days, kpi=KPIS, group_by="content")
    contents = await read(client, "/v1/metrics/top-contents", admin_b, **days)
    ambassadors = await read(client, "/v1/metrics/top-ambassadors", admin_b, **days)
    graphql = await data_of(
        client, "query { metrics(kpis: [CLICKS]) { totals { value } } topContents { items { title } } }", admin_b
    )

    assert (totals["totals"], totals["rows"]) == ({"posted_shares": 0, "clicks": 0}, [])
    assert contents["items"] == ambassadors["items"] == []
    assert graphql == {"metrics": {"totals": [{"value": 0.0}]}, "topContents": {"items": []}}


async def test_a_reads_statements_do_not_grow_with_its_rows(
    client: httpx.AsyncClient,
    shared: Programme,
    engine: AsyncEngine,
    database_url: str,
    count_statements: Any,
) -> None:
    every_source = (
        "posted_shares,active_ambassadors,enrolled_ambassadors,cost,points_awarded,rewards_redeemed,points_donated"
    )
    today = datetime.now(UTC).date()

    async def statements(group_by: str, days: int) -> int:
        params = {"from": (today - timedelta(days=days)).isoformat(), "to": today.isoformat()}
        with count_statements() as counter:
            body = await read(client, "/v1/metrics", shared.admin, **params, kpi=every_source, group_by=group_by)
        assert body["rows"], body
        return int(counter.count)

    await statements("content", 2)  # a first read on a connection also looks up the types of its columns
    by_content, by_day = await statements("content", 2), await statements("day", 2)
    for title in ("Troisième", "Quatrième"):
        content = await titled_content(client, shared.sharing, title)
        await shared_and_clicked(client, shared.ada, content, visitors=1)
    await roll_up(engine, database_url)

    assert await statements("content", 2) == by_content
    assert await statements("day", 300) == by_day
    # The programme's settings; the totals' figures, active members, roster, costs and three ledgers; the
    # rows' figures and active members (by content), or all seven again (by day).
    assert (by_content, by_day) == (10, 15)


async def test_a_read_limited_to_a_department_counts_only_its_ambassadors_facts(
    shared: Programme, database_url: str, tenant_a: UUID
) -> None:
    """What a manager limited to their department reads (the setting's own tests are the programme's)."""
    today = datetime.now(UTC).date()
    period = Period(first_day=today - timedelta(days=1), last_day=today + timedelta(days=1), time_zone="UTC")
    kpis = (Kpi.POSTED_SHARES, Kpi.CLICKS, Kpi.ACTIVE_AMBASSADORS, Kpi.ENROLLED_AMBASSADORS, Kpi.COST)
    pool = await create_pool(database_url, size=1)
    try:
        reader = PostgresMetricsReader(pool)
        support = await reader.bases(tenant_a, MetricsQuery(period=period, kpis=kpis, department="Support"))
        daily = await reader.bases(
            tenant_a, MetricsQuery(period=period, kpis=kpis, group_by=Grouping.DAY, department="Sales")
        )
    finally:
        await pool.close()

    totals = build_report(MetricsQuery(period=period, kpis=kpis), support.totals, [], Valuation()).totals
    assert dict(totals) == {
        Kpi.POSTED_SHARES: 2,
        Kpi.CLICKS: 3,
        Kpi.ACTIVE_AMBASSADORS: 1,
        Kpi.ENROLLED_AMBASSADORS: 1,
        Kpi.COST: None,  # costs belong to the programme, not to a department
    }
    assert sum(basis.figures.clicks for _, basis in daily.rows) == 4
    # Ada, the one member in Sales, joined today: not yet at yesterday's end.
    assert [basis.enrolled_ambassadors for _, basis in daily.rows] == [0, 1, 1]
