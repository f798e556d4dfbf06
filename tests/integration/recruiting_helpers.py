"""Shared steps of the recruiting tests: a roster with prospects and members, waves and referrals."""

from __future__ import annotations

from typing import Any

import httpx


async def launch(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> httpx.Response:
    return await client.post("/v1/recruiting/waves", json={"name": "Spring wave", **body}, headers=headers)


async def launched(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await launch(client, headers, **body)
    assert response.status_code == 201, response.text
    wave: dict[str, Any] = response.json()
    return wave


async def refer(client: httpx.AsyncClient, headers: dict[str, str], employee_id: str) -> httpx.Response:
    return await client.post("/v1/me/referrals", json={"employee_id": employee_id}, headers=headers)


async def prospects(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/v1/recruiting/prospects", params=params, headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items
