"""What the programme's settings, costs and audiences make of the rollups, on PostgreSQL after the worker
ran: the potential reach of confirmed shares, earned media value at the tenant's rates, the cost KPIs and
the return on investment, the ratio to the brand's own engagement, and a manager limited to their
department."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, create_sessions
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.domain.errors import Forbidden
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import MetricsQuery, Period
from app.domain.metrics.report import build_report
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.identity import Principal, Role
from app.services.metrics.read_metrics import MetricsRequest, ReadMetrics
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme
from tests.integration.test_conversion_journey import click
from tests.integration.test_engagement_milestone_points import counts, report
from tests.integration.worker_helpers import MovableClock

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    opened = await create_pool(database_url, size=2)
    try:
        yield opened
    finally:
        await opened.close()


def today() -> date:
    return datetime.now(PARIS).date()


async def set_audience(client: httpx.AsyncClient, member: dict[str, str], network: str, size: int) -> None:
    accounts = (await client.get("/v1/me/social-accounts", headers=member)).json()
    [account] = [account for account in accounts if account["network"] == network]
    response = await client.patch(
        f"/v1/me/social-accounts/{account['id']}", json={"audience_size": size}, headers=member
    )
    assert response.status_code == 200, response.text


async def posted_share(client: httpx.AsyncClient, sharing: Sharing) -> dict[str, object]:
    share = (await create_share(client, sharing.member, await published(client, sharing))).json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text
    posted: dict[str, object] = confirmed.json()
    return posted


async def roll_up(engine: AsyncEngine, database_url: str, pool: asyncpg.Pool) -> None:
    async with worker_rounds(engine, database_url) as run:
        await run()
    clicks = RollUpClicks(PostgresMetricRollups(pool), MovableClock(), ClickRollupLimits(settle=timedelta(0)))
    await clicks()


def read_metrics(engine: AsyncEngine, pool: asyncpg.Pool) -> ReadMetrics:
    ids = Uuid7Generator()
    return ReadMetrics(
        PostgresUnitOfWorkFactory(create_sessions(engine), ids), SystemClock(), ids, PostgresMetricsReader(pool)
    )


def last_two_days(*kpis: Kpi) -> MetricsRequest:
    return MetricsRequest(
        first_day=today() - timedelta(days=1),
        last_day=today(),
        kpis=tuple(kpi.value for kpi in kpis),
        time_zone="Europe/Paris",
    )


async def test_a_confirmed_share_brings_its_ambassador_s_audience_to_the_potential_reach(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    pool: asyncpg.Pool,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    await set_audience(client, sharing.member, "linkedin", 1200)
    share = await posted_share(client, sharing)
    await set_audience(client, sharing.member, "linkedin", 9000)  # later growth: the share keeps 1,200

    assert share["potential_reach"] == 1200
    await roll_up(engine, database_url, pool)
    query = MetricsQuery(
        period=Period(first_day=today() - timedelta(days=1), last_day=today(), time_zone="Europe/Paris"),
        kpis=(Kpi.POSTED_SHARES, Kpi.POTENTIAL_REACH),
    )
    bases = await PostgresMetricsReader(pool).bases(tenant_a, query)
    answer = build_report(query, bases.totals, [], ProgrammeSettings().valuation())
    assert dict(answer.totals) == {Kpi.POSTED_SHARES: 1, Kpi.POTENTIAL_REACH: 1200}


async def test_costs_earned_media_and_conversion_value_make_the_cost_kpis_and_the_roi(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    pool: asyncpg.Pool,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    valuation = {"cpc_minor": {"linkedin": 100}, "brand_engagement_rates": {"linkedin": 0.02}}
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, **valuation)
    await set_audience(client, sharing.member, "linkedin", 2500)
    share = await posted_share(client, sharing)
    integrator = bearer(mint(tenant_a, "integrator", subject="crm-sync"))
    await report(client, str(share["id"]), integrator, counts(2000, 90))
    reference = await click(client, str(share["tracked_url"]), "198.51.100.20")
    lead = {
        "type": "lead",
        "external_id": "crm-7",
        "click_ref": reference,
        "occurred_at": datetime.now(UTC).isoformat(),
        "value_minor": 20_000,
        "currency": "EUR",
    }
    assert (await client.post("/v1/conversions", json=lead, headers=integrator)).status_code == 201
    costs = [
        {"budget_line": "platform", "incurred_on": today().isoformat(), "amount_minor": 30_000, "currency": "EUR"},
        {"budget_line": "rewards", "incurred_on": today().isoformat(), "amount_minor": 20_000, "currency": "EUR"},
        # Outside the period: not counted.
        {
            "budget_line": "animation",
            "incurred_on": (today() - timedelta(days=40)).isoformat(),
            "amount_minor": 9_999,
            "currency": "EUR",
        },
    ]
    for cost in costs:
        assert (await client.post("/v1/programme-costs", json=cost, headers=admin_a)).status_code == 201
    await roll_up(engine, database_url, pool)

    kpis = (
        Kpi.COST,
        Kpi.LEADS,
        Kpi.COST_PER_LEAD,
        Kpi.COST_PER_CONTACT_REACHED,
        Kpi.EARNED_MEDIA_VALUE,
        Kpi.CONVERSION_VALUE,
        Kpi.ROI,
        Kpi.ENGAGEMENT_RATE,
        Kpi.BRAND_ENGAGEMENT_RATE,
        Kpi.ENGAGEMENT_VS_BRAND,
    )
    analyst = Principal(tenant_id=tenant_a, subject="analyst", roles=frozenset({Role.ANALYST}))
    answer = await read_metrics(engine, pool)(analyst, last_two_days(*kpis))

    assert dict(answer.totals) == {
        Kpi.COST: 50_000,  # 300.00 + 200.00 EUR
        Kpi.LEADS: 1.0,
        Kpi.COST_PER_LEAD: 50_000,
        Kpi.COST_PER_CONTACT_REACHED: 20,  # 50,000 / a reach of 2,500
        Kpi.EARNED_MEDIA_VALUE: 1418,  # 2,000 impressions at 6.59 a thousand, and a click at 1.00
        Kpi.CONVERSION_VALUE: 20_000,
        Kpi.ROI: -0.5716,  # (1,418 + 20,000 - 50,000) / 50,000
        Kpi.ENGAGEMENT_RATE: 0.045,
        Kpi.BRAND_ENGAGEMENT_RATE: 0.02,
        Kpi.ENGAGEMENT_VS_BRAND: 2.25,  # the ambassadors engage 2.25 times as much as the brand's own posts
    }
    assert answer.currency == "EUR"

    # A change of currency leaves the euro costs out until they are entered again in the new one.
    assert (await client.patch("/v1/settings", json={"currency": "USD"}, headers=admin_a)).status_code == 200
    in_dollars = await read_metrics(engine, pool)(analyst, last_two_days(Kpi.COST, Kpi.ROI))
    assert (in_dollars.currency, in_dollars.totals[Kpi.COST], in_dollars.totals[Kpi.ROI]) == ("USD", 0, None)


async def test_a_manager_limited_to_their_department_reads_only_its_ambassadors(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    pool: asyncpg.Pool,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, manager_metrics_scope="department")
    await posted_share(client, sharing)  # by a member of Sales
    await roll_up(engine, database_url, pool)
    await create_employee(client, admin_a, given_name="Mia", department="Marketing", idp_subject="idp|mia")
    await create_employee(client, admin_a, given_name="Sal", department="Sales", idp_subject="idp|sal")
    read = read_metrics(engine, pool)

    def manager(subject: str) -> Principal:
        return Principal(tenant_id=tenant_a, subject=subject, roles=frozenset({Role.MANAGER}))

    marketing = await read(manager("idp|mia"), last_two_days(Kpi.POSTED_SHARES))
    sales = await read(manager("idp|sal"), last_two_days(Kpi.POSTED_SHARES))
    analyst = await read(
        Principal(tenant_id=tenant_a, subject="a", roles=frozenset({Role.ANALYST})), last_two_days(Kpi.POSTED_SHARES)
    )
    assert (marketing.totals[Kpi.POSTED_SHARES], sales.totals[Kpi.POSTED_SHARES]) == (0, 1)
    assert analyst.totals[Kpi.POSTED_SHARES] == 1
    with pytest.raises(Forbidden):
        await read(manager("idp|nobody"), last_two_days(Kpi.POSTED_SHARES))

    await client.patch("/v1/settings", json={"manager_metrics_scope": "programme"}, headers=admin_a)
    assert (await read(manager("idp|mia"), last_two_days(Kpi.POSTED_SHARES))).totals[Kpi.POSTED_SHARES] == 1
