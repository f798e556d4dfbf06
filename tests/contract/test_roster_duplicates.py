"""What the roster's constraints refuse, on both backends, and the domain errors they become."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.networks import Network
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, add_tenant, assert_constraint_error, connect, enrol, hire


async def test_tenant_slug_is_unique(backend: Backend) -> None:
    await add_tenant(backend, "acme")
    with pytest.raises(DomainError) as raised:
        await add_tenant(backend, "acme")
    assert_constraint_error(raised.value, "uq_tenants_slug")


async def test_employee_email_is_unique_per_tenant_whatever_its_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", email="ada@acme.example")
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Other", email="ADA@acme.example")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")


async def test_employee_cannot_take_another_s_email_on_save(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada")
    grace = await hire(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        grace.update({"email": "Ada@acme.example"}, LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(grace)
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")
    async with backend.uow(tenant.id) as uow:
        stored = await uow.employees.get(grace.id)
    assert stored is not None
    assert stored.profile.email == "grace@acme.example"


async def test_employee_keeps_its_own_email_in_another_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada", email="ada@acme.example")
    async with backend.uow(tenant.id) as uow:
        ada.update({"email": "ADA@acme.example"}, LATER)
        await uow.employees.save(ada)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        stored = await uow.employees.get(ada.id)
    assert stored is not None
    assert stored.profile.email == "ADA@acme.example"


async def test_external_id_is_unique_per_tenant(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", external_id="HR-1")
    await hire(backend, tenant, "Grace")
    await hire(backend, tenant, "Alan")  # any number of employees may have no external_id
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Mary", external_id="HR-1")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_external_id")


async def test_idp_subject_is_unique_per_tenant(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", idp_subject="idp|1")
    grace = await hire(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        grace.link_identity("idp|1", LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(grace)
    assert_constraint_error(raised.value, "uq_employees_tenant_id_idp_subject")


async def test_the_same_person_may_be_on_two_tenants_rosters(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    profile = {"email": "ada@example.com", "external_id": "HR-1", "idp_subject": "idp|ada"}
    at_acme = await hire(backend, acme, "Ada", **profile)
    at_globex = await hire(backend, globex, "Ada", **profile)
    async with backend.uow(globex.id) as uow:
        assert await uow.employees.find_by_email("ada@example.com") == at_globex
    async with backend.uow(acme.id) as uow:
        assert await uow.employees.find_by_subject("idp|ada") == at_acme


async def test_unknown_manager_is_refused(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Ada", manager_id=backend.ids.new_id())
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_unknown_manager_is_refused_on_save(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as uow:
        ada.update({"manager_id": backend.ids.new_id()}, LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(ada)
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_manager_from_another_tenant_is_refused(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    boss = await hire(backend, globex, "Boss")
    with pytest.raises(DomainError) as raised:
        await hire(backend, acme, "Ada", manager_id=boss.id)
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_an_employee_has_one_membership_only(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    employee = await hire(backend, tenant)
    await enrol(backend, tenant, employee)
    with pytest.raises(DomainError) as raised:
        await enrol(backend, tenant, employee)
    assert_constraint_error(raised.value, "uq_ambassadors_tenant_id_employee_id")


async def test_social_handle_is_unique_per_ambassador_and_network_whatever_its_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    grace = await enrol(backend, tenant, await hire(backend, tenant, "Grace"))
    await connect(backend, ada, "in/Ada")
    await connect(backend, ada, "in/Ada", Network.XING)
    await connect(backend, grace, "in/Ada")
    with pytest.raises(DomainError) as raised:
        await connect(backend, ada, "IN/ada")
    assert_constraint_error(raised.value, "uq_social_accounts_tenant_id_ambassador_id_network_handle")
