"""What reading shares costs on PostgreSQL: a share with its figures, and pages of them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a, share_daily_limit=50)


async def shares(client: httpx.AsyncClient, sharing: Sharing, count: int) -> list[dict[str, Any]]:
    made = []
    for _ in range(count):
        response = await create_share(client, sharing.member, await published(client, sharing))
        assert response.status_code == 201, response.text
        made.append(response.json())
    return made


async def warm_up(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """A first read of figures on a connection of the raw pool also looks up the types of its
    columns, once per connection and for good: counted reads come after."""
    assert (await client.get("/v1/shares", headers=headers)).status_code == 200


async def test_a_share_and_its_figures_read_in_two_statements_for_staff_and_four_for_its_ambassador(
    client: httpx.AsyncClient, sharing: Sharing, mint: Mint, count_statements: Any
) -> None:
    (share,) = await shares(client, sharing, 1)
    url = f"/v1/shares/{share['id']}"
    analyst = staff(mint, sharing.tenant_id, "analyst")
    await warm_up(client, analyst)
    with count_statements() as by_staff:
        assert (await client.get(url, headers=analyst)).status_code == 200
    with count_statements() as by_member:
        assert (await client.get(url, headers=sharing.member)).status_code == 200
    # The share (after the caller's employee and membership, for an ambassador), then its figures.
    assert (by_staff.count, by_member.count) == (2, 4), by_staff.statements


async def test_a_page_of_shares_costs_the_same_for_two_and_for_twenty(
    client: httpx.AsyncClient, sharing: Sharing, mint: Mint, count_statements: Any
) -> None:
    analyst = staff(mint, sharing.tenant_id, "analyst")
    costs = []
    for count in (2, 18):
        await shares(client, sharing, count)
        await warm_up(client, analyst)
        with count_statements() as listing:
            response = await client.get("/v1/shares", params={"limit": 100}, headers=analyst)
        with count_statements() as own:
            mine = await client.get("/v1/me/shares", params={"limit": 100}, headers=sharing.member)
        assert len(response.json()["items"]) == len(mine.json()["items"])
        costs.append((listing.count, own.count))
    assert costs[0] == costs[1] == (2, 4), costs
