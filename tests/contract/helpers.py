"""What the contract tests share: the instants they write at, and roster records stored through the
repositories of either backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.adapters.postgres.errors import error_for_constraint
from app.domain.errors import DomainError
from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.tenants import Tenant
from tests.contract.conftest import Backend

NOW = datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)
LATER = NOW + timedelta(days=3, microseconds=654321)


async def add_tenant(backend: Backend, slug: str = "acme") -> Tenant:
    tenant = Tenant.create(id=backend.ids.new_id(), slug=slug, name=slug.title(), now=NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.tenants.add(tenant)
        await uow.commit()
    return tenant


def new_employee(backend: Backend, tenant: Tenant, given_name: str = "Ada", **profile: Any) -> Employee:
    fields: dict[str, Any] = {
        "email": f"{given_name.lower()}@{tenant.slug}.example",
        "given_name": given_name,
        "family_name": "Doe",
    } | profile
    return Employee.hire(id=backend.ids.new_id(), tenant_id=tenant.id, profile=EmployeeProfile(**fields), now=NOW)


async def add_employees(backend: Backend, tenant: Tenant, *employees: Employee) -> None:
    async with backend.uow(tenant.id) as uow:
        for employee in employees:
            await uow.employees.add(employee)
        await uow.commit()


async def hire(backend: Backend, tenant: Tenant, given_name: str = "Ada", **profile: Any) -> Employee:
    employee = new_employee(backend, tenant, given_name, **profile)
    await add_employees(backend, tenant, employee)
    return employee


async def enrol(backend: Backend, tenant: Tenant, employee: Employee) -> Ambassador:
    ambassador = Ambassador.volunteer(id=backend.ids.new_id(), employee=employee, now=NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.add(ambassador)
        await uow.commit()
    return ambassador


async def connect(
    backend: Backend, ambassador: Ambassador, handle: str, network: Network = Network.LINKEDIN
) -> SocialAccount:
    account = SocialAccount.connect(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        ambassador_id=ambassador.id,
        network=network,
        handle=handle,
        audience_size=1200,
        now=NOW,
    )
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.social_accounts.add(account)
        await uow.commit()
    return account


def assert_constraint_error(error: DomainError, constraint: str) -> None:
    """The fake raises exactly what the adapter translates the named constraint into."""
    expected = error_for_constraint(constraint)
    assert expected is not None, f"{constraint} stands for no domain error"
    assert type(error) is type(expected)
    assert error.detail == expected.detail
    assert getattr(error, "field", None) == getattr(expected, "field", None)
