"""Members' devices and their push tokens, on asyncpg."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from app.adapters.postgres.notifications.device_sql import LIST, REGISTER, REMOVE
from app.domain.notifications.devices import Device, Platform


class PostgresDeviceRegistry:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def register(self, device: Device) -> Device:
        row = await self._pool.fetchrow(
            REGISTER,
            device.tenant_id,
            device.id,
            device.ambassador_id,
            device.platform.value,
            device.token,
            device.registered_at,
        )
        return _device(device.tenant_id, row)

    async def list(self, tenant_id: UUID, ambassador_id: UUID) -> list[Device]:
        return [_device(tenant_id, row) for row in await self._pool.fetch(LIST, tenant_id, ambassador_id)]

    async def remove(self, tenant_id: UUID, ambassador_id: UUID, device_id: UUID) -> bool:
        status: str = await self._pool.execute(REMOVE, tenant_id, ambassador_id, device_id)
        return status != "DELETE 0"


def _device(tenant_id: UUID, row: asyncpg.Record) -> Device:
    return Device(
        id=row["id"],
        tenant_id=tenant_id,
        ambassador_id=row["ambassador_id"],
        platform=Platform(row["platform"]),
        token=row["token"],
        registered_at=row["registered_at"],
    )
