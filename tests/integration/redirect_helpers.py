"""Shared steps of the redirect tests: a live share written straight to its table, and its clicks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import utc_day
from tests.integration.conftest import Mint
from tests.integration.feed_helpers import ambassador, programme, publish

LINK_URL = "https://jobs.acme.example/lyon?ref=feed#apply"
BROWSER = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"
)


@dataclass(frozen=True, slots=True)
class Share:
    tenant_id: UUID
    id: UUID
    ambassador_id: UUID
    content_id: str
    code: str
    destination: str
    manager: dict[str, str]

    @property
    def path(self) -> str:
        return f"/r/{self.code}"


def destination_of(content_id: str) -> str:
    """The content link with the share's UTM parameters, the click reference not yet added."""
    return (
        "https://jobs.acme.example/lyon?ref=feed&utm_source=linkedin&utm_medium=employee_advocacy"
        f"&utm_campaign=always-on&utm_content={content_id}#apply"
    )


async def live_share(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_id: UUID, admin: dict[str, str]
) -> Share:
    """A published content and an ambassador's share of it, written as the share use case would."""
    setup = await programme(client, mint, tenant_id, admin)
    await ambassador(client, mint, setup, "idp|ada", networks=("linkedin",))
    content_id = await publish(client, setup, link_url=LINK_URL)
    async with engine.begin() as connection:
        ambassador_id = (
            await connection.execute(sa.text("SELECT id FROM ambassadors WHERE tenant_id = :t"), {"t": tenant_id})
        ).scalar_one()
    share = Share(
        tenant_id=tenant_id,
        id=UUID(int=tenant_id.int ^ 1),
        ambassador_id=ambassador_id,
        content_id=content_id,
        code=await issued_code(engine, tenant_id),
        destination=destination_of(content_id),
        manager=setup.manager,
    )
    await insert_share(engine, share)
    return share


async def issued_code(engine: AsyncEngine, tenant_id: UUID) -> str:
    """A new code of the tenant's, as the share use case issues one: its link prefix, then 8 random characters."""
    async with engine.connect() as connection:
        statement = sa.text("SELECT link_prefix FROM tenants WHERE id = :t")
        prefix = (await connection.execute(statement, {"t": tenant_id})).scalar_one()
    return ShareCode.issue(prefix).value


async def insert_share(engine: AsyncEngine, share: Share, *, status: str = "posted") -> None:
    now = datetime.now(UTC)
    row = {
        "tenant_id": share.tenant_id,
        "id": share.id,
        "code": share.code,
        "ambassador_id": share.ambassador_id,
        "content_id": UUID(share.content_id),
        "network": "linkedin",
        "language": "fr",
        "caption": "Nous recrutons à Lyon #employee",
        "status": status,
        "destination": share.destination,
        "click_param": "rl_click",
        "created_at": now,
        "posted_at": now if status == "posted" else None,
        "cancelled_at": now if status == "cancelled" else None,
        "version": 1,
    }
    statement = sa.text(
        "INSERT INTO shares (tenant_id, id, code, ambassador_id, content_id, network, language, caption, status,"
        " destination, click_param, created_at, posted_at, cancelled_at, version) VALUES (:tenant_id, :id, :code,"
        " :ambassador_id, :content_id, :network, :language, :caption, :status, :destination, :click_param,"
        " :created_at, :posted_at, :cancelled_at, :version)"
    )
    async with engine.begin() as connection:
        await connection.execute(statement, row)


async def clicks(engine: AsyncEngine, share_id: UUID) -> list[dict[str, Any]]:
    """The share's click rows, oldest first, every column."""
    statement = sa.text("SELECT * FROM clicks WHERE share_id = :share ORDER BY id")
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(statement, {"share": share_id})).mappings()]


async def remember_ambassador_visitor(engine: AsyncEngine, share: Share, visitor_hash: str) -> None:
    """What creating a share records: the ambassador's own visitor digest for today."""
    statement = sa.text(
        "INSERT INTO ambassador_visitors (tenant_id, ambassador_id, day, visitor_hash) VALUES (:t, :a, :d, :h)"
    )
    values = {"t": share.tenant_id, "a": share.ambassador_id, "d": utc_day(datetime.now(UTC)), "h": visitor_hash}
    async with engine.begin() as connection:
        await connection.execute(statement, values)
