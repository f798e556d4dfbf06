"""Integrations, their delivery log and the roster's keys on the in-memory database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration, IntegrationKey
from app.ports.pagination import Page, PageRequest
from tests.fake_storage import IntegrityViolationError, _page, _Repository, _stored


class FakeIntegrationRepository(_Repository):
    def _rows(self) -> list[Integration]:
        return [row for row in self._tx.integrations.rows() if row.tenant_id == self._tenant_id]

    async def add(self, integration: Integration) -> None:
        self._require_own(integration.tenant_id)
        self._require_tenant_row(integration.tenant_id)
        if any(row.id == integration.id for row in self._tx.integrations.rows()):
            raise IntegrityViolationError(f"Integration {integration.id} already exists.")
        self._tx.integrations.put((integration.tenant_id, integration.id), _stored(integration))
        self._tracker.track(integration)

    async def save(self, integration: Integration) -> None:
        self._require_own(integration.tenant_id)
        self._tx.integrations.put((integration.tenant_id, integration.id), _stored(integration))
        self._tracker.track(integration)

    async def get(self, integration_id: UUID, *, for_update: bool = False) -> Integration | None:
        found = self._tx.integrations.get((self._tenant_id, integration_id))
        return _stored(found) if found is not None else None

    async def list(self, page: PageRequest) -> Page[Integration]:
        return _page([_stored(row) for row in self._rows()], page)

    async def find_for_intake(self, integration_id: UUID) -> Integration | None:
        return next((_stored(row) for row in self._tx.integrations.rows() if row.id == integration_id), None)


class FakeDeliveryLog(_Repository):
    def _rows(self, integration_id: UUID) -> list[Delivery]:
        return [
            row
            for row in self._tx.integration_deliveries.rows()
            if row.tenant_id == self._tenant_id and row.integration_id == integration_id
        ]

    async def add(self, delivery: Delivery) -> bool:
        self._require_own(delivery.tenant_id)
        if delivery.outcome.processed and await self.processed(delivery.integration_id, delivery.webhook_id):
            return False
        self._tx.integration_deliveries.put((delivery.tenant_id, delivery.id), delivery)
        return True

    async def processed(self, integration_id: UUID, webhook_id: str) -> Delivery | None:
        return next(
            (row for row in self._rows(integration_id) if row.webhook_id == webhook_id and row.outcome.processed),
            None,
        )

    async def list(self, integration_id: UUID, page: PageRequest) -> Page[Delivery]:
        return _page(self._rows(integration_id), page)


class FakeRosterKeys(_Repository):
    async def employee_id(self, key: IntegrationKey, value: str) -> UUID | None:
        for row in self._tx.employees.rows():
            if row.tenant_id != self._tenant_id:
                continue
            if key is IntegrationKey.EMAIL and row.profile.email.lower() == value.lower():
                return row.id
            if key is IntegrationKey.EXTERNAL_ID and row.profile.external_id == value:
                return row.id
        return None

    async def link_reports(self, manager_id: UUID, external_id: str, now: datetime) -> list[UUID]:
        linked = []
        for row in self._tx.employees.rows():
            if row.tenant_id == self._tenant_id and row.pending_manager_external_id == external_id:
                waiting = replace(
                    _stored(row),
                    profile=replace(row.profile, manager_id=manager_id),
                    pending_manager_external_id=None,
                    version=row.version + 1,
                    updated_at=now,
                )
                self._tx.employees.put((row.tenant_id, row.id), waiting)
                linked.append(row.id)
        return linked
