"""Integrations, their delivery log and the roster's keys: what the fakes promise, PostgreSQL keeps."""

from __future__ import annotations

from datetime import timedelta

from app.domain.integrations.deliveries import Delivery, DeliveryOutcome
from app.domain.integrations.integrations import Credential, Integration, IntegrationKey, IntegrationKind
from app.domain.roster.tenants import Tenant
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, hire


def hris(backend: Backend, tenant: Tenant) -> Integration:
    credential = Credential(id=backend.ids.new_id(), issued_at=NOW, sealed_secret="sealed-1")
    return Integration.register(
        id=backend.ids.new_id(),
        tenant_id=tenant.id,
        kind=IntegrationKind.HRIS_WEBHOOK,
        name="Workday",
        credential=credential,
        now=NOW,
    )


def delivery(backend: Backend, integration: Integration, webhook_id: str, outcome: DeliveryOutcome) -> Delivery:
    return Delivery(
        id=backend.ids.new_id(),
        tenant_id=integration.tenant_id,
        integration_id=integration.id,
        webhook_id=webhook_id,
        event_type="employee.hired",
        external_id="HR-1",
        occurred_at=NOW,
        outcome=outcome,
        reason="Hired.",
        received_at=NOW,
    )


async def test_an_integration_comes_back_with_its_credentials_through_a_rotation(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    integration = hris(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.integrations.add(integration)
        await uow.commit()
    fresh = Credential(id=backend.ids.new_id(), issued_at=NOW + timedelta(hours=1), sealed_secret="sealed-2")
    integration.rotate(fresh, overlap=timedelta(hours=2), now=NOW + timedelta(hours=1))
    integration.rotate(
        Credential(id=backend.ids.new_id(), issued_at=NOW + timedelta(days=1), sealed_secret="sealed-3"),
        overlap=timedelta(0),
        now=NOW + timedelta(days=1),
    )
    async with backend.uow(tenant.id) as uow:
        await uow.integrations.save(integration)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        stored = await uow.integrations.get(integration.id)
    async with backend.uow(None) as uow:
        found = await uow.integrations.find_for_intake(integration.id)

    assert stored == integration
    assert found == integration
    assert [c.sealed_secret for c in stored.credentials] == ["sealed-2", "sealed-3"]


async def test_another_tenant_neither_gets_nor_lists_an_integration(backend: Backend) -> None:
    acme, globex = await add_tenant(backend), await add_tenant(backend, "globex")
    integration = hris(backend, acme)
    async with backend.uow(acme.id) as uow:
        await uow.integrations.add(integration)
        await uow.commit()

    async with backend.uow(globex.id) as uow:
        assert await uow.integrations.get(integration.id) is None
        assert (await uow.integrations.list(PageRequest())).items == []
        assert await uow.deliveries.processed(integration.id, "msg_1") is None


async def test_a_processed_webhook_id_is_logged_once_while_duplicates_and_refusals_add_up(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    integration = hris(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.integrations.add(integration)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        assert await uow.deliveries.add(delivery(backend, integration, "msg_1", DeliveryOutcome.REFUSED))
        assert await uow.deliveries.add(delivery(backend, integration, "msg_1", DeliveryOutcome.APPLIED))
        assert not await uow.deliveries.add(delivery(backend, integration, "msg_1", DeliveryOutcome.STALE))
        assert await uow.deliveries.add(delivery(backend, integration, "msg_1", DeliveryOutcome.DUPLICATE))
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        processed = await uow.deliveries.processed(integration.id, "msg_1")
        logged = await uow.deliveries.list(integration.id, PageRequest().newest_first())
    assert processed is not None
    assert processed.outcome is DeliveryOutcome.APPLIED
    assert [d.outcome for d in logged.items] == [
        DeliveryOutcome.DUPLICATE,
        DeliveryOutcome.APPLIED,
        DeliveryOutcome.REFUSED,
    ]


async def test_the_roster_keys_find_employees_and_link_those_waiting_for_a_manager(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada", external_id="HR-1")
    grace = await hire(backend, tenant, "Grace", external_id="HR-9")
    ada.synced(occurred_at=NOW, pending_manager="HR-9")
    async with backend.uow(tenant.id) as uow:
        await uow.employees.save(ada)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        by_id = await uow.roster_keys.employee_id(IntegrationKey.EXTERNAL_ID, "HR-1")
        by_email = await uow.roster_keys.employee_id(IntegrationKey.EMAIL, ada.profile.email.upper())
        linked = await uow.roster_keys.link_reports(grace.id, "HR-9", NOW)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        stored = await uow.employees.get(ada.id)

    assert (by_id, by_email, linked) == (ada.id, ada.id, [ada.id])
    assert stored is not None
    assert (stored.profile.manager_id, stored.pending_manager_external_id) == (grace.id, None)
    assert stored.version == ada.version + 1
