"""PostgreSQL repositories of the roster over SQLAlchemy Core; every query is scoped to one tenant."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.keyset import Orders
from app.adapters.postgres.programme.tables import CharterVersionRow
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.mappers import (
    ambassador_from_row,
    ambassador_values,
    employee_from_row,
    employee_values,
    social_account_from_row,
    social_account_values,
    tenant_from_row,
)
from app.adapters.postgres.roster.tables import AmbassadorRow, EmployeeRow, SocialAccountRow, TenantRow
from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from app.ports.pagination import Page, PageRequest
from app.ports.roster import EMPLOYEE_SORT_KEYS, AmbassadorFilter, EmployeeFilter

tenants: sa.Table = TenantRow.__table__  # type: ignore[attr-defined]


employees: sa.Table = EmployeeRow.__table__  # type: ignore[attr-defined]


EMPLOYEE_ORDERS = Orders(
    kinds=EMPLOYEE_SORT_KEYS,
    columns={"name": (employees.c.family_name, employees.c.given_name), "created_at": (employees.c.created_at,)},
)


ambassadors: sa.Table = AmbassadorRow.__table__  # type: ignore[attr-defined]


social_accounts: sa.Table = SocialAccountRow.__table__  # type: ignore[attr-defined]


charter_versions: sa.Table = CharterVersionRow.__table__  # type: ignore[attr-defined]


class PostgresTenantRepository(_Repository):
    async def add(self, tenant: Tenant) -> None:
        values = {"id": tenant.id, "slug": tenant.slug, "name": tenant.name, "created_at": tenant.created_at}
        await self._write(sa.insert(tenants).values(values), tenant)

    async def get(self, tenant_id: UUID) -> Tenant | None:
        return await self._one(sa.select(tenants).where(tenants.c.id == tenant_id), tenant_from_row)

    async def get_by_slug(self, slug: str) -> Tenant | None:
        return await self._one(sa.select(tenants).where(tenants.c.slug == slug), tenant_from_row)


class PostgresEmployeeRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(employees).where(employees.c.tenant_id == self._tenant_id)

    async def add(self, employee: Employee) -> None:
        self._require_own(employee.tenant_id)
        await self._write(sa.insert(employees).values(employee_values(employee)), employee)

    async def save(self, employee: Employee) -> None:
        self._require_own(employee.tenant_id)
        values = employee_values(employee)
        statement = (
            sa.update(employees)
            .where(employees.c.tenant_id == self._tenant_id, employees.c.id == employee.id)
            .values({k: v for k, v in values.items() if k not in ("tenant_id", "id", "created_at")})
        )
        await self._write(statement, employee)

    async def get(self, employee_id: UUID, *, for_update: bool = False) -> Employee | None:
        statement = self._select().where(employees.c.id == employee_id)
        return await self._one(statement.with_for_update() if for_update else statement, employee_from_row)

    async def get_many(self, employee_ids: Sequence[UUID]) -> list[Employee]:
        return await self._all(self._select().where(employees.c.id.in_(employee_ids)), employee_from_row)

    async def find_by_subject(self, subject: str) -> Employee | None:
        return await self._one(self._select().where(employees.c.idp_subject == subject), employee_from_row)

    async def find_by_email(self, email: str) -> Employee | None:
        statement = self._select().where(sa.func.lower(employees.c.email) == email.lower())
        return await self._one(statement, employee_from_row)

    async def list(self, criteria: EmployeeFilter, page: PageRequest) -> Page[Employee]:
        statement = self._select()
        if criteria.department is not None:
            statement = statement.where(employees.c.department == criteria.department)
        if criteria.location is not None:
            statement = statement.where(employees.c.location == criteria.location)
        if criteria.status is not None:
            statement = statement.where(employees.c.status == criteria.status.value)
        if criteria.query:
            pattern = "%" + criteria.query.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
            full_name = employees.c.given_name + " " + employees.c.family_name
            statement = statement.where(sa.or_(full_name.ilike(pattern), employees.c.email.ilike(pattern)))
        return await self._page(statement, employees.c.id, page, employee_from_row, EMPLOYEE_ORDERS)


class PostgresAmbassadorRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(ambassadors).where(ambassadors.c.tenant_id == self._tenant_id)

    async def add(self, ambassador: Ambassador) -> None:
        self._require_own(ambassador.tenant_id)
        await self._write(sa.insert(ambassadors).values(ambassador_values(ambassador)), ambassador)

    async def save(self, ambassador: Ambassador) -> None:
        self._require_own(ambassador.tenant_id)
        values = ambassador_values(ambassador)
        statement = (
            sa.update(ambassadors)
            .where(ambassadors.c.tenant_id == self._tenant_id, ambassadors.c.id == ambassador.id)
            .values({k: v for k, v in values.items() if k not in ("tenant_id", "id", "employee_id", "created_at")})
        )
        await self._write(statement, ambassador)

    async def get(self, ambassador_id: UUID, *, for_update: bool = False) -> Ambassador | None:
        statement = self._select().where(ambassadors.c.id == ambassador_id)
        return await self._one(statement.with_for_update() if for_update else statement, ambassador_from_row)

    async def get_by_employee(self, employee_id: UUID, *, for_update: bool = False) -> Ambassador | None:
        statement = self._select().where(ambassadors.c.employee_id == employee_id)
        return await self._one(statement.with_for_update() if for_update else statement, ambassador_from_row)

    async def get_many(self, ambassador_ids: Sequence[UUID]) -> list[Ambassador]:
        return await self._all(self._select().where(ambassadors.c.id.in_(ambassador_ids)), ambassador_from_row)

    async def get_many_by_employee(self, employee_ids: Sequence[UUID]) -> list[Ambassador]:
        statement = self._select().where(ambassadors.c.employee_id.in_(employee_ids))
        return await self._all(statement, ambassador_from_row)

    async def list(self, criteria: AmbassadorFilter, page: PageRequest) -> Page[Ambassador]:
        statement = self._select()
        if criteria.status is not None:
            statement = statement.where(ambassadors.c.status == criteria.status.value)
        if criteria.department is not None or criteria.location is not None:
            statement = statement.join(
                employees,
                sa.and_(employees.c.tenant_id == ambassadors.c.tenant_id, employees.c.id == ambassadors.c.employee_id),
            )
            if criteria.department is not None:
                statement = statement.where(employees.c.department == criteria.department)
            if criteria.location is not None:
                statement = statement.where(employees.c.location == criteria.location)
        if criteria.charter_status is not None:
            # With no charter published the current number is NULL: everyone has accepted it.
            current = (
                sa.select(sa.func.max(charter_versions.c.number))
                .where(charter_versions.c.tenant_id == self._tenant_id)
                .scalar_subquery()
            )
            accepted = ambassadors.c.charter_version.is_not_distinct_from(current)
            statement = statement.where(accepted if criteria.charter_status is CharterStatus.ACCEPTED else ~accepted)
        return await self._page(statement, ambassadors.c.id, page, ambassador_from_row)


class PostgresSocialAccountRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(social_accounts).where(social_accounts.c.tenant_id == self._tenant_id)

    async def add(self, account: SocialAccount) -> None:
        self._require_own(account.tenant_id)
        await self._write(sa.insert(social_accounts).values(social_account_values(account)))

    async def save(self, account: SocialAccount) -> None:
        self._require_own(account.tenant_id)
        c = social_accounts.c
        statement = (
            sa.update(social_accounts)
            .where(c.tenant_id == self._tenant_id, c.id == account.id)
            .values(audience_size=account.audience_size)
        )
        await self._write(statement)

    async def get(self, account_id: UUID) -> SocialAccount | None:
        return await self._one(self._select().where(social_accounts.c.id == account_id), social_account_from_row)

    async def remove(self, account_id: UUID) -> None:
        await self._write(
            sa.delete(social_accounts).where(
                social_accounts.c.tenant_id == self._tenant_id, social_accounts.c.id == account_id
            )
        )

    async def list_for(self, ambassador_id: UUID) -> list[SocialAccount]:
        statement = self._select().where(social_accounts.c.ambassador_id == ambassador_id)
        return await self._all(statement.order_by(social_accounts.c.id), social_account_from_row)
