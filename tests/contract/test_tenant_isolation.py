"""Tenant isolation on both backends: a unit of work reads and writes only its own tenant's rows."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.roster.ambassadors import Ambassador
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, assert_constraint_error, connect, enrol, hire, new_employee


async def test_a_tenant_never_sees_another_tenant_s_rows(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ours = await hire(backend, acme, "Ada", email="ada@example.com", department="R&D")
    theirs = await hire(backend, globex, "Ada", email="ada@example.com", department="R&D", idp_subject="idp|g")
    our_member = await enrol(backend, acme, ours)
    their_member = await enrol(backend, globex, theirs)
    their_account = await connect(backend, their_member, "in/ada")

    async with backend.uow(acme.id) as uow:
        assert await uow.employees.get(theirs.id) is None
        assert await uow.employees.get(theirs.id, for_update=True) is None
        assert await uow.employees.get_many([ours.id, theirs.id]) == [ours]
        assert await uow.employees.find_by_email("ada@example.com") == ours
        assert await uow.employees.find_by_subject("idp|g") is None
        everyone = await uow.employees.list(EmployeeFilter(query="ada"), PageRequest())
        assert everyone.items == [ours]
        assert await uow.ambassadors.get(their_member.id) is None
        assert await uow.ambassadors.get_by_employee(theirs.id) is None
        assert await uow.ambassadors.get_many([our_member.id, their_member.id]) == [our_member]
        assert await uow.ambassadors.get_many_by_employee([ours.id, theirs.id]) == [our_member]
        members = await uow.ambassadors.list(AmbassadorFilter(department="R&D"), PageRequest())
        assert members.items == [our_member]
        assert await uow.social_accounts.get(their_account.id) is None
        assert await uow.social_accounts.list_for(their_member.id) == []
        await uow.social_accounts.remove(their_account.id)
        await uow.commit()

    async with backend.uow(globex.id) as uow:
        assert await uow.social_accounts.list_for(their_member.id) == [their_account]


async def test_a_unit_of_work_cannot_write_another_tenant_s_rows(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    theirs = await hire(backend, globex, "Grace")
    stranger = new_employee(backend, globex, "Alan")
    async with backend.uow(acme.id) as uow:
        with pytest.raises(RuntimeError):
            await uow.employees.add(stranger)
        theirs.update({"department": "Sales"}, LATER)
        with pytest.raises(RuntimeError):
            await uow.employees.save(theirs)
        with pytest.raises(RuntimeError):
            await uow.ambassadors.add(Ambassador.volunteer(id=backend.ids.new_id(), employee=theirs, now=NOW))
        await uow.commit()
    async with backend.uow(globex.id) as uow:
        stored = await uow.employees.get(theirs.id)
        assert stored is not None
        assert stored.profile.department is None
        assert await uow.employees.get(stranger.id) is None
    assert [event.tenant_id for event in await backend.outbox()][2:] == [globex.id]


async def test_tenant_owned_rows_need_a_unit_of_work_opened_for_a_tenant(backend: Backend) -> None:
    await add_tenant(backend)
    async with backend.uow(None) as uow:
        with pytest.raises(RuntimeError):
            await uow.employees.find_by_email("ada@acme.example")
        with pytest.raises(RuntimeError):
            await uow.ambassadors.list(AmbassadorFilter(), PageRequest())


async def test_search_and_email_lookup_ignore_case_beyond_ascii(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    elodie = await hire(backend, tenant, "Élodie", family_name="Çelik", email="Élodie@acme.example")
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.find_by_email("élodie@ACME.example") == elodie
        by_name = await uow.employees.list(EmployeeFilter(query="élodie çelik"), PageRequest())
    assert by_name.items == [elodie]
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Other", email="élodie@acme.example")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")
