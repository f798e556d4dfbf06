"""PostgreSQL repositories of integrations (with their credentials), their delivery log and the roster's
keys; every query is scoped to the unit of work's tenant but the intake's lookup by id."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSON, aggregate_order_by, insert

from app.adapters.postgres.integrations.mappers import (
    credential_values,
    delivery_from_row,
    delivery_values,
    integration_from_row,
    integration_values,
)
from app.adapters.postgres.integrations.tables import IntegrationCredentialRow, IntegrationDeliveryRow, IntegrationRow
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.tables import EmployeeRow
from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration, IntegrationKey
from app.ports.pagination import Page, PageRequest

integrations: sa.Table = IntegrationRow.__table__  # type: ignore[attr-defined]
credentials: sa.Table = IntegrationCredentialRow.__table__  # type: ignore[attr-defined]
deliveries: sa.Table = IntegrationDeliveryRow.__table__  # type: ignore[attr-defined]
employees: sa.Table = EmployeeRow.__table__  # type: ignore[attr-defined]

CREDENTIAL_COLUMNS = ("id", "sealed_secret", "token_digest", "issued_at", "expires_at")


def _credentials_column() -> sa.Label[Any]:
    """Each integration's credentials as one JSON array, so a read is one statement."""
    k = credentials.c
    item = sa.func.json_build_object(*[part for name in CREDENTIAL_COLUMNS for part in (name, k[name])])
    aggregated = sa.func.json_agg(aggregate_order_by(item, k.id))
    return (
        sa.select(sa.func.coalesce(aggregated, sa.text("'[]'::json"), type_=JSON))
        .where(k.tenant_id == integrations.c.tenant_id, k.integration_id == integrations.c.id)
        .scalar_subquery()
        .label("credentials")
    )


class PostgresIntegrationRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(integrations, _credentials_column()).where(integrations.c.tenant_id == self._tenant_id)

    async def add(self, integration: Integration) -> None:
        self._require_own(integration.tenant_id)
        await self._write(sa.insert(integrations).values(integration_values(integration)), integration)
        await self._store_credentials(integration, forget=False)

    async def save(self, integration: Integration) -> None:
        self._require_own(integration.tenant_id)
        values = integration_values(integration)
        statement = (
            sa.update(integrations)
            .where(integrations.c.tenant_id == self._tenant_id, integrations.c.id == integration.id)
            .values({name: values[name] for name in ("name", "owned_fields", "version", "updated_at")})
        )
        await self._write(statement, integration)
        await self._store_credentials(integration)

    async def _store_credentials(self, integration: Integration, *, forget: bool = True) -> None:
        """Insert new credentials and the new ends of old ones; ``forget`` deletes those the integration dropped."""
        if forget:
            k = credentials.c
            kept = [credential.id for credential in integration.credentials]
            forgotten = sa.delete(credentials).where(
                k.tenant_id == self._tenant_id, k.integration_id == integration.id, k.id.not_in(kept)
            )
            await self._write(forgotten)
        if not integration.credentials:
            return
        rows = [credential_values(integration, credential) for credential in integration.credentials]
        statement = insert(credentials).values(rows)
        # Only a credential's end ever changes.
        statement = statement.on_conflict_do_update(
            index_elements=["tenant_id", "id"], set_={"expires_at": statement.excluded.expires_at}
        )
        await self._write(statement)

    async def get(self, integration_id: UUID, *, for_update: bool = False) -> Integration | None:
        statement = self._select().where(integrations.c.id == integration_id)
        if for_update:
            statement = statement.with_for_update(of=integrations)
        return await self._one(statement, integration_from_row)

    async def list(self, page: PageRequest) -> Page[Integration]:
        return await self._page(self._select(), integrations.c.id, page, integration_from_row)

    async def find_for_intake(self, integration_id: UUID) -> Integration | None:
        statement = sa.select(integrations, _credentials_column()).where(integrations.c.id == integration_id)
        return await self._one(statement, integration_from_row)


class PostgresDeliveryLog(_Repository):
    async def add(self, delivery: Delivery) -> bool:
        self._require_own(delivery.tenant_id)
        statement = insert(deliveries).values(delivery_values(delivery))
        if delivery.outcome.processed:
            statement = statement.on_conflict_do_nothing(
                index_elements=["tenant_id", "integration_id", "webhook_id"],
                index_where=sa.text("outcome in ('applied', 'stale')"),
            )
        return await self._write_returning(statement.returning(deliveries.c.id)) is not None

    async def processed(self, integration_id: UUID, webhook_id: str) -> Delivery | None:
        # A twin delivered at the same moment waits here until the first commits or rolls back, so it
        # finds the first one processed rather than tripping over the rows it wrote.
        key = sa.func.hashtextextended(f"{integration_id}/{webhook_id}", 0)
        await self._session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
        d = deliveries.c
        statement = sa.select(deliveries).where(
            d.tenant_id == self._tenant_id,
            d.integration_id == integration_id,
            d.webhook_id == webhook_id,
            d.outcome.in_(("applied", "stale")),
        )
        return await self._one(statement, delivery_from_row)

    async def list(self, integration_id: UUID, page: PageRequest) -> Page[Delivery]:
        d = deliveries.c
        statement = sa.select(deliveries).where(d.tenant_id == self._tenant_id, d.integration_id == integration_id)
        return await self._page(statement, d.id, page, delivery_from_row)


class PostgresRosterKeys(_Repository):
    async def employee_id(self, key: IntegrationKey, value: str) -> UUID | None:
        e = employees.c
        match = sa.func.lower(e.email) == value.lower() if key is IntegrationKey.EMAIL else e.external_id == value
        statement = sa.select(e.id).where(e.tenant_id == self._tenant_id, match)
        return (await self._session.execute(statement)).scalar_one_or_none()

    async def link_reports(self, manager_id: UUID, external_id: str, now: datetime) -> list[UUID]:
        e = employees.c
        statement = (
            sa.update(employees)
            .where(e.tenant_id == self._tenant_id, e.pending_manager_external_id == external_id, e.id != manager_id)
            .values(manager_id=manager_id, pending_manager_external_id=None, version=e.version + 1, updated_at=now)
            .returning(e.id)
        )
        return list((await self._session.execute(statement)).scalars())
