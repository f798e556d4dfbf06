"""Shared steps of the notification tests: members of a tenant, the inbox read through the API, and
the notification handler run on a pool whose statements are counted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID

import asyncpg
import httpx

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
