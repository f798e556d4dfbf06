"""Control characters (NUL above all) are refused where they enter, never reaching the database."""

from __future__ import annotations

import httpx


async def test_nul_in_a_search_filter_is_a_validation_problem(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.get("/v1/employees", params={"q": "a\x00b"}, headers=admin_a)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "q"]


async def test_nul_in_a_name_is_refused_and_nothing_is_created(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    body = {"email": "nul@acme.example", "given_name": "N\x00l", "family_name": "Byte"}
    response = await client.post("/v1/employees", json=body, headers=admin_a)
    assert response.status_code == 422
    assert ["body", "given_name"] in [error["loc"] for error in response.json()["errors"]]
    listing = await client.get("/v1/employees", headers=admin_a)
    assert listing.json()["items"] == []


async def test_nul_in_ambassador_filters_is_a_validation_problem(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    response = await client.get("/v1/ambassadors", params={"department": "\x00"}, headers=admin_a)
    assert response.status_code == 422
