"""The roster's repositories on the in-memory database, refusing what PostgreSQL's constraints refuse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID

from app.domain.errors import AlreadyAmbassador, DuplicateValue, FieldError, ValidationFailed
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from app.ports.pagination import Page, PageRequest
from app.ports.roster import EMPLOYEE_SORT_KEYS, AmbassadorFilter, EmployeeFilter
from tests.fake_pages import Key, keyset_page
from tests.fake_storage import IntegrityViolationError, _page, _Repository, _stored

EMPLOYEE_KEYS: dict[str, Key] = {
    "name": lambda employee: (employee.profile.family_name, employee.profile.given_name),
    "created_at": lambda employee: (employee.created_at,),
}


class FakeTenantRepository(_Repository):
    async def add(self, tenant: Tenant) -> None:
        if self._tx.tenants.get(tenant.id) is not None:
            raise IntegrityViolationError(f"Tenant {tenant.id} already exists.")
        if any(other.slug == tenant.slug for other in self._tx.tenants.rows()):
            raise DuplicateValue("slug", "A tenant with this slug already exists.")
        self._tx.tenants.put(tenant.id, _stored(tenant))
        self._tracker.track(tenant)

    async def get(self, tenant_id: UUID) -> Tenant | None:
        found = self._tx.tenants.get(tenant_id)
        return _stored(found) if found is not None else None

    async def get_by_slug(self, slug: str) -> Tenant | None:
        return next((_stored(tenant) for tenant in self._tx.tenants.rows() if tenant.slug == slug), None)


class FakeEmployeeRepository(_Repository):
    def _rows(self) -> list[Employee]:
        tenant = self._tenant_id
        return [employee for employee in self._tx.employees.rows() if employee.tenant_id == tenant]

    def _check(self, employee: Employee) -> None:
        """The unique indexes, in the order PostgreSQL checks them, then the foreign keys."""
        others = [other for other in self._rows() if other.id != employee.id]
        profile = employee.profile
        if profile.external_id is not None and any(o.profile.external_id == profile.external_id for o in others):
            raise DuplicateValue("external_id", "Another employee already has this external_id.")
        if any(o.profile.email.lower() == profile.email.lower() for o in others):
            raise DuplicateValue("email", "Another employee already has this e-mail.")
        if profile.idp_subject is not None and any(o.profile.idp_subject == profile.idp_subject for o in others):
            raise DuplicateValue("idp_subject", "Another employee is already linked to this identity-provider subject.")
        manager = profile.manager_id
        if (
            manager is not None
            and manager != employee.id
            and self._tx.employees.get((employee.tenant_id, manager)) is None
        ):
            raise ValidationFailed(
                "The manager does not exist.", [FieldError(("manager_id",), "No employee with this id exists.")]
            )
        self._require_tenant_row(employee.tenant_id)

    async def add(self, employee: Employee) -> None:
        self._require_own(employee.tenant_id)
        key = (employee.tenant_id, employee.id)
        if self._tx.employees.get(key) is not None:
            raise IntegrityViolationError(f"Employee {employee.id} already exists.")
        self._check(employee)
        self._tx.employees.put(key, _stored(employee))
        self._tracker.track(employee)

    async def save(self, employee: Employee) -> None:
        self._require_own(employee.tenant_id)
        key = (employee.tenant_id, employee.id)
        existing = self._tx.employees.get(key)
        if existing is not None:
            self._check(employee)
            self._tx.employees.put(key, replace(_stored(employee), created_at=existing.created_at))
        self._tracker.track(employee)

    async def get(self, employee_id: UUID, *, for_update: bool = False) -> Employee | None:
        found = self._tx.employees.get((self._tenant_id, employee_id))
        return _stored(found) if found is not None else None

    async def get_many(self, employee_ids: Sequence[UUID]) -> list[Employee]:
        wanted = set(employee_ids)
        return [_stored(employee) for employee in self._rows() if employee.id in wanted]

    async def find_by_subject(self, subject: str) -> Employee | None:
        return next((_stored(e) for e in self._rows() if e.profile.idp_subject == subject), None)

    async def find_by_email(self, email: str) -> Employee | None:
        return next((_stored(e) for e in self._rows() if e.profile.email.lower() == email.lower()), None)

    async def list(self, criteria: EmployeeFilter, page: PageRequest) -> Page[Employee]:
        rows = self._rows()
        if criteria.department is not None:
            rows = [e for e in rows if e.profile.department == criteria.department]
        if criteria.location is not None:
            rows = [e for e in rows if e.profile.location == criteria.location]
        if criteria.status is not None:
            rows = [e for e in rows if e.status is criteria.status]
        if criteria.query:
            needle = criteria.query.lower()
            rows = [
                e
                for e in rows
                if needle in f"{e.profile.given_name} {e.profile.family_name}".lower()
                or needle in e.profile.email.lower()
            ]
        return keyset_page(map(_stored, rows), page, EMPLOYEE_SORT_KEYS, EMPLOYEE_KEYS)


class FakeAmbassadorRepository(_Repository):
    def _rows(self) -> list[Ambassador]:
        tenant = self._tenant_id
        return [ambassador for ambassador in self._tx.ambassadors.rows() if ambassador.tenant_id == tenant]

    async def add(self, ambassador: Ambassador) -> None:
        self._require_own(ambassador.tenant_id)
        key = (ambassador.tenant_id, ambassador.id)
        if self._tx.ambassadors.get(key) is not None:
            raise IntegrityViolationError(f"Ambassador {ambassador.id} already exists.")
        if any(other.employee_id == ambassador.employee_id for other in self._rows()):
            raise AlreadyAmbassador("This employee already has a membership of the programme.")
        if self._tx.employees.get((ambassador.tenant_id, ambassador.employee_id)) is None:
            raise IntegrityViolationError(f"No employee {ambassador.employee_id} exists.")
        self._tx.ambassadors.put(key, _stored(ambassador))
        self._tracker.track(ambassador)

    async def save(self, ambassador: Ambassador) -> None:
        self._require_own(ambassador.tenant_id)
        key = (ambassador.tenant_id, ambassador.id)
        existing = self._tx.ambassadors.get(key)
        if existing is not None:
            # The membership's employee and creation time are fixed once written.
            stored = replace(_stored(ambassador), employee_id=existing.employee_id, created_at=existing.created_at)
            self._tx.ambassadors.put(key, stored)
        self._tracker.track(ambassador)

    async def get(self, ambassador_id: UUID, *, for_update: bool = False) -> Ambassador | None:
        found = self._tx.ambassadors.get((self._tenant_id, ambassador_id))
        return _stored(found) if found is not None else None

    async def get_by_employee(self, employee_id: UUID, *, for_update: bool = False) -> Ambassador | None:
        return next((_stored(a) for a in self._rows() if a.employee_id == employee_id), None)

    async def get_many(self, ambassador_ids: Sequence[UUID]) -> list[Ambassador]:
        wanted = set(ambassador_ids)
        return [_stored(ambassador) for ambassador in self._rows() if ambassador.id in wanted]

    async def get_many_by_employee(self, employee_ids: Sequence[UUID]) -> list[Ambassador]:
        wanted = set(employee_ids)
        return [_stored(ambassador) for ambassador in self._rows() if ambassador.employee_id in wanted]

    async def list(self, criteria: AmbassadorFilter, page: PageRequest) -> Page[Ambassador]:
        rows = self._rows()
        if criteria.status is not None:
            rows = [a for a in rows if a.status is criteria.status]
        if criteria.department is not None or criteria.location is not None:
            employees = {e.id: e for e in self._tx.employees.rows() if e.tenant_id == self._tenant_id}
            rows = [a for a in rows if a.employee_id in employees]
            if criteria.department is not None:
                rows = [a for a in rows if employees[a.employee_id].profile.department == criteria.department]
            if criteria.location is not None:
                rows = [a for a in rows if employees[a.employee_id].profile.location == criteria.location]
        if criteria.charter_status is not None:
            numbers = [v.number for v in self._tx.charter_versions.rows() if v.tenant_id == self._tenant_id]
            current = max(numbers, default=None)
            rows = [a for a in rows if a.charter_status(current) is criteria.charter_status]
        return _page(map(_stored, rows), page)


class FakeSocialAccountRepository(_Repository):
    def _rows(self) -> list[SocialAccount]:
        tenant = self._tenant_id
        return [account for account in self._tx.social_accounts.rows() if account.tenant_id == tenant]

    async def add(self, account: SocialAccount) -> None:
        self._require_own(account.tenant_id)
        key = (account.tenant_id, account.id)
        if self._tx.social_accounts.get(key) is not None:
            raise IntegrityViolationError(f"Social account {account.id} already exists.")
        if any(
            other.ambassador_id == account.ambassador_id
            and other.network is account.network
            and other.handle.lower() == account.handle.lower()
            for other in self._rows()
        ):
            raise DuplicateValue("handle", "This account is already connected for this network.")
        if account.audience_size < 0:
            raise IntegrityViolationError("The audience size cannot be negative.")
        if self._tx.ambassadors.get((account.tenant_id, account.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {account.ambassador_id} exists.")
        self._tx.social_accounts.put(key, account)

    async def save(self, account: SocialAccount) -> None:
        self._require_own(account.tenant_id)
        key = (account.tenant_id, account.id)
        stored = self._tx.social_accounts.get(key)
        if stored is None:
            return
        if account.audience_size < 0:
            raise IntegrityViolationError("The audience size cannot be negative.")
        self._tx.social_accounts.put(key, replace(stored, audience_size=account.audience_size))

    async def get(self, account_id: UUID) -> SocialAccount | None:
        return self._tx.social_accounts.get((self._tenant_id, account_id))

    async def remove(self, account_id: UUID) -> None:
        key = (self._tenant_id, account_id)
        if self._tx.social_accounts.get(key) is not None:
            self._tx.social_accounts.delete(key)
            # As the foreign key of audience_observations cascades.
            for observation_key in [k for k in self._tx.audience_observations.stored_keys() if k[:2] == key]:
                self._tx.audience_observations.delete(observation_key)

    async def list_for(self, ambassador_id: UUID) -> list[SocialAccount]:
        return sorted((a for a in self._rows() if a.ambassador_id == ambassador_id), key=lambda a: a.id)
