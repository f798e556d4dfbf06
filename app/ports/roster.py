"""Ports of the roster: tenants, employees, memberships, social accounts and access-token verification."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import Ambassador, MembershipStatus, SocialAccount
from app.domain.roster.employees import Employee, EmployeeStatus
from app.domain.roster.identity import Principal
from app.domain.roster.tenants import Tenant
from app.ports.pagination import KeyKind, Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class EmployeeFilter:
    department: str | None = None
    location: str | None = None
    status: EmployeeStatus | None = None
    query: str | None = None


class EmployeeSort(StrEnum):
    """Orders of the roster (``-`` reverses one); ties go by id. ``name`` is the family name, then
    the given name, case aside; ``id`` is the order employees were added in."""

    ID = "id"
    ID_DESC = "-id"
    NAME = "name"
    NAME_DESC = "-name"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"


EMPLOYEE_SORT_KEYS: Mapping[str, tuple[KeyKind, ...]] = {
    "id": (),
    "name": (KeyKind.TEXT, KeyKind.TEXT),
    "created_at": (KeyKind.INSTANT,),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class AmbassadorFilter:
    status: MembershipStatus | None = None
    department: str | None = None
    location: str | None = None
    charter_status: CharterStatus | None = None


class TenantRepository(Protocol):
    async def add(self, tenant: Tenant) -> None: ...
    async def get(self, tenant_id: UUID) -> Tenant | None: ...
    async def get_by_slug(self, slug: str) -> Tenant | None: ...


class EmployeeRepository(Protocol):
    async def add(self, employee: Employee) -> None: ...
    async def save(self, employee: Employee) -> None: ...
    async def get(self, employee_id: UUID, *, for_update: bool = False) -> Employee | None: ...
    async def get_many(self, employee_ids: Sequence[UUID]) -> list[Employee]: ...
    async def find_by_subject(self, subject: str) -> Employee | None: ...
    async def find_by_email(self, email: str) -> Employee | None: ...
    async def list(self, criteria: EmployeeFilter, page: PageRequest) -> Page[Employee]: ...


class AmbassadorRepository(Protocol):
    async def add(self, ambassador: Ambassador) -> None: ...
    async def save(self, ambassador: Ambassador) -> None: ...
    async def get(self, ambassador_id: UUID, *, for_update: bool = False) -> Ambassador | None: ...
    async def get_by_employee(self, employee_id: UUID, *, for_update: bool = False) -> Ambassador | None: ...
    async def get_many(self, ambassador_ids: Sequence[UUID]) -> list[Ambassador]: ...
    async def get_many_by_employee(self, employee_ids: Sequence[UUID]) -> list[Ambassador]: ...
    async def list(self, criteria: AmbassadorFilter, page: PageRequest) -> Page[Ambassador]: ...


class SocialAccountRepository(Protocol):
    async def add(self, account: SocialAccount) -> None: ...
    async def get(self, account_id: UUID) -> SocialAccount | None: ...
    async def remove(self, account_id: UUID) -> None: ...
    async def list_for(self, ambassador_id: UUID) -> list[SocialAccount]: ...


class TokenVerifier(Protocol):
    async def verify(self, token: str) -> Principal:
        """Return the principal of a valid bearer token or raise ``Unauthenticated``."""
        ...
