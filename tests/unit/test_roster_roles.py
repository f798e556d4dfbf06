"""Who may call each roster use case, and a refusal that writes nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID

import pytest

from app.domain.errors import Forbidden
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from app.services.roster.update_employee import UpdateEmployeeCommand
from tests.unit.world import World


@dataclass(frozen=True)
class Target:
    """What a use case acts on: an employee already invited to the programme."""

    employee: Employee
    membership_id: UUID


Call = Callable[[World, Principal, Target], Awaitable[object]]
WRITERS = {Role.ADMIN, Role.INTEGRATOR}
READERS = {Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST}
STAFF = {Role.ADMIN, Role.MANAGER}

PROFILE = EmployeeProfile(email="new@acme.example", given_name="New", family_name="Hire")
CASES: dict[str, tuple[Call, set[Role]]] = {
    "create_employee": (lambda w, p, t: w.roster.create_employee(p, PROFILE), WRITERS),
    "update_employee": (
        lambda w, p, t: w.roster.update_employee(
            p, UpdateEmployeeCommand(employee_id=t.employee.id, changes={"location": "X"})
        ),
        WRITERS,
    ),
    "terminate_employee": (
        lambda w, p, t: w.roster.terminate_employee(p, TerminateEmployeeCommand(employee_id=t.employee.id)),
        WRITERS,
    ),
    "get_employee": (lambda w, p, t: w.roster.get_employee(p, t.employee.id), READERS | WRITERS),
    "list_employees": (lambda w, p, t: w.roster.list_employees(p, EmployeeFilter(), PageRequest()), READERS | WRITERS),
    "load_employees": (lambda w, p, t: w.roster.load_employees(p, [t.employee.id]), READERS | WRITERS),
    "invite_ambassador": (lambda w, p, t: w.roster.invite_ambassador(p, t.employee.id), STAFF),
    "update_ambassador": (
        lambda w, p, t: w.roster.update_ambassador(
            p, UpdateAmbassadorCommand(ambassador_id=t.membership_id, notes="x", notes_given=True)
        ),
        STAFF,
    ),
    "get_ambassador": (lambda w, p, t: w.roster.get_ambassador(p, t.membership_id), READERS),
    "list_ambassadors": (
        lambda w, p, t: w.roster.list_ambassadors(p, AmbassadorFilter(), PageRequest()),
        READERS,
    ),
    "load_ambassadors": (lambda w, p, t: w.roster.load_ambassadors_by_employee(p, [t.employee.id]), READERS),
    "create_tenant": (
        lambda w, p, t: w.roster.create_tenant(p, CreateTenantCommand(slug="initech", name="Initech")),
        {Role.OPERATOR},
    ),
}


async def _target(world: World) -> Target:
    employee = await world.hire("Ada")
    invitation = await world.roster.invite_ambassador(world.admin, employee.id)
    return Target(employee, invitation.ambassador.id)


async def _unchanged(world: World, target: Target, events: list[str]) -> None:
    assert world.events() == events
    assert await world.employee(target.employee.id) == target.employee
    membership = await world.membership_of(target.employee.id)
    assert membership is not None
    assert (membership.id, membership.version, membership.notes) == (target.membership_id, 1, None)
    page = await world.roster.list_employees(world.admin, EmployeeFilter(), PageRequest())
    assert [e.id for e in page.items] == [target.employee.id]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("case", list(CASES))
async def test_roles_decide_who_may_call_each_use_case(world: World, case: str, role: Role) -> None:
    call, allowed = CASES[case]
    target = await _target(world)
    principal = world.staff(role)
    if role in allowed:
        assert await call(world, principal, target) is not None
        return
    before = world.events()
    with pytest.raises(Forbidden):
        await call(world, principal, target)
    await _unchanged(world, target, before)


@pytest.mark.parametrize("case", [name for name in CASES if name != "create_tenant"])
async def test_tenant_scoped_use_cases_refuse_a_token_without_a_tenant(world: World, case: str) -> None:
    call, allowed = CASES[case]
    target = await _target(world)
    before = world.events()
    platform_admin = Principal(tenant_id=None, subject="platform|admin", roles=frozenset(allowed))
    with pytest.raises(Forbidden):
        await call(world, platform_admin, target)
    await _unchanged(world, target, before)
