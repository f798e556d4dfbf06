"""Shared steps of the notification tests: members of a tenant, the inbox read through the API, and
the notification handler run on a pool whose statements are counted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID

import asyncpg
import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from uuid6 import uuid7

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.services.notifications.handlers import NotifyMembers
from tests.integration.conftest import Mint
from tests.integration.helpers import create_employee, join_as_ambassador
from tests.integration.worker_helpers import MovableClock


async def new_member(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], name: str, **fields: Any
) -> dict[str, str]:
    employee = await create_employee(
        client, admin, given_name=name.title(), family_name="Test", email=f"{name}@acme.example", **fields
    )
    return await join_as_ambassador(client, mint, tenant_id, employee, subject=f"idp|{name}")


async def inbox(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get("/v1/me/notifications", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def unread(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    response = await client.get("/v1/me/notifications/unread-count", headers=headers)
    assert response.status_code == 200, response.text
    count: int = response.json()["unread"]
    return count


class CountedHandler:
    """The notification handler on a pool of its own, counting the statements it sends."""

    def __init__(self, pool: asyncpg.Pool, statements: list[str]) -> None:
        self.handler = NotifyMembers(PostgresNotificationStore(pool), MovableClock())
        self.statements = statements
        self.pool = pool


@asynccontextmanager
async def counted_handler(database_url: str) -> AsyncIterator[CountedHandler]:
    statements: list[str] = []
    pool = await create_pool(database_url, size=2, query_logger=lambda record: statements.append(record.query))
    try:
        yield CountedHandler(pool, statements)
    finally:
        await pool.close()


async def seed_inbox(
    client: httpx.AsyncClient, engine: AsyncEngine, tenant_id: UUID, ambassador_id: str, member: dict[str, str]
) -> dict[str, str]:
    """A notification in the member's inbox (filed as the worker's fan-out files one) and a device they
    registered: the ids of each, by table."""
    notification_id = uuid7()
    filed = sa.text(
        "INSERT INTO notifications (tenant_id, id, ambassador_id, kind, source_event_id, data, created_at) "
        "VALUES (:tenant, :id, :ambassador, 'badge_earned', :cause, CAST(:data AS jsonb), now())"
    )
    values = {"tenant": tenant_id, "id": notification_id, "ambassador": UUID(ambassador_id), "cause": uuid7()}
    async with engine.begin() as connection:
        await connection.execute(filed, values | {"data": '{"badge": "first-share"}'})
    device = await client.post("/v1/me/devices", json={"platform": "ios", "token": "apns-sam-1"}, headers=member)
    assert device.status_code == 201, device.text
    return {"notifications": str(notification_id), "notification_devices": device.json()["id"]}
