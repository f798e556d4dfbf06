"""Who the development sign-in offers and signs in: the sign-in tenant's active employees, never another's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.errors import NotFound, ValidationFailed
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.domain.roster.sign_in import SIGN_IN_ROLES
from app.domain.roster.tenants import Tenant
from app.services.roster.create_employee import CreateEmployee
from app.services.roster.create_tenant import CreateTenant, CreateTenantCommand
from app.services.roster.list_people_to_sign_in import ListPeopleToSignIn
from app.services.roster.sign_in_as import SignInAs, SignInAsCommand
from app.services.roster.terminate_employee import TerminateEmployee, TerminateEmployeeCommand
from tests.fakes import FakeUnitOfWorkFactory, FixedClock, SequentialIds

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OPERATOR = Principal(tenant_id=None, subject="platform|ops", roles=frozenset({Role.OPERATOR}))


@dataclass
class World:
    uow: FakeUnitOfWorkFactory
    clock: FixedClock
    ids: SequentialIds
    demo: Tenant
    other: Tenant

    async def hire(self, tenant: Tenant, given_name: str, **profile: Any) -> Employee:
        admin = Principal(tenant_id=tenant.id, subject="staff|admin", roles=frozenset({Role.ADMIN}))
        fields: dict[str, Any] = {
            "email": f"{given_name.lower()}@{tenant.slug}.example",
            "given_name": given_name,
            "family_name": "Doe",
        }
        return await CreateEmployee(self.uow, self.clock, self.ids)(admin, EmployeeProfile(**(fields | profile)))

    def list_people(self, slug: str = "demo") -> ListPeopleToSignIn:
        return ListPeopleToSignIn(self.uow, self.clock, self.ids, slug)

    def sign_in_as(self, slug: str = "demo") -> SignInAs:
        return SignInAs(self.uow, self.clock, self.ids, slug)


@pytest.fixture
async def world() -> World:
    ids = SequentialIds()
    uow = FakeUnitOfWorkFactory(ids)
    clock = FixedClock(NOW)
    create = CreateTenant(uow, clock, ids)
    demo = await create(OPERATOR, CreateTenantCommand(slug="demo", name="Demo Company"))
    other = await create(OPERATOR, CreateTenantCommand(slug="globex", name="Globex"))
    return World(uow, clock, ids, demo, other)


async def test_the_page_lists_the_active_employees_of_the_sign_in_tenant_only(world: World) -> None:
    camille = await world.hire(world.demo, "Camille")
    grace = await world.hire(world.demo, "Grace")
    await world.hire(world.other, "Olga")
    admin = Principal(tenant_id=world.demo.id, subject="staff|admin", roles=frozenset({Role.ADMIN}))
    await TerminateEmployee(world.uow, world.clock, world.ids)(admin, TerminateEmployeeCommand(employee_id=grace.id))

    roster = await world.list_people()()

    assert roster.tenant.name == "Demo Company"
    assert [person.id for person in roster.people] == [camille.id]
    assert roster.more is False


async def test_without_the_sign_in_tenant_there_is_nobody_to_list(world: World) -> None:
    with pytest.raises(NotFound):
        await world.list_people("missing")()


async def test_signing_in_gives_the_employees_subject_email_and_chosen_role(world: World) -> None:
    camille = await world.hire(world.demo, "Camille", idp_subject="demo|camille", family_name="Martin")

    identity = await world.sign_in_as()(SignInAsCommand(employee_id=camille.id, role="manager"))

    assert identity.tenant_id == world.demo.id
    assert identity.subject == "demo|camille"
    assert identity.email == "camille@demo.example"
    assert identity.name == "Camille Martin"
    assert identity.roles == (Role.MANAGER,)


async def test_an_employee_without_a_subject_signs_in_as_relais_token_would_name_them(world: World) -> None:
    lea = await world.hire(world.demo, "Lea")

    identity = await world.sign_in_as()(SignInAsCommand(employee_id=lea.id, role="ambassador"))

    assert identity.subject == "dev|lea@demo.example"


async def test_nobody_signs_in_as_another_tenants_employee(world: World) -> None:
    olga = await world.hire(world.other, "Olga")

    with pytest.raises(NotFound):
        await world.sign_in_as()(SignInAsCommand(employee_id=olga.id, role="ambassador"))


@pytest.mark.parametrize("role", ["operator", "superuser", ""])
async def test_nobody_signs_in_with_a_platform_or_unknown_role(world: World, role: str) -> None:
    camille = await world.hire(world.demo, "Camille")

    with pytest.raises(ValidationFailed) as refused:
        await world.sign_in_as()(SignInAsCommand(employee_id=camille.id, role=role))

    assert "ambassador" in refused.value.errors[0].message
    assert Role.OPERATOR not in SIGN_IN_ROLES
