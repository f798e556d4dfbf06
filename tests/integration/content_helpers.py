"""Shared steps of the content and campaign integration tests."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import Mint, bearer

PROGRAMME = {"link_domains": [{"domain": "acme.example", "include_subdomains": True}], "default_language": "fr"}


def staff(mint: Mint, tenant_id: UUID, role: str, subject: str | None = None) -> dict[str, str]:
    return bearer(mint(tenant_id, role, subject=subject or f"{role}|1"))


async def configure(client: httpx.AsyncClient, admin: dict[str, str], **changes: Any) -> None:
    response = await client.patch("/v1/settings", json=PROGRAMME | changes, headers=admin)
    assert response.status_code == 200, response.text


def content_body(**fields: Any) -> dict[str, Any]:
    return {"title": "Nous recrutons", "body": "Rejoignez **nous**.", "format": "job_offer", **fields}


async def create_content(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/contents", json=content_body(**fields), headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def transition(
    client: httpx.AsyncClient, headers: dict[str, str], content_id: str, action: str, body: Any = None
) -> httpx.Response:
    return await client.post(f"/v1/contents/{content_id}/{action}", json=body, headers=headers)


async def approved_content(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str], **fields: Any
) -> dict[str, Any]:
    content = await create_content(client, manager, **fields)
    assert (await transition(client, manager, content["id"], "submit")).status_code == 200
    approved = await transition(client, moderator, content["id"], "approve")
    assert approved.status_code == 200, approved.text
    body: dict[str, Any] = approved.json()
    return body


async def create_campaign(
    client: httpx.AsyncClient, headers: dict[str, str], slug: str, **fields: Any
) -> dict[str, Any]:
    body = {"name": slug.replace("-", " ").title(), "slug": slug, **fields}
    response = await client.post("/v1/campaigns", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
