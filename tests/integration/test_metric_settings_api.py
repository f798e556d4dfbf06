"""The settings the metrics read, over REST and GraphQL: the programme's currency (in the stored document,
where the worker reads it), earned media rates, the brand channels' engagement rates, the managers' scope."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, nothing_written
from tests.integration.test_graphql import data_of

VALUATION = {
    "currency": "GBP",
    "cpm_minor": {"linkedin": 800, "x": 500},
    "cpc_minor": {"linkedin": 120},
    "brand_engagement_rates": {"linkedin": 0.0215, "x": 0.0004},
    "manager_metrics_scope": "department",
}


async def stored_document(engine: AsyncEngine, tenant_id: UUID) -> dict[str, object]:
    statement = sa.text("SELECT document FROM programme_settings WHERE tenant_id = :tenant")
    async with engine.connect() as connection:
        document: dict[str, object] = (await connection.execute(statement, {"tenant": tenant_id})).scalar_one()
    return document


async def test_an_admin_sets_the_valuation_and_staff_read_it_back(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    response = await client.patch("/v1/settings", json=VALUATION, headers=admin_a)

    assert response.status_code == 200, response.text
    read = (await client.get("/v1/settings", headers=bearer(mint(tenant_a, "analyst")))).json()
    assert read["currency"] == "GBP"
    # Networks left out keep their default CPM.
    assert read["cpm_minor"] == {
        "linkedin": 800,
        "x": 500,
        "facebook": 719,
        "instagram": 670,
        "xing": 659,
        "tiktok": 1000,
        "whatsapp": 0,
    }
    assert read["cpc_minor"] == {"linkedin": 120}
    assert read["brand_engagement_rates"] == {"linkedin": 0.0215, "x": 0.0004}
    assert read["manager_metrics_scope"] == "department"
    document = await stored_document(engine, tenant_a)
    assert document["currency"] == "GBP"
    assert document["brand_engagement_rates"] == {"linkedin": "0.0215", "x": "0.0004"}


async def test_a_map_sent_replaces_the_stored_one(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    await client.patch("/v1/settings", json=VALUATION, headers=admin_a)

    response = await client.patch("/v1/settings", json={"cpc_minor": {}, "cpm_minor": {"x": 450}}, headers=admin_a)

    assert response.json()["cpc_minor"] == {}
    assert (response.json()["cpm_minor"]["x"], response.json()["cpm_minor"]["linkedin"]) == (450, 659)
    assert response.json()["brand_engagement_rates"] == {"linkedin": 0.0215, "x": 0.0004}


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"currency": "gbp"}, ["body", "currency"]),
        ({"currency": "POUND"}, ["body", "currency"]),
        ({"cpm_minor": {"linkedin": -1}}, ["body", "cpm_minor", "linkedin"]),
        ({"cpm_minor": {"linkedin": 100_000_001}}, ["body", "cpm_minor", "linkedin"]),
        ({"cpm_minor": {"myspace": 10}}, ["body", "cpm_minor", "myspace", "[key]"]),
        ({"cpc_minor": {"x": 1.5}}, ["body", "cpc_minor", "x"]),
        ({"brand_engagement_rates": {"linkedin": 0}}, ["body", "brand_engagement_rates", "linkedin"]),
        ({"brand_engagement_rates": {"linkedin": 1.01}}, ["body", "brand_engagement_rates", "linkedin"]),
        ({"brand_engagement_rates": {"linkedin": 0.1234567}}, ["body", "brand_engagement_rates", "linkedin"]),
        ({"brand_engagement_rates": {"linkedin": "2%"}}, ["body", "brand_engagement_rates", "linkedin"]),
        ({"manager_metrics_scope": "team"}, ["body", "manager_metrics_scope"]),
        ({"manager_metrics_scope": None}, ["body", "manager_metrics_scope"]),
    ],
)
async def test_a_bad_metric_setting_is_refused_naming_the_field(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, body: dict[str, object], where: list[str]
) -> None:
    async with nothing_written(engine):
        response = await client.patch("/v1/settings", json=body, headers=admin_a)

    assert error_locations(assert_problem(response, 422, "validation-failed")) == [where]


async def test_a_manager_cannot_change_the_valuation(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID) -> None:
    response = await client.patch("/v1/settings", json={"currency": "USD"}, headers=bearer(mint(tenant_a, "manager")))

    assert_problem(response, 403, "forbidden")


GRAPHQL_FIELDS = """
currency cpmMinor { network amountMinor } cpcMinor { network amountMinor }
brandEngagementRates { network rate } managerMetricsScope version
"""
UPDATE = (
    """
mutation ($input: SettingsChangesInput!) {
  updateSettings(input: $input) {
    __typename
    ... on ProgrammeSettings { """
    + GRAPHQL_FIELDS
    + """ }
    ... on ValidationError { fieldErrors { path message } }
  }
}"""
)


async def test_graphql_sets_and_reads_the_same_valuation(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    changes = {
        "currency": "USD",
        "cpmMinor": [{"network": "LINKEDIN", "amountMinor": 900}],
        "cpcMinor": [{"network": "X", "amountMinor": 40}],
        "brandEngagementRates": [{"network": "LINKEDIN", "rate": 0.03}],
        "managerMetricsScope": "DEPARTMENT",
    }

    updated = (await data_of(client, UPDATE, admin_a, input=changes))["updateSettings"]

    assert updated["__typename"] == "ProgrammeSettings"
    assert updated["currency"] == "USD"
    assert updated["cpmMinor"][0] == {"network": "LINKEDIN", "amountMinor": 900}
    assert {"network": "FACEBOOK", "amountMinor": 719} in updated["cpmMinor"]
    assert updated["cpcMinor"] == [{"network": "X", "amountMinor": 40}]
    assert updated["brandEngagementRates"] == [{"network": "LINKEDIN", "rate": 0.03}]
    assert updated["managerMetricsScope"] == "DEPARTMENT"
    rest = (await client.get("/v1/settings", headers=bearer(mint(tenant_a, "analyst")))).json()
    assert (rest["cpm_minor"]["linkedin"], rest["cpc_minor"], rest["brand_engagement_rates"]) == (
        900,
        {"x": 40},
        {"linkedin": 0.03},
    )


async def test_graphql_refuses_a_network_twice_and_a_bad_rate_with_their_paths(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    twice = [{"network": "X", "amountMinor": 40}, {"network": "X", "amountMinor": 50}]
    async with nothing_written(engine):
        doubled = (await data_of(client, UPDATE, admin_a, input={"cpcMinor": twice}))["updateSettings"]
        bad_rate = (
            await data_of(client, UPDATE, admin_a, input={"brandEngagementRates": [{"network": "X", "rate": 2}]})
        )["updateSettings"]

    assert [error["path"] for error in doubled["fieldErrors"]] == [["cpcMinor", "1", "network"]]
    assert [error["path"] for error in bad_rate["fieldErrors"]] == [["brandEngagementRates", "x"]]
