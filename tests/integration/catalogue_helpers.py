"""Steps the catalogue's integration tests share: points credited through the ledger port (as an admin
adjustment would), rewards and associations created over REST."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.domain.rewards.ledger import ADJUSTMENT_RULE, EntryKind, PointEntry


async def credit(engine: AsyncEngine, tenant_id: UUID, ambassador_id: str | UUID, points: int) -> None:
    """Give the ambassador ``points`` by an adjustment entry of the ledger."""
    ids = Uuid7Generator()
    now = datetime.now(UTC)
    entry = PointEntry(
        id=ids.new_id(),
        tenant_id=tenant_id,
        ambassador_id=UUID(str(ambassador_id)),
        points=points,
        kind=EntryKind.ADJUSTMENT,
        rule=ADJUSTMENT_RULE,
        reason="Welcome points",
        actor="tests",
        occurred_at=now,
        recorded_at=now,
    )
    async with PostgresUnitOfWorkFactory(create_sessions(engine), ids)(tenant_id) as uow:
        await uow.points.append([entry])
        await uow.commit()


async def balance(engine: AsyncEngine, tenant_id: UUID, ambassador_id: str | UUID) -> int:
    async with PostgresUnitOfWorkFactory(create_sessions(engine), Uuid7Generator())(tenant_id) as uow:
        return (await uow.points.balance(UUID(str(ambassador_id)))).balance


async def create_reward(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"name": "Acme mug", "kind": "gift", "cost": 100} | fields
    response = await client.post("/v1/rewards", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def create_association(client: httpx.AsyncClient, headers: dict[str, str], name: str) -> dict[str, Any]:
    response = await client.post("/v1/associations", json={"name": name}, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def redeem(client: httpx.AsyncClient, headers: dict[str, str], reward_id: str) -> httpx.Response:
    return await client.post("/v1/redemptions", json={"reward_id": reward_id}, headers=headers)


async def seed_catalogue(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    admin: dict[str, str],
    member: dict[str, str],
    tenant_id: UUID,
    ambassador_id: str,
) -> dict[str, str]:
    """A reward needing approval and one that does not, redeemed once each, and an association."""
    await credit(engine, tenant_id, ambassador_id, 100)
    lunch = await create_reward(client, admin, name="Lunch", cost=10, requires_approval=True)
    mug = await create_reward(client, admin, name="Mug", cost=10)
    requested, approved = await redeem(client, member, lunch["id"]), await redeem(client, member, mug["id"])
    assert (requested.status_code, approved.status_code) == (201, 201), approved.text
    association = await create_association(client, admin, "Restos du Cœur")
    return {
        "rewards": lunch["id"],
        "redemptions": requested.json()["id"],
        "approved_redemptions": approved.json()["id"],
        "associations": association["id"],
    }
