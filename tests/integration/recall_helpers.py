"""Shared steps of the recall tests: a content posted by two members, recalled, and the worker's take-downs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from uuid6 import uuid7

from tests.integration.conftest import Mint
from tests.integration.share_helpers import Sharing, create_share, member_who_accepted, published

REASON = "The offer was withdrawn: the position is filled."


@dataclass(frozen=True, slots=True)
class Posted:
    """A published content, Ada's and Grace's posted shares of it, and an intent Ada never posted."""

    sharing: Sharing
    content_id: str
    grace: dict[str, str]
    ada_share: str
    grace_share: str
    intent: str


async def post(client: httpx.AsyncClient, headers: dict[str, str], content_id: str, number: int) -> str:
    created = await create_share(client, headers, content_id)
    assert created.status_code == 201, created.text
    share_id = str(created.json()["id"])
    body = {"post_url": f"https://www.linkedin.com/feed/update/{number}"}
    confirmed = await client.post(f"/v1/shares/{share_id}/confirm", json=body, headers=headers)
    assert confirmed.status_code == 200, confirmed.text
    return share_id


async def posted_twice(client: httpx.AsyncClient, mint: Mint, sharing: Sharing) -> Posted:
    content_id = await published(client, sharing)
    grace = await member_who_accepted(client, mint, sharing.setup, "idp|grace", department="Sales")
    ada_share = await post(client, sharing.member, content_id, 1)
    grace_share = await post(client, grace, content_id, 2)
    intent = await create_share(client, sharing.member, content_id, "x")
    assert intent.status_code == 201, intent.text
    return Posted(sharing, content_id, grace, ada_share, grace_share, str(intent.json()["id"]))


async def recall(
    client: httpx.AsyncClient, content_id: str, headers: dict[str, str], reason: str = REASON, **extra: str
) -> httpx.Response:
    return await client.post(f"/v1/contents/{content_id}/recall", json={"reason": reason}, headers=headers | extra)


async def my_takedowns(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/v1/me/takedowns", params=params, headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def seed_takedown(
    client: httpx.AsyncClient, engine: AsyncEngine, member: dict[str, str], share_id: str
) -> dict[str, str]:
    """A pending take-down of the member's posted share, as the worker writes one (no request makes it),
    and the share's content; the ids the tenancy cases aim at."""
    share = await client.get(f"/v1/shares/{share_id}", headers=member)
    assert share.status_code == 200, share.text
    body = share.json()
    row = {
        "id": uuid7(),
        "content_id": UUID(body["content_id"]),
        "share_id": UUID(share_id),
        "ambassador_id": UUID(body["ambassador_id"]),
    }
    statement = sa.text(
        "INSERT INTO takedowns (tenant_id, id, content_id, share_id, ambassador_id, network, post_url, reason, status,"
        " version, created_at, updated_at) SELECT s.tenant_id, :id, :content_id, :share_id, :ambassador_id, s.network,"
        " s.post_url, 'Recalled.', 'pending', 1, now(), now() FROM shares AS s WHERE s.id = :share_id"
    )
    async with engine.begin() as connection:
        await connection.execute(statement, row)
    return {"takedowns": str(row["id"]), "shared_contents": body["content_id"]}
