"""Tenants and the roster on the in-memory fakes: who adds, changes and terminates employees, what is
written and announced."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.errors import (
    DuplicateValue,
    EmployeeTerminated,
    InvalidTransition,
    NotFound,
    PreconditionFailed,
    ValidationFailed,
)
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import EmployeeProfile, EmployeeStatus
from app.domain.roster.identity import Role
from app.ports.pagination import PageRequest
from app.ports.roster import EmployeeFilter
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_employee import UpdateEmployeeCommand
from tests.unit.world import OPERATOR, World, new_events

# --- tenants --------------------------------------------------------------------------------


async def test_operator_creates_a_tenant_and_announces_it(world: World) -> None:
    tenant = await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="initech", name=" Initech "))
    assert tenant.name == "Initech"
    assert await world.roster.find_tenant("initech") == tenant
    last = world.uow.outbox[-1]
    assert (last.type, last.tenant_id, last.data) == ("tenant.created", tenant.id, {"slug": "initech"})


async def test_duplicate_tenant_slug_is_a_conflict(world: World) -> None:
    before = world.events()
    with pytest.raises(DuplicateValue) as raised:
        await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="acme", name="Another Acme"))
    assert raised.value.field == "slug"
    assert (await world.roster.find_tenant("acme")).name == "Acme"
    assert world.events() == before


async def test_invalid_tenant_slug_is_refused(world: World) -> None:
    with pytest.raises(ValidationFailed):
        await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="Not A Slug", name="X"))
    with pytest.raises(NotFound):
        await world.roster.find_tenant("Not A Slug")


async def test_unknown_tenant_slug_is_not_found(world: World) -> None:
    with pytest.raises(NotFound):
        await world.roster.find_tenant("initech")


# --- the roster -----------------------------------------------------------------------------


async def test_integrator_adds_an_employee_to_its_own_tenant(world: World) -> None:
    integrator = world.staff(Role.INTEGRATOR)
    profile = EmployeeProfile(email="Ada@ACME.example", given_name="Ada", family_name="Lovelace", department="R&D")
    employee = await world.roster.create_employee(integrator, profile)
    assert employee.tenant_id == world.acme.id
    assert await world.roster.get_employee(world.admin, employee.id) == employee
    assert employee.profile.email == "Ada@acme.example"
    last = world.uow.outbox[-1]
    assert (last.type, last.tenant_id, last.data["email"]) == ("employee.created", world.acme.id, "Ada@acme.example")


async def test_duplicate_email_in_another_case_is_refused_and_nothing_is_written(world: World) -> None:
    await world.hire("Ada", email="ada@acme.example")
    before = world.events()
    with pytest.raises(DuplicateValue) as raised:
        await world.hire("Other", email="ADA@acme.example")
    assert raised.value.field == "email"
    page = await world.roster.list_employees(world.admin, EmployeeFilter(), PageRequest())
    assert [e.profile.given_name for e in page.items] == ["Ada"]
    assert world.events() == before


async def test_duplicate_external_id_is_refused(world: World) -> None:
    await world.hire("Ada", external_id="HR-1")
    with pytest.raises(DuplicateValue) as raised:
        await world.hire("Grace", external_id="HR-1")
    assert raised.value.field == "external_id"


async def test_the_same_person_may_be_on_another_tenant_s_roster(world: World) -> None:
    ours = await world.hire("Ada", external_id="HR-1")
    theirs = await world.hire("Ada", external_id="HR-1", tenant=world.globex)
    assert theirs.tenant_id == world.globex.id
    assert ours.id != theirs.id


async def test_manager_must_be_an_employee_of_the_same_tenant(world: World) -> None:
    boss = await world.hire("Boss", tenant=world.globex)
    with pytest.raises(ValidationFailed) as raised:
        await world.hire("Ada", manager_id=boss.id)
    assert [error.loc for error in raised.value.errors] == [("manager_id",)]
    ours = await world.hire("Grace")
    assert (await world.hire("Ada", manager_id=ours.id)).profile.manager_id == ours.id


async def test_roster_lists_only_the_caller_s_tenant_with_filters(world: World) -> None:
    await world.hire("Ada", department="R&D", location="London")
    await world.hire("Grace", department="R&D", location="New York")
    await world.hire("Alan", department="Sales", location="London")
    await world.hire("Zed", department="R&D", tenant=world.globex)
    analyst = world.staff(Role.ANALYST)
    list_employees = world.roster.list_employees

    async def names(**criteria: Any) -> list[str]:
        page = await list_employees(analyst, EmployeeFilter(**criteria), PageRequest())
        return [employee.profile.given_name for employee in page.items]

    assert await names() == ["Ada", "Grace", "Alan"]
    assert await names(department="R&D") == ["Ada", "Grace"]
    assert await names(location="London", department="Sales") == ["Alan"]
    assert await names(query="GRACE") == ["Grace"]
    first = await list_employees(analyst, EmployeeFilter(), PageRequest(limit=2))
    rest = await list_employees(analyst, EmployeeFilter(), PageRequest(after=first.next_after, limit=2))
    assert [e.profile.given_name for e in rest.items] == ["Alan"]
    assert rest.next_after is None


async def test_another_tenant_s_employee_is_not_found(world: World) -> None:
    theirs = await world.hire("Zed", tenant=world.globex)
    before = world.events()
    with pytest.raises(NotFound):
        await world.roster.get_employee(world.admin, theirs.id)
    with pytest.raises(NotFound):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=theirs.id, changes={"department": "Sales"})
        )
    with pytest.raises(NotFound):
        await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=theirs.id))
    with pytest.raises(NotFound):
        await world.roster.invite_ambassador(world.admin, theirs.id)
    assert await world.employee(theirs.id, world.globex) == theirs
    assert world.events() == before


async def test_update_changes_the_profile_and_announces_the_fields(world: World) -> None:
    ada = await world.hire("Ada")
    world.clock.advance(timedelta(hours=1))
    updated = await world.roster.update_employee(
        world.staff(Role.INTEGRATOR),
        UpdateEmployeeCommand(employee_id=ada.id, changes={"department": "Sales"}, expected_version=1),
    )
    assert (updated.profile.department, updated.version, updated.updated_at) == ("Sales", 2, world.clock.now())
    assert await world.employee(ada.id) == updated
    last = world.uow.outbox[-1]
    assert (last.type, last.data) == ("employee.updated", {"id": str(ada.id), "fields": ["department"]})


async def test_update_with_a_stale_version_changes_nothing(world: World) -> None:
    ada = await world.hire("Ada")
    before = world.events()
    with pytest.raises(PreconditionFailed):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=ada.id, changes={"department": "Sales"}, expected_version=7)
        )
    assert await world.employee(ada.id) == ada
    assert world.events() == before


async def test_update_taking_a_colleague_s_email_changes_nothing(world: World) -> None:
    await world.hire("Ada")
    grace = await world.hire("Grace")
    before = world.events()
    with pytest.raises(DuplicateValue):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=grace.id, changes={"email": "ADA@acme.example"})
        )
    assert await world.employee(grace.id) == grace
    assert world.events() == before


# --- departures -----------------------------------------------------------------------------


async def test_termination_ends_the_membership_in_the_same_unit_of_work(world: World) -> None:
    _, membership = await world.member("Ada")
    before = world.events()
    world.clock.advance(timedelta(days=1))
    terminated = await world.roster.terminate_employee(
        world.staff(Role.INTEGRATOR), TerminateEmployeeCommand(employee_id=membership.employee_id)
    )
    assert terminated.status is EmployeeStatus.TERMINATED
    assert await world.employee(terminated.id) == terminated
    left = await world.membership_of(terminated.id)
    assert left is not None
    assert (left.status, left.left_at) == (MembershipStatus.LEFT, world.clock.now())
    assert new_events(world, before) == ["employee.terminated", "ambassador.left"]
    assert world.uow.outbox[-1].data["reason"] == "employee_terminated"


async def test_termination_date_defaults_to_today_in_utc(world: World) -> None:
    ada = await world.hire("Ada")
    grace = await world.hire("Grace")
    terminate = world.roster.terminate_employee
    today = await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    chosen = await terminate(
        world.admin, TerminateEmployeeCommand(employee_id=grace.id, terminated_on=date(2026, 2, 27))
    )
    assert today.terminated_on == date(2026, 3, 2)  # 23:30 UTC, whatever the server's zone
    assert chosen.terminated_on == date(2026, 2, 27)


async def test_stale_termination_changes_neither_employee_nor_membership(world: World) -> None:
    _, membership = await world.member("Ada")
    employee = await world.employee(membership.employee_id)
    before = world.events()
    with pytest.raises(PreconditionFailed):
        await world.roster.terminate_employee(
            world.admin, TerminateEmployeeCommand(employee_id=membership.employee_id, expected_version=0)
        )
    assert await world.employee(membership.employee_id) == employee
    assert await world.membership_of(membership.employee_id) == membership
    assert world.events() == before


async def test_terminating_twice_is_refused_without_new_events(world: World) -> None:
    ada = await world.hire("Ada")
    terminate = world.roster.terminate_employee
    await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    before = world.events()
    with pytest.raises(InvalidTransition):
        await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id, terminated_on=date(2026, 4, 1)))
    stored = await world.employee(ada.id)
    assert stored is not None
    assert stored.terminated_on == date(2026, 3, 2)
    assert world.events() == before


async def test_former_member_s_termination_does_not_announce_a_second_departure(world: World) -> None:
    ada, membership = await world.member("Ada")
    await world.roster.opt_out(ada)
    before = world.events()
    await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=membership.employee_id))
    assert new_events(world, before) == ["employee.terminated"]


async def test_terminated_employee_cannot_opt_in_and_nothing_is_written(world: World) -> None:
    ada = await world.hire("Ada")
    await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    before = world.events()
    with pytest.raises(EmployeeTerminated):
        await world.roster.opt_in(world.person("idp|ada", "ada@acme.example"))
    assert await world.membership_of(ada.id) is None
    stored = await world.employee(ada.id)
    assert stored is not None
    assert stored.profile.idp_subject is None  # the link made on the way was rolled back too
    assert world.events() == before
