"""Webhook endpoints and their sealed secrets on asyncpg; every statement names its tenant."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.webhooks.instants import instant
from app.domain.webhooks.endpoints import DisabledReason, SigningSecret, WebhookEndpoint
from app.ports.pagination import Page, PageRequest

COLUMNS = """e.tenant_id, e.id, e.url, e.description, e.event_types, e.enabled, e.disabled_reason, e.failing_since,
e.version, e.created_at, e.updated_at,
(SELECT coalesce(json_agg(json_build_object('id', s.id, 'sealed', s.sealed, 'issued_at', s.issued_at,
                                            'expires_at', s.expires_at) ORDER BY s.issued_at), '[]'::json)
 FROM webhook_endpoint_secrets AS s WHERE s.tenant_id = e.tenant_id AND s.endpoint_id = e.id) AS secrets"""

# The columns are constants of this module.
GET = f"SELECT {COLUMNS} FROM webhook_endpoints AS e WHERE e.tenant_id = $1 AND e.id = $2"  # noqa: S608
# $1 tenant, $2 after, $3 how many.
LIST = f"""SELECT {COLUMNS} FROM webhook_endpoints AS e
WHERE e.tenant_id = $1 AND ($2::uuid IS NULL OR e.id > $2::uuid) ORDER BY e.id LIMIT $3"""  # noqa: S608

INSERT = """
INSERT INTO webhook_endpoints (tenant_id, id, url, description, event_types, enabled, disabled_reason, failing_since,
                               version, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
"""
# $12 the version read.
UPDATE = """
UPDATE webhook_endpoints SET url = $3, description = $4, event_types = $5, enabled = $6, disabled_reason = $7,
    failing_since = $8, version = $9, created_at = $10, updated_at = $11
WHERE tenant_id = $1 AND id = $2 AND version = $12
"""
FORGET_SECRETS = (
    "DELETE FROM webhook_endpoint_secrets WHERE tenant_id = $1 AND endpoint_id = $2 AND NOT id = ANY($3::uuid[])"
)
UPSERT_SECRETS = """
INSERT INTO webhook_endpoint_secrets (tenant_id, endpoint_id, id, sealed, issued_at, expires_at)
SELECT $1, $2, * FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[])
ON CONFLICT (tenant_id, id) DO UPDATE SET expires_at = excluded.expires_at
"""
# Deliveries and attempts go with it (ON DELETE CASCADE).
DELETE = """
DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 AND ($3::int IS NULL OR version = $3::int)
RETURNING id
"""


def endpoint_from_row(row: Mapping[str, Any]) -> WebhookEndpoint:
    secrets = json.loads(row["secrets"]) if isinstance(row["secrets"], str) else row["secrets"]
    return WebhookEndpoint(
        tenant_id=row["tenant_id"],
        id=row["id"],
        url=row["url"],
        description=row["description"],
        event_types=tuple(row["event_types"]),
        enabled=row["enabled"],
        disabled_reason=DisabledReason(row["disabled_reason"]) if row["disabled_reason"] else None,
        failing_since=row["failing_since"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        secrets=[
            SigningSecret(
                id=UUID(item["id"]),
                sealed=item["sealed"],
                issued_at=instant(item["issued_at"]),
                expires_at=instant(item["expires_at"]) if item["expires_at"] else None,
            )
            for item in secrets
        ],
    )


def _values(endpoint: WebhookEndpoint) -> tuple[Any, ...]:
    return (
        endpoint.tenant_id,
        endpoint.id,
        endpoint.url,
        endpoint.description,
        list(endpoint.event_types),
        endpoint.enabled,
        endpoint.disabled_reason.value if endpoint.disabled_reason else None,
        endpoint.failing_since,
        endpoint.version,
        endpoint.created_at,
        endpoint.updated_at,
    )


class PostgresWebhookEndpoints:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def add(self, endpoint: WebhookEndpoint) -> None:
        async with self._pool.acquire() as connection, connection.transaction():
            await connection.execute(INSERT, *_values(endpoint))
            await self._store_secrets(connection, endpoint)

    async def get(self, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        row = await self._pool.fetchrow(GET, tenant_id, endpoint_id)
        return endpoint_from_row(row) if row else None

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        rows = await self._pool.fetch(LIST, tenant_id, page.after, page.limit + 1)
        items = [endpoint_from_row(row) for row in rows[: page.limit]]
        return Page(items=items, next_after=items[-1].id if len(rows) > page.limit else None)

    async def save(self, endpoint: WebhookEndpoint, expected_version: int) -> bool:
        async with self._pool.acquire() as connection, connection.transaction():
            if await connection.execute(UPDATE, *_values(endpoint), expected_version) != "UPDATE 1":
                return False
            await self._store_secrets(connection, endpoint)
        return True

    async def remove(self, tenant_id: UUID, endpoint_id: UUID, expected_version: int | None) -> bool:
        removed: UUID | None = await self._pool.fetchval(DELETE, tenant_id, endpoint_id, expected_version)
        return removed is not None

    async def _store_secrets(self, connection: asyncpg.Connection, endpoint: WebhookEndpoint) -> None:
        kept = [secret.id for secret in endpoint.secrets]
        await connection.execute(FORGET_SECRETS, endpoint.tenant_id, endpoint.id, kept)
        await connection.execute(
            UPSERT_SECRETS,
            endpoint.tenant_id,
            endpoint.id,
            kept,
            [secret.sealed for secret in endpoint.secrets],
            [secret.issued_at for secret in endpoint.secrets],
            [secret.expires_at for secret in endpoint.secrets],
        )
