"""The orders REST lists offer, over PostgreSQL: `sort` orders every page the same way, the cursor
carries the order, and a cursor never crosses from one order (or one tenant) to another."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import create_content, staff
from tests.integration.feed_helpers import at
from tests.integration.helpers import assert_problem, create_employee, error_locations
from tests.integration.share_helpers import Sharing, new_share, sharing_programme


async def walk(client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = params | ({"cursor": cursor} if cursor else {})
        response = await client.get(url, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
        assert len(body["items"]) == params["limit"]


@pytest.fixture
async def roster(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str], admin_b: dict[str, str]
) -> dict[str, str]:
    """Seven employees of acme by name, created in an order that is neither their ids' nor their names',
    and one of globex who would come first in every order."""
    names = [("Ada", "Lovelace"), ("Grace", "hopper"), ("Alan", "Turing"), ("Anita", "Borg")]
    names += [("Ada", "Byron"), ("augusta", "LOVELACE"), ("Barbara", "Liskov")]
    ids = {}
    for given, family in names:
        ids[f"{given} {family}"] = (await create_employee(client, admin_a, given_name=given, family_name=family))["id"]
    await create_employee(client, admin_b, given_name="Aaron", family_name="Aardvark")
    created = {"Grace hopper": -5, "augusta LOVELACE": -4, "Ada Byron": -3, "Alan Turing": -2, "Barbara Liskov": -1}
    async with engine.begin() as connection:
        for name, days in created.items():
            await connection.execute(
                sa.text("UPDATE employees SET created_at = :at WHERE id = :id"),
                {"at": datetime.now(UTC) + timedelta(days=days), "id": UUID(ids[name])},
            )
    return ids


BY_NAME = [
    "Anita Borg",
    "Ada Byron",
    "Grace hopper",
    "Barbara Liskov",
    "Ada Lovelace",
    "augusta LOVELACE",
    "Alan Turing",
]
BY_CREATION = ["Grace hopper", "augusta LOVELACE", "Ada Byron", "Alan Turing", "Barbara Liskov"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", BY_NAME),
        ("-name", BY_NAME[::-1]),
        ("created_at", [*BY_CREATION, "Ada Lovelace", "Anita Borg"]),
        ("-created_at", ["Anita Borg", "Ada Lovelace", *BY_CREATION[::-1]]),
        ("id", ["Ada Lovelace", "Grace hopper", "Alan Turing", "Anita Borg", "Ada Byron", "augusta LOVELACE"]),
        ("-id", ["Barbara Liskov", "augusta LOVELACE", "Ada Byron", "Anita Borg", "Alan Turing", "Grace hopper"]),
    ],
)
@pytest.mark.parametrize("limit", [2, 3])
async def test_the_roster_pages_in_the_order_asked_for(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    roster: dict[str, str],
    sort: str,
    expected: list[str],
    limit: int,
) -> None:
    items = await walk(client, "/v1/employees", admin_a, sort=sort, limit=limit)

    names = [f"{item['given_name']} {item['family_name']}" for item in items]
    assert names[: len(expected)] == expected
    assert len(names) == len(roster)
    assert "Aaron Aardvark" not in names


async def test_without_sort_the_roster_keeps_its_order_and_cursors(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, str]
) -> None:
    unsorted = await walk(client, "/v1/employees", admin_a, limit=2)
    by_id = await walk(client, "/v1/employees", admin_a, limit=2, sort="id")

    assert [item["id"] for item in unsorted] == [item["id"] for item in by_id] == list(roster.values())


async def test_an_order_applies_within_the_filters(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, str]
) -> None:
    items = await walk(client, "/v1/employees", admin_a, sort="-name", q="ada", limit=1)

    assert [item["id"] for item in items] == [roster["Ada Lovelace"], roster["Ada Byron"]]


@pytest.mark.parametrize(("first", "then"), [("name", "-name"), ("name", None), (None, "created_at")])
async def test_a_cursor_from_one_order_is_refused_in_another(
    client: httpx.AsyncClient, admin_a: dict[str, str], roster: dict[str, str], first: str | None, then: str | None
) -> None:
    params = {"limit": 2} | ({"sort": first} if first else {})
    cursor = (await client.get("/v1/employees", params=params, headers=admin_a)).json()["next_cursor"]

    response = await client.get(
        "/v1/employees", params={"cursor": cursor} | ({"sort": then} if then else {}), headers=admin_a
    )

    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["query", "cursor"]]
    message = problem["errors"][0]["message"]
    assert f"sorted by {first or 'id'}, not by {then or 'id'}" in message
    assert f"sort={first or 'id'}" in message


def cursor(payload: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


SOME_ID = "0190e7a8-0000-7000-8000-000000000000"


@pytest.mark.parametrize(
    ("sort", "forged"),
    [
        ("name", cursor({"sort": "name", "key": [1, 2], "after": SOME_ID})),
        ("name", cursor({"sort": "name", "key": ["Lovelace"], "after": SOME_ID})),
        ("name", cursor({"sort": "name", "key": ["Lovelace", "Ada"], "after": 7})),
        ("created_at", cursor({"sort": "created_at", "key": ["yesterday"], "after": SOME_ID})),
        ("created_at", cursor({"sort": "created_at", "key": ["2026-01-01T00:00:00"], "after": SOME_ID})),
        ("created_at", cursor({"sort": "created_at", "key": [None], "after": SOME_ID})),
        ("created_at", cursor(["created_at"])),
        ("id", "not base64 json"),
    ],
)
async def test_a_forged_cursor_is_a_problem_not_an_error(
    client: httpx.AsyncClient, admin_a: dict[str, str], sort: str, forged: str
) -> None:
    response = await client.get("/v1/employees", params={"cursor": forged, "sort": sort}, headers=admin_a)

    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["query", "cursor"]]


async def test_an_unknown_order_is_refused_with_the_orders_offered(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.get("/v1/employees", params={"sort": "email"}, headers=admin_a)

    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["query", "sort"]]
    assert "'name'" in problem["errors"][0]["message"]


async def test_contents_page_by_the_publication_asked_for_with_the_unscheduled_last(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    manager = staff(mint, tenant_a, "manager")
    titles = {"in 3 days": at(3), "unscheduled": None, "tomorrow": at(1), "in 2 days": at(2), "later": None}
    for title, publish_at in titles.items():
        await create_content(client, manager, title=title, **({"publish_at": publish_at} if publish_at else {}))

    ascending = await walk(client, "/v1/contents", manager, sort="publish_at", limit=2)
    descending = await walk(client, "/v1/contents", manager, sort="-publish_at", limit=2)

    expected = ["tomorrow", "in 2 days", "in 3 days", "unscheduled", "later"]
    assert [item["title"] for item in ascending] == expected
    assert [item["title"] for item in descending] == expected[::-1]


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a, share_daily_limit=10)


async def test_shares_page_by_creation_and_by_posting(
    client: httpx.AsyncClient, mint: Mint, sharing: Sharing, engine: AsyncEngine
) -> None:
    shares = [(await new_share(client, sharing))["id"] for _ in range(4)]
    for share_id in (shares[2], shares[0]):  # posted in this order; the others stay intents
        confirmed = await client.post(f"/v1/shares/{share_id}/confirm", headers=sharing.member)
        assert confirmed.status_code == 200, confirmed.text
    analyst = staff(mint, sharing.tenant_id, "analyst")

    async def ids(url: str, headers: dict[str, str], sort: str) -> list[str]:
        return [item["id"] for item in await walk(client, url, headers, sort=sort, limit=1)]

    for url, headers in (("/v1/shares", analyst), ("/v1/me/shares", sharing.member)):
        assert await ids(url, headers, "created_at") == shares
        assert await ids(url, headers, "-created_at") == shares[::-1]
        assert await ids(url, headers, "posted_at") == [shares[2], shares[0], shares[1], shares[3]]
        assert await ids(url, headers, "-posted_at") == [shares[3], shares[1], shares[0], shares[2]]


async def test_the_contract_lists_the_orders_of_each_list(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()

    def orders(path: str) -> list[str]:
        sort = next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == "sort")
        schema = document["components"]["schemas"][sort["schema"]["$ref"].rsplit("/", 1)[1]]
        values: list[str] = schema["enum"]
        return values

    assert orders("/v1/employees") == ["id", "-id", "name", "-name", "created_at", "-created_at"]
    assert orders("/v1/contents") == ["id", "-id", "publish_at", "-publish_at"]
    assert orders("/v1/shares") == orders("/v1/me/shares")
    assert orders("/v1/shares") == ["id", "-id", "created_at", "-created_at", "posted_at", "-posted_at"]
