"""Repositories over SQLAlchemy Core statements; every query is scoped to one tenant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.postgres.errors import translate_integrity_error
from app.adapters.postgres.mappers import (
    ambassador_from_row,
    ambassador_values,
    employee_from_row,
    employee_values,
    social_account_from_row,
    social_account_values,
    tenant_from_row,
)
from app.adapters.postgres.tables import (
    AmbassadorRow,
    CharterVersionRow,
    EmployeeRow,
    OutboxRow,
    SocialAccountRow,
    TenantRow,
)
from app.domain.ambassadors import Ambassador, SocialAccount
from app.domain.charter import CharterStatus
from app.domain.employees import Employee
from app.domain.events import DomainEvent, EventSource
from app.domain.tenants import Tenant
from app.ports.pagination import Page, PageRequest
from app.ports.repositories import AmbassadorFilter, EmployeeFilter
from app.ports.system import IdGenerator

T = TypeVar("T")

tenants: sa.Table = TenantRow.__table__  # type: ignore[attr-defined]
employees: sa.Table = EmployeeRow.__table__  # type: ignore[attr-defined]
ambassadors: sa.Table = AmbassadorRow.__table__  # type: ignore[attr-defined]
social_accounts: sa.Table = SocialAccountRow.__table__  # type: ignore[attr-defined]
outbox: sa.Table = OutboxRow.__table__  # type: ignore[attr-defined]
charter_versions: sa.Table = CharterVersionRow.__table__  # type: ignore[attr-defined]


class Tracker:
    """Aggregates written in this unit of work; their events go to the outbox on commit."""

    def __init__(self) -> None:
        self._seen: list[EventSource] = []

    def track(self, aggregate: EventSource) -> None:
        self._seen.append(aggregate)

    def drain(self) -> list[DomainEvent]:
        return [event for aggregate in self._seen for event in aggregate.drain_events()]


class _Repository:
    def __init__(self, session: AsyncSession, tracker: Tracker, tenant_id: UUID | None) -> None:
        self._session = session
        self._tracker = tracker
        self._tenant = tenant_id

    @property
    def _tenant_id(self) -> UUID:
        if self._tenant is None:
            raise RuntimeError("This repository needs a unit of work opened for a tenant.")
        return self._tenant

    def _require_own(self, tenant_id: UUID) -> None:
        """Writes are scoped to the unit of work's tenant, as reads are."""
        if tenant_id != self._tenant_id:
            raise RuntimeError("This unit of work cannot write another tenant's rows.")

    async def _write(self, statement: sa.Executable, aggregate: EventSource | None = None) -> None:
        """Run a write; a known constraint violation becomes its domain error.

        The savepoint keeps the transaction usable after a violation, so a use case may
        recover (for example, answer with the existing row) without starting over.
        """
        try:
            async with self._session.begin_nested():
                await self._session.execute(statement)
        except IntegrityError as error:
            translated = translate_integrity_error(error)
            if translated is None:
                raise
            raise translated from error
        if aggregate is not None:
            self._tracker.track(aggregate)

    async def _one(self, statement: sa.Select[Any], mapper: Callable[[Any], T]) -> T | None:
        row = (await self._session.execute(statement)).one_or_none()
        return mapper(row) if row is not None else None

    async def _all(self, statement: sa.Select[Any], mapper: Callable[[Any], T]) -> list[T]:
        return [mapper(row) for row in (await self._session.execute(statement)).all()]

    async def _page(
        self,
        statement: sa.Select[Any],
        id_column: sa.ColumnElement[UUID],
        page: PageRequest,
        mapper: Callable[[Any], T],
    ) -> Page[T]:
        """Keyset page on a time-ordered id: fetch one extra row to learn if more follow."""
        if page.after is not None:
            statement = statement.where(id_column > page.after)
        rows = (await self._session.execute(statement.order_by(id_column).limit(page.limit + 1))).all()
        kept = rows[: page.limit]
        next_after = kept[-1].id if len(rows) > page.limit else None
        return Page(items=[mapper(row) for row in kept], next_after=next_after)


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
        return await self._page(statement, employees.c.id, page, employee_from_row)


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


class PostgresOutbox(_Repository):
    def __init__(self, session: AsyncSession, tracker: Tracker, ids: IdGenerator) -> None:
        super().__init__(session, tracker, None)
        self._ids = ids

    async def append(self, events: Sequence[DomainEvent]) -> None:
        if not events:
            return
        rows = [
            {
                "tenant_id": event.tenant_id,
                "id": self._ids.new_id(),
                "type": event.type.value,
                "occurred_at": event.occurred_at,
                "data": event.data,
                "recorded_at": event.occurred_at,
            }
            for event in events
        ]
        await self._session.execute(sa.insert(outbox), rows)
