"""Contents and campaigns stay in their organisation: lists, filters and cross-links."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, create_campaign, staff
from tests.integration.helpers import assert_problem, nothing_written


@pytest.fixture
async def ours(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> tuple[dict[str, str], str, str]:
    await configure(client, admin_a)
    manager = staff(mint, tenant_a, "manager")
    content = await approved_content(client, manager, admin_a, topics=["culture"])
    campaign = await create_campaign(client, manager, "printemps")
    await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
    return manager, content["id"], campaign["id"]


@pytest.fixture
async def theirs(
    client: httpx.AsyncClient, admin_b: dict[str, str], mint: Mint, tenant_b: UUID
) -> tuple[dict[str, str], str, str]:
    await configure(client, admin_b)
    manager = staff(mint, tenant_b, "manager")
    content = await approved_content(client, manager, admin_b, topics=["culture"])
    campaign = await create_campaign(client, manager, "printemps")
    await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
    return manager, content["id"], campaign["id"]


@pytest.mark.parametrize(
    "query", [{}, {"status": "published"}, {"topic": "culture"}, {"language": "fr"}, {"format": "job_offer"}]
)
async def test_contents_are_listed_only_in_their_organisation(
    client: httpx.AsyncClient,
    ours: tuple[dict[str, str], str, str],
    theirs: tuple[dict[str, str], str, str],
    query: dict[str, str],
) -> None:
    manager, content_id, _ = ours
    response = await client.get("/v1/contents", params=query, headers=manager)
    assert [item["id"] for item in response.json()["items"]] == [content_id]


async def test_another_organisations_campaign_lists_nothing_and_campaigns_stay_apart(
    client: httpx.AsyncClient, ours: tuple[dict[str, str], str, str], theirs: tuple[dict[str, str], str, str]
) -> None:
    manager, _, campaign_id = ours
    _, _, their_campaign = theirs
    by_their_campaign = await client.get("/v1/contents", params={"campaign_id": their_campaign}, headers=manager)
    campaigns = await client.get("/v1/campaigns", headers=manager)
    assert by_their_campaign.json()["items"] == []
    assert [item["id"] for item in campaigns.json()["items"]] == [campaign_id]


async def test_a_campaign_cannot_take_or_drop_another_organisations_content(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    ours: tuple[dict[str, str], str, str],
    theirs: tuple[dict[str, str], str, str],
) -> None:
    manager, _, campaign_id = ours
    _, their_content, _ = theirs
    async with nothing_written(engine):
        put = await client.put(f"/v1/campaigns/{campaign_id}/contents/{their_content}", headers=manager)
        delete = await client.delete(f"/v1/campaigns/{campaign_id}/contents/{their_content}", headers=manager)
    for response in (put, delete):
        assert their_content in assert_problem(response, 404, "not-found")["detail"]
