"""The metric reads over the rollups on PostgreSQL: months in the programme's time zone, breakdowns by
content and topic, a department's view, active ambassadors, what each read costs, and tenancy.

The rollups are written here as the worker would have left them (clicks an hour before and an hour
after midnight, Paris time, on the last day of January), so the reads are checked against figures
known in advance."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import asyncpg
import httpx
import pytest

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.ports.metrics import MetricBases
from tests.integration.conftest import Mint
from tests.integration.share_helpers import create_share, published, sharing_programme

WINTER = Period(first_day=date(2026, 1, 1), last_day=date(2026, 2, 28), time_zone="Europe/Paris")
# (share, UTC hour, posted shares, clicks, unique visitors)
FACTS = (
    ("lyon", datetime(2026, 1, 15, 10, tzinfo=UTC), 1, 0, 0),
    ("lyon", datetime(2026, 1, 31, 22, tzinfo=UTC), 0, 3, 2),  # 23:00 in Paris: January
    ("lyon", datetime(2026, 1, 31, 23, tzinfo=UTC), 0, 5, 4),  # midnight in Paris: February
    ("paris", datetime(2026, 2, 10, 12, tzinfo=UTC), 1, 7, 7),
)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[tuple[asyncpg.Pool, list[str]]]:
    sent: list[str] = []
    created = await create_pool(database_url, size=2, query_logger=lambda record: sent.append(record.query))
    try:
        yield created, sent
    finally:
        await created.close()


async def titled(client: httpx.AsyncClient, sharing: Any, title: str, topics: list[str]) -> str:
    return await published(client, sharing, title=title, topics=topics)


async def rolled_up(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], pool: asyncpg.Pool
) -> dict[str, str]:
    """Two shares of two contents by a member of Sales, and the rollups of ``FACTS``: their contents' ids."""
    sharing = await sharing_programme(client, mint, tenant_id, admin)
    contents = {
        "lyon": await titled(client, sharing, "Lyon", ["hiring"]),
        "paris": await titled(client, sharing, "Paris", ["hiring", "product"]),
    }
    shares = {name: (await create_share(client, sharing.member, content)).json() for name, content in contents.items()}
    for name, hour, posted, clicks, unique in FACTS:
        share = shares[name]
        await pool.execute(
            "INSERT INTO metric_share_hours (tenant_id, share_id, hour, ambassador_id, content_id, network, language, "
            "posted_shares, clicks, unique_visitors) VALUES ($1, $2, $3, $4, $5, $6, 'fr', $7, $8, $9)",
            tenant_id,
            UUID(share["id"]),
            hour,
            UUID(share["ambassador_id"]),
            UUID(share["content_id"]),
            share["network"],
            posted,
            clicks,
            unique,
        )
        await pool.execute(
            "WITH hours AS ("
            " INSERT INTO metric_hours (tenant_id, hour, network, posted_shares, clicks, unique_visitors)"
            " VALUES ($1, $2, $3, $4, $5, $6)"
            ") INSERT INTO metric_days (tenant_id, day, network, posted_shares, clicks, unique_visitors)"
            " VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $4, $5, $6)"
            " ON CONFLICT (tenant_id, day, network) DO UPDATE SET posted_shares ="
            " metric_days.posted_shares + excluded.posted_shares, clicks = metric_days.clicks + excluded.clicks,"
            " unique_visitors = metric_days.unique_visitors + excluded.unique_visitors",
            tenant_id,
            hour,
            share["network"],
            posted,
            clicks,
            unique,
        )
    return contents


def read(bases: MetricBases) -> dict[str, tuple[str | None, int, int, int | None]]:
    """Each row's label, clicks, posted shares and active ambassadors, and the totals'."""
    rows = {group.key: (group.label, *_figures(basis)) for group, basis in bases.rows}
    return {"total": (None, *_figures(bases.totals)), **rows}


def _figures(basis: Any) -> tuple[int, int, int | None]:
    return basis.figures.clicks, basis.figures.posted_shares, basis.active_ambassadors


KPIS = (Kpi.CLICKS, Kpi.POSTED_SHARES, Kpi.ACTIVE_AMBASSADORS)


async def test_months_are_the_programme_zones_and_breakdowns_add_the_share_hours_up(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    pool: tuple[asyncpg.Pool, list[str]],
) -> None:
    connections, _ = pool
    contents = await rolled_up(client, mint, tenant_a, admin_a, connections)
    reader = PostgresMetricsReader(connections)

    def query(grouping: Grouping | None, department: str | None = None) -> MetricsQuery:
        return MetricsQuery(period=WINTER, kpis=KPIS, group_by=grouping, department=department)

    assert read(await reader.bases(tenant_a, query(Grouping.MONTH))) == {
        "total": (None, 15, 2, 1),
        "2026-01-01": (None, 3, 1, 1),  # the clicks of 23:00 on the 31st in Paris
        "2026-02-01": (None, 12, 1, 1),  # from midnight in Paris, 23:00 on the 31st in UTC
    }
    assert read(await reader.bases(tenant_a, query(Grouping.CONTENT))) == {
        "total": (None, 15, 2, 1),
        contents["lyon"]: ("Lyon", 8, 1, 1),
        contents["paris"]: ("Paris", 7, 1, 1),
    }
    assert read(await reader.bases(tenant_a, query(Grouping.TOPIC))) == {
        "total": (None, 15, 2, 1),
        "hiring": (None, 15, 2, 1),
        "product": (None, 7, 1, 1),
    }
    assert read(await reader.bases(tenant_a, query(Grouping.MONTH, "Sales"))) == {
        "total": (None, 15, 2, 1),
        "2026-01-01": (None, 3, 1, 1),
        "2026-02-01": (None, 12, 1, 1),
    }
    assert read(await reader.bases(tenant_a, query(None, "Finance"))) == {"total": (None, 0, 0, 0)}
    assert read(await reader.bases(tenant_b, query(Grouping.CONTENT))) == {"total": (None, 0, 0, 0)}
