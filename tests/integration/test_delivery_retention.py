"""The delivery log's pruning on PostgreSQL: the worker forgets deliveries older than 30 days, in every
organisation, and keeps the others (so a webhook-id stays recognised for 30 days)."""

from __future__ import annotations

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.integrations.retention import PostgresDeliveryRetention
from app.adapters.system import SystemClock
from app.services.integrations.prune_deliveries import PruneDeliveries
from tests.integration.integration_helpers import deliver, event, register_hris

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}


async def test_deliveries_older_than_30_days_are_pruned_and_their_webhook_id_forgotten(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, database_url: str
) -> None:
    hris = await register_hris(client, admin_a)
    hired = event("hired", "2026-03-02T08:00:00Z", **ADA)
    await deliver(client, hris, hired, webhook_id="msg_old")
    await deliver(client, hris, event("updated", "2026-03-03T08:00:00Z", external_id="HR-1", location="Paris"))
    async with engine.begin() as connection:
        await connection.execute(
            sa.text(
                "UPDATE integration_deliveries SET received_at = now() - interval '31 days' "
                "WHERE webhook_id = 'msg_old'"
            )
        )
    pool = await create_pool(database_url, size=1)
    try:
        pruned = await PruneDeliveries(PostgresDeliveryRetention(pool), SystemClock())()
    finally:
        await pool.close()

    assert pruned == 1
    listed = (await client.get(f"/v1/integrations/{hris['id']}/deliveries", headers=admin_a)).json()["items"]
    assert [item["event_type"] for item in listed] == ["employee.updated"]
