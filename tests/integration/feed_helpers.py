"""Shared steps of the feed tests: a programme, its ambassadors, live contents and campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.content.campaign_tables import CampaignContentRow
from app.adapters.postgres.content.tables import ContentRow
from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, create_campaign, staff
from tests.integration.helpers import create_employee, join_as_ambassador


@dataclass(frozen=True, slots=True)
class Programme:
    tenant_id: UUID
    admin: dict[str, str]
    manager: dict[str, str]
    moderator: dict[str, str]


def at(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def locales(*languages: str, networks: tuple[str, ...] = ("linkedin", "x", "facebook")) -> list[dict[str, Any]]:
    """A locale per language, titled ``<language> title``, with a caption per network."""
    return [
        {
            "language": language,
            "title": f"{language} title",
            "body": f"{language} body",
            "captions": {network: f"{language} {network} caption #employee" for network in networks},
        }
        for language in languages
    ]


async def programme(client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str]) -> Programme:
    await configure(client, admin, weekly_content_budget=50)
    return Programme(
        tenant_id, admin, staff(mint, tenant_id, "manager"), staff(mint, tenant_id, "moderator", "moderator|1")
    )


async def publish(client: httpx.AsyncClient, setup: Programme, **fields: Any) -> str:
    """An approved content, live now unless its dates say otherwise; returns its id."""
    fields.setdefault("language", "fr")
    fields.setdefault("locales", locales(fields["language"]))
    content = await approved_content(client, setup.manager, setup.moderator, **fields)
    return str(content["id"])


async def ambassador(
    client: httpx.AsyncClient,
    mint: Mint,
    setup: Programme,
    subject: str,
    *,
    networks: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
    **employee: Any,
) -> dict[str, str]:
    """An employee who joined the programme, with their preferred languages and connected networks."""
    record = await create_employee(client, setup.admin, **employee)
    headers = await join_as_ambassador(client, mint, setup.tenant_id, record, subject)
    for network in networks:
        body = {"network": network, "handle": f"{subject}-{network}"}
        assert (await client.post("/v1/me/social-accounts", json=body, headers=headers)).status_code == 201
    if languages:
        preferences = {"languages": list(languages), "topics": []}
        assert (await client.put("/v1/me/preferences", json=preferences, headers=headers)).status_code == 200
    return headers


async def launched_campaign(
    client: httpx.AsyncClient, setup: Programme, slug: str, *content_ids: str, is_challenge: bool = False
) -> str:
    campaign = await create_campaign(client, setup.manager, slug, starts_at=at(-1), is_challenge=is_challenge)
    launched = await client.post(f"/v1/campaigns/{campaign['id']}/launch", headers=setup.manager)
    assert launched.status_code == 200, launched.text
    for content_id in content_ids:
        added = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content_id}", headers=setup.manager)
        assert added.status_code == 204, added.text
    return str(campaign["id"])


async def feed(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get("/v1/me/feed", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def titles(client: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    return [item["title"] for item in (await feed(client, headers, limit=100))["items"]]


async def insert_live_contents(engine: AsyncEngine, tenant_id: UUID, count: int, campaign_id: str) -> None:
    """Approved, live contents written straight to the table (faster than reviewing each one), all in
    one campaign, with two locales and three captions each."""
    now = datetime.now(UTC)
    rows = []
    for number in range(count):
        live_from = now - timedelta(hours=number + 1)
        rows.append(
            {
                "tenant_id": tenant_id,
                "id": uuid4(),
                "status": "approved",
                "format": "article",
                "language": "fr",
                "locales": {
                    language: {"title": f"{language} {number}", "body": "Body", "captions": captions}
                    for language in ("fr", "en")
                    for captions in [{"linkedin": "In", "x": "X", "facebook": "Fb"}]
                },
                "media": [],
                "shareable": True,
                "pinned": number % 7 == 0,
                "important": number % 3 == 0,
                "live_from": live_from,
                "proposed": False,
                "created_by": "manager|1",
                "last_edited_by": "manager|1",
                "approved_at": live_from,
                "approved_by": "moderator|1",
                "version": 3,
                "created_at": live_from,
                "updated_at": live_from,
            }
        )
    membership = [
        {"tenant_id": tenant_id, "campaign_id": UUID(campaign_id), "content_id": row["id"], "added_at": now}
        for row in rows
    ]
    async with engine.begin() as connection:
        await connection.execute(sa.insert(ContentRow.__table__), rows)  # type: ignore[attr-defined]
        await connection.execute(sa.insert(CampaignContentRow.__table__), membership)  # type: ignore[attr-defined]
