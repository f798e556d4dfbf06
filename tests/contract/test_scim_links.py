"""SCIM links on both backends: user filters answer the same, userNames are unique without regard to
case, and a tenant sees its own links only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.errors import DuplicateValue
from app.domain.integrations.scim_filters import (
    AllOf,
    AnyOf,
    Compare,
    Negation,
    Operator,
    Present,
    UserAttribute,
    UserFilter,
)
from app.domain.integrations.scim_users import ScimLink
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_employees, add_tenant, new_employee


def _link(tenant: Tenant, employee: Employee, user_name: str, external_id: str | None, order: int) -> ScimLink:
    at = NOW + timedelta(seconds=order)
    return ScimLink(
        tenant_id=tenant.id,
        employee_id=employee.id,
        user_name=user_name,
        external_id=external_id,
        created_at=at,
        updated_at=at,
    )


async def _linked(backend: Backend) -> tuple[Tenant, dict[str, Employee]]:
    tenant = await add_tenant(backend)
    people = {
        "ada": new_employee(backend, tenant, "Ada", external_id="HR-1", department="R&D"),
        "grace": new_employee(backend, tenant, "Grace", email="grace@acme.example", department="Sales"),
        "alan": new_employee(backend, tenant, "Alan"),
    }
    people["alan"].terminate(on=NOW.date(), now=NOW)
    await add_employees(backend, tenant, *people.values())
    async with backend.uow(tenant.id) as uow:
        await uow.scim_users.add(_link(tenant, people["ada"], "Ada@acme.example", "e-1", 1))
        await uow.scim_users.add(_link(tenant, people["grace"], "grace", None, 2))
        await uow.scim_users.add(_link(tenant, people["alan"], "alan@acme.example", "e-3", 3))
        await uow.commit()
    return tenant, people


CASES: list[tuple[str, UserFilter, list[str]]] = [
    ("user name without regard to case", Compare(UserAttribute.USER_NAME, Operator.EQ, "ada@ACME.example"), ["ada"]),
    ("external id exactly", Compare(UserAttribute.EXTERNAL_ID, Operator.EQ, "E-1"), []),
    ("present", Present(UserAttribute.EXTERNAL_ID), ["ada", "alan"]),
    ("active", Compare(UserAttribute.ACTIVE, Operator.EQ, False), ["alan"]),
    ("starts with", Compare(UserAttribute.EMAIL, Operator.SW, "GR"), ["grace"]),
    ("contains a wildcard literally", Compare(UserAttribute.USER_NAME, Operator.CO, "%"), []),
    ("ends with", Compare(UserAttribute.USER_NAME, Operator.EW, ".example"), ["ada", "alan"]),
    ("not equal", Compare(UserAttribute.DEPARTMENT, Operator.NE, "R&D"), ["grace", "alan"]),
    (
        "and, or, not",
        AnyOf(
            (
                AllOf((Present(UserAttribute.EMPLOYEE_NUMBER), Compare(UserAttribute.DEPARTMENT, Operator.EQ, "r&d"))),
                Negation(Compare(UserAttribute.ACTIVE, Operator.EQ, True)),
            )
        ),
        ["ada", "alan"],
    ),
]


@pytest.mark.parametrize(("case", "condition", "expected"), CASES, ids=[case[0] for case in CASES])
async def test_user_filters_answer_the_same_on_both_backends(
    backend: Backend, case: str, condition: UserFilter, expected: list[str]
) -> None:
    tenant, people = await _linked(backend)

    async with backend.uow(tenant.id) as uow:
        total, links = await uow.scim_users.search(condition, 0, 10)

    names = {employee.id: name for name, employee in people.items()}
    assert (total, [names[link.employee_id] for link in links]) == (len(expected), expected)


async def test_pages_count_every_match_and_another_tenant_sees_none(backend: Backend) -> None:
    tenant, _ = await _linked(backend)
    other = await add_tenant(backend, "globex")

    async with backend.uow(tenant.id) as uow:
        total, page = await uow.scim_users.search(None, 1, 1)
        beyond = await uow.scim_users.search(None, 5, 1)
    async with backend.uow(other.id) as uow:
        theirs = await uow.scim_users.search(None, 0, 10)
        found = await uow.scim_users.find_by_user_name("grace")

    assert (total, len(page), beyond) == (3, 1, (3, []))
    assert (theirs, found) == ((0, []), None)


async def test_a_user_name_is_unique_without_regard_to_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada, grace = new_employee(backend, tenant, "Ada"), new_employee(backend, tenant, "Grace")
    await add_employees(backend, tenant, ada, grace)
    async with backend.uow(tenant.id) as uow:
        await uow.scim_users.add(_link(tenant, ada, "ada", None, 1))
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        with pytest.raises(DuplicateValue):
            await uow.scim_users.add(_link(tenant, grace, "ADA", None, 2))
