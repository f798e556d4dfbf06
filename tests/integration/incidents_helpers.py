"""Shared steps of the incident tests: a posted share to flag, staff tokens, and the worker's reminder
handler run on the outbox's event, as the worker would hand it over."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.domain.events import EventType, RecordedEvent
from app.services.community.incidents.handlers import DeliverIncidentReminder
from tests.integration.conftest import Mint, bearer
from tests.integration.share_helpers import Sharing, new_share, sharing_programme
from tests.integration.worker_helpers import MovableClock


@dataclass(frozen=True, slots=True)
class Flagged:
    """A member's posted share, the moderator who flags it, and the member's membership."""

    sharing: Sharing
    share_id: str
    ambassador_id: str
    moderator: dict[str, str]

    @property
    def member(self) -> dict[str, str]:
        return self.sharing.member


async def posted_share(client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str]) -> Flagged:
    sharing = await sharing_programme(client, mint, tenant_id, admin)
    share = await new_share(client, sharing)
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text
    me = (await client.get("/v1/me", headers=sharing.member)).json()
    moderator = bearer(mint(tenant_id, "moderator", subject="idp|moderator"))
    return Flagged(sharing, share["id"], me["ambassador"]["id"], moderator)


async def report(client: httpx.AsyncClient, flagged: Flagged, **body: Any) -> httpx.Response:
    body = {"summary": "Presents a personal opinion as the company's.", "severity": "minor"} | body
    body.setdefault("share_id", flagged.share_id)
    return await client.post("/v1/incidents", json=body, headers=flagged.moderator)


async def act(client: httpx.AsyncClient, headers: dict[str, str], incident_id: str, **body: Any) -> httpx.Response:
    return await client.post(f"/v1/incidents/{incident_id}/actions", json=body, headers=headers)


async def deliver_reminders(engine: AsyncEngine, database_url: str, tenant_id: UUID) -> int:
    """Hand every ``incident.reminder_sent`` of the tenant to the worker's handler; how many there were."""
    statement = sa.text(
        "SELECT id, type, tenant_id, occurred_at, data FROM outbox WHERE tenant_id = :tenant AND type = :type"
    )
    async with engine.connect() as connection:
        rows = (
            await connection.execute(statement, {"tenant": tenant_id, "type": EventType.INCIDENT_REMINDER_SENT.value})
        ).all()
    pool = await create_pool(database_url, size=1)
    try:
        handler = DeliverIncidentReminder(PostgresNotificationStore(pool), MovableClock())
        for row in rows:
            await handler(
                RecordedEvent(
                    id=row.id, type=row.type, tenant_id=row.tenant_id, occurred_at=row.occurred_at, data=row.data
                )
            )
    finally:
        await pool.close()
    return len(rows)
