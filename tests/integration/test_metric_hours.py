"""Rollup hours read as local days on PostgreSQL: a Paris day across a change of time holds 23 or 25
UTC hours and no hour lands in the wrong day; a Kolkata day (UTC+05:30) opens at the UTC hour that
holds its midnight. The hours are written straight to the programme's rollups."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.metrics_helpers import read
from tests.integration.test_graphql import data_of


async def clicks_at(engine: AsyncEngine, tenant_id: UUID, clicks: dict[str, int]) -> None:
    """The programme's LinkedIn clicks of each UTC hour, as the worker files them (under the hour and its day)."""
    statement = sa.text(
        "WITH hours AS ("
        " INSERT INTO metric_hours (tenant_id, hour, network, clicks) VALUES (:tenant_id, :hour, 'linkedin', :clicks)"
        ") INSERT INTO metric_days (tenant_id, day, network, clicks)"
        " VALUES (:tenant_id, (CAST(:hour AS timestamptz) AT TIME ZONE 'UTC')::date, 'linkedin', :clicks)"
        " ON CONFLICT (tenant_id, day, network) DO UPDATE SET clicks = metric_days.clicks + excluded.clicks"
    )
    rows = [{"tenant_id": tenant_id, "hour": datetime.fromisoformat(hour), "clicks": n} for hour, n in clicks.items()]
    async with engine.begin() as connection:
        await connection.execute(statement, rows)


async def daily(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    body = await read(client, "/v1/metrics", headers, kpi="clicks", group_by="day", **params)
    return {row["key"]: row["values"]["clicks"] for row in body["rows"]} | {"period": body["period"]}


@pytest.mark.parametrize(
    ("hours", "days", "starts_at", "ends_at"),
    [
        (  # Sunday 26 October 2025: 03:00 CEST becomes 02:00 CET at 01:00 UTC; the day lasts 25 hours.
            {
                "2025-10-24T21:00:00Z": 100_000,  # 23:00 CEST on the 24th: before the period
                "2025-10-25T21:00:00Z": 1,  # 23:00 CEST on the 25th
                "2025-10-25T22:00:00Z": 10,  # midnight CEST: the 26th begins
                "2025-10-26T01:00:00Z": 100,  # 02:00 CET, after the change
                "2025-10-26T22:00:00Z": 1_000,  # 23:00 CET on the 26th
                "2025-10-26T23:00:00Z": 10_000,  # midnight CET: the 27th
                "2025-10-27T23:00:00Z": 200_000,  # midnight CET on the 28th: after the period
            },
            {"2025-10-25": 1, "2025-10-26": 1_110, "2025-10-27": 10_000},
            "2025-10-24T22:00:00Z",
            "2025-10-27T23:00:00Z",
        ),
        (  # Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC; the day lasts 23 hours.
            {
                "2026-03-28T22:00:00Z": 1,  # 23:00 CET on the 28th
                "2026-03-28T23:00:00Z": 10,  # midnight CET: the 29th begins
                "2026-03-29T21:00:00Z": 100,  # 23:00 CEST on the 29th
                "2026-03-29T22:00:00Z": 1_000,  # midnight CEST: the 30th
            },
            {"2026-03-28": 1, "2026-03-29": 110, "2026-03-30": 1_000},
            "2026-03-27T23:00:00Z",
            "2026-03-30T22:00:00Z",
        ),
    ],
    ids=["october", "march"],
)
async def test_a_paris_day_across_a_change_of_time_holds_its_own_hours(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    hours: dict[str, int],
    days: dict[str, int],
    starts_at: str,
    ends_at: str,
) -> None:
    await clicks_at(engine, tenant_a, hours)
    first, last = min(days), max(days)

    paris = await daily(client, admin_a, **{"from": first, "to": last, "tz": "Europe/Paris"})
    utc = await daily(client, admin_a, **{"from": first, "to": last, "tz": "UTC"})

    assert {day: paris[day] for day in days} == days
    assert paris["period"]["starts_at"].replace("+00:00", "Z") == starts_at
    assert paris["period"]["ends_at"].replace("+00:00", "Z") == ends_at
    assert {day: utc[day] for day in days} != days  # the same hours cut at UTC midnights


async def test_a_paris_week_across_the_october_change_sums_its_168_plus_one_hours(
    client: httpx.AsyncClient, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await clicks_at(
        engine,
        tenant_a,
        {
            "2025-10-19T21:00:00Z": 1,  # 23:00 CEST, Sunday 19th: the week before
            "2025-10-19T22:00:00Z": 10,  # midnight CEST, Monday 20th
            "2025-10-26T22:00:00Z": 100,  # 23:00 CET, Sunday 26th
            "2025-10-26T23:00:00Z": 1_000,  # midnight CET, Monday 27th: the next week
        },
    )

    body = await read(
        client,
        "/v1/metrics",
        admin_a,
        kpi="clicks",
        group_by="week",
        tz="Europe/Paris",
        **{"from": "2025-10-13", "to": "2025-11-02"},
    )

    assert [(row["key"], row["values"]["clicks"]) for row in body["rows"]] == [
        ("2025-10-13", 1),
        ("2025-10-20", 110),
        ("2025-10-27", 1_000),
    ]


async def test_a_kolkata_day_opens_at_the_utc_hour_that_holds_its_midnight(
    client: httpx.AsyncClient, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await clicks_at(
        engine,
        tenant_a,
        {
            "2026-03-01T17:00:00Z": 1,  # 22:30 on the 1st in Kolkata
            "2026-03-01T18:00:00Z": 10,  # from 23:30: the hour holding midnight opens the 2nd
            "2026-03-02T17:00:00Z": 100,  # 22:30 on the 2nd
            "2026-03-02T18:00:00Z": 1_000,  # the hour holding the 3rd's midnight
        },
    )

    kolkata = await daily(client, admin_a, **{"from": "2026-03-02", "to": "2026-03-02", "tz": "Asia/Kolkata"})
    query = """
    { metrics(from: "2026-03-02", to: "2026-03-02", tz: "Asia/Kolkata", kpis: [CLICKS], groupBy: DAY) {
        period { startsAt endsAt } rows { key values { value } } } }"""
    graphql = (await data_of(client, query, admin_a))["metrics"]

    assert kolkata["2026-03-02"] == 110
    assert kolkata["period"]["starts_at"].replace("+00:00", "Z") == "2026-03-01T18:00:00Z"
    assert graphql["rows"] == [{"key": "2026-03-02", "values": [{"value": 110.0}]}]
    assert graphql["period"]["startsAt"].replace("+00:00", "Z") == "2026-03-01T18:00:00Z"
