"""Lists of employees and memberships on both backends: filters, order and pages."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import pytest

from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import Employee, EmployeeStatus
from app.domain.roster.tenants import Tenant
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_employees, add_tenant, enrol, new_employee


async def _roster(backend: Backend, tenant: Tenant) -> dict[str, Employee]:
    people = {
        "ada": new_employee(backend, tenant, "Ada", family_name="Lovelace", department="R&D", location="London"),
        "grace": new_employee(backend, tenant, "Grace", family_name="Hopper", department="R&D", location="New York"),
        "alan": new_employee(backend, tenant, "Alan", family_name="Turing", department="Sales", location="London"),
        "kathy": new_employee(
            backend,
            tenant,
            "Katherine",
            family_name="Johnson",
            email="Kathy.J@acme.example",
            department="Sales",
            location="Hampton",
        ),
        "mary": new_employee(backend, tenant, "Mary", family_name="Jackson", email="mary_jackson@acme.example"),
    }
    people["alan"].terminate(on=date(2026, 1, 31), now=NOW)
    await add_employees(backend, tenant, *people.values())
    return people


async def _employee_names(backend: Backend, tenant: Tenant, **criteria: Any) -> list[str]:
    async with backend.uow(tenant.id) as uow:
        page = await uow.employees.list(EmployeeFilter(**criteria), PageRequest(limit=100))
    return [employee.profile.given_name for employee in page.items]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"department": "R&D"}, ["Ada", "Grace"]),
        ({"department": "r&d"}, []),
        ({"location": "London"}, ["Ada", "Alan"]),
        ({"status": EmployeeStatus.TERMINATED}, ["Alan"]),
        ({"status": EmployeeStatus.ACTIVE, "location": "London"}, ["Ada"]),
        ({"query": "LOVE"}, ["Ada"]),
        ({"query": "ace ho"}, ["Grace"]),
        ({"query": "kathy.j@"}, ["Katherine"]),
        ({"query": "ACME.EXAMPLE"}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"query": "_"}, ["Mary"]),
        ({"query": "%"}, []),
        ({"query": ""}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"query": "an", "department": "Sales"}, ["Alan"]),
    ],
)
async def test_employee_list_filters(backend: Backend, criteria: dict[str, Any], expected: list[str]) -> None:
    tenant = await add_tenant(backend)
    await _roster(backend, tenant)
    assert await _employee_names(backend, tenant, **criteria) == expected


async def test_employee_list_is_paged_by_id_with_a_key_to_the_next_page(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    seen: list[list[UUID]] = []
    after: UUID | None = None
    async with backend.uow(tenant.id) as uow:
        while True:
            page = await uow.employees.list(EmployeeFilter(), PageRequest(after=after, limit=2))
            seen.append([employee.id for employee in page.items])
            if page.next_after is None:
                break
            assert page.next_after == page.items[-1].id
            after = page.next_after
    ids = [employee.id for employee in people.values()]
    assert seen == [ids[0:2], ids[2:4], ids[4:5]]


async def test_last_full_page_has_no_next_key(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        page = await uow.employees.list(EmployeeFilter(), PageRequest(limit=5))
        filtered = await uow.employees.list(EmployeeFilter(department="Sales"), PageRequest(limit=1))
        rest = await uow.employees.list(
            EmployeeFilter(department="Sales"), PageRequest(after=filtered.next_after, limit=1)
        )
    assert len(page.items) == 5
    assert page.next_after is None
    assert [e.id for e in filtered.items] == [people["alan"].id]
    assert filtered.next_after == people["alan"].id
    assert [e.id for e in rest.items] == [people["kathy"].id]
    assert rest.next_after is None


async def test_ambassador_list_filters_by_status_and_by_the_employee_s_department_and_location(
    backend: Backend,
) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    ada = await enrol(backend, tenant, people["ada"])
    grace = await enrol(backend, tenant, people["grace"])
    kathy = await enrol(backend, tenant, people["kathy"])
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.ambassadors.get(grace.id)
        assert loaded is not None
        loaded.change_status(MembershipStatus.PAUSED, LATER)
        await uow.ambassadors.save(loaded)
        await uow.commit()

    async def listed(**criteria: Any) -> list[UUID]:
        async with backend.uow(tenant.id) as uow:
            page = await uow.ambassadors.list(AmbassadorFilter(**criteria), PageRequest())
        return [ambassador.id for ambassador in page.items]

    assert await listed() == [ada.id, grace.id, kathy.id]
    assert await listed(status=MembershipStatus.ACTIVE) == [ada.id, kathy.id]
    assert await listed(department="R&D") == [ada.id, grace.id]
    assert await listed(department="R&D", status=MembershipStatus.PAUSED) == [grace.id]
    assert await listed(location="London") == [ada.id]
    assert await listed(department="Sales", location="Hampton") == [kathy.id]
    assert await listed(department="Finance") == []


async def test_ambassador_list_is_paged_by_id(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    members = [await enrol(backend, tenant, people[name]) for name in ("ada", "grace", "kathy")]
    async with backend.uow(tenant.id) as uow:
        first = await uow.ambassadors.list(AmbassadorFilter(department="R&D"), PageRequest(limit=1))
        second = await uow.ambassadors.list(
            AmbassadorFilter(department="R&D"), PageRequest(after=first.next_after, limit=1)
        )
        everyone = await uow.ambassadors.list(AmbassadorFilter(), PageRequest(after=members[0].id, limit=5))
    assert ([a.id for a in first.items], first.next_after) == ([members[0].id], members[0].id)
    assert ([a.id for a in second.items], second.next_after) == ([members[1].id], None)
    assert [a.id for a in everyone.items] == [members[1].id, members[2].id]
