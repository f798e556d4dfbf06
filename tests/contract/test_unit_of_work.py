"""The unit of work on both backends: nothing is kept unless committed, and events reach the outbox
with the change that caused them."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import DomainError
from app.domain.roster.ambassadors import Ambassador
from tests.contract.conftest import Backend, StoredEvent
from tests.contract.helpers import LATER, NOW, add_tenant, hire, new_employee


async def test_uncommitted_unit_of_work_leaves_neither_rows_nor_events(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    before = await backend.outbox()
    employee = new_employee(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(employee)
        assert await uow.employees.get(employee.id) == employee  # the unit of work reads its own writes
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(employee.id) is None
    assert await backend.outbox() == before


async def test_failing_use_case_rolls_back_everything_it_wrote(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    before = await backend.outbox()
    employee = new_employee(backend, tenant)
    ambassador = Ambassador.volunteer(id=backend.ids.new_id(), employee=employee, now=NOW)

    async def failing_use_case() -> None:
        async with backend.uow(tenant.id) as uow:
            await uow.employees.add(employee)
            await uow.ambassadors.add(ambassador)
            await uow.outbox.append(employee.drain_events())
            raise LookupError("something went wrong before the commit")

    with pytest.raises(LookupError):
        await failing_use_case()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(employee.id) is None
        assert await uow.ambassadors.get(ambassador.id) is None
    assert await backend.outbox() == before


async def test_changes_after_a_commit_need_another_commit(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada, grace = new_employee(backend, tenant, "Ada"), new_employee(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(ada)
        await uow.commit()
        await uow.employees.add(grace)
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(ada.id) == ada
        assert await uow.employees.get(grace.id) is None
    assert [event.type for event in await backend.outbox()] == ["tenant.created", "employee.created"]


async def test_saved_change_is_invisible_to_others_until_committed(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as writer:
        loaded = await writer.employees.get(ada.id)
        assert loaded is not None
        loaded.update({"department": "Sales"}, LATER)
        await writer.employees.save(loaded)
        async with backend.uow(tenant.id) as reader:
            unchanged = await reader.employees.get(ada.id)
        assert unchanged is not None
        assert unchanged.profile.department is None
        await writer.commit()
    async with backend.uow(tenant.id) as reader:
        changed = await reader.employees.get(ada.id)
    assert changed is not None
    assert changed.profile.department == "Sales"


async def test_changing_a_loaded_aggregate_without_saving_it_changes_nothing(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.employees.get(ada.id)
        assert loaded is not None
        loaded.update({"department": "Sales"}, LATER)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(ada.id) == ada
    assert [event.type for event in await backend.outbox()] == ["tenant.created", "employee.created"]


async def test_refused_write_leaves_the_unit_of_work_usable(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada")
    duplicate = new_employee(backend, tenant, "Ada")
    grace = new_employee(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        with pytest.raises(DomainError):
            await uow.employees.add(duplicate)
        await uow.employees.add(grace)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(grace.id) == grace
        assert await uow.employees.get(duplicate.id) is None
    events = await backend.outbox()
    assert [event.type for event in events] == ["tenant.created", "employee.created", "employee.created"]
    assert events[-1].data["id"] == str(grace.id)


async def test_commit_records_the_events_of_added_and_saved_aggregates(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ada = new_employee(backend, acme, "Ada", department="R&D")
    async with backend.uow(acme.id) as uow:
        await uow.employees.add(ada)
        membership = Ambassador.invite(id=backend.ids.new_id(), employee=ada, invited_by="manager|1", now=NOW)
        await uow.ambassadors.add(membership)
        membership.opt_in(employee=ada, now=LATER)  # recorded after the write, still before the commit
        await uow.ambassadors.save(membership)
        await uow.commit()

    events = await backend.outbox()
    assert [(event.tenant_id, event.type) for event in events] == [
        (acme.id, "tenant.created"),
        (globex.id, "tenant.created"),
        (acme.id, "employee.created"),
        (acme.id, "ambassador.invited"),
        (acme.id, "ambassador.joined"),
    ]
    assert events[0].data == {"slug": "acme"}
    assert events[2].data == {
        "id": str(ada.id),
        "external_id": None,
        "email": "ada@acme.example",
        "department": "R&D",
        "location": None,
        "status": "active",
    }
    assert events[4].data == {
        "id": str(membership.id),
        "employee_id": str(ada.id),
        "status": "active",
        "invited": True,
    }


async def test_events_are_recorded_once_however_often_the_unit_of_work_commits(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = new_employee(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(ada)
        await uow.commit()
        ada.terminate(on=date(2026, 3, 31), now=LATER)
        await uow.employees.save(ada)
        await uow.commit()
        await uow.commit()
    events = await backend.outbox()
    assert [event.type for event in events] == ["tenant.created", "employee.created", "employee.terminated"]
    assert events[-1] == StoredEvent(
        tenant.id, "employee.terminated", {"id": str(ada.id), "terminated_on": "2026-03-31"}
    )
