"""In-memory implementations of every port, behaving as the PostgreSQL adapters do.

The unit of work rolls back unless committed, drains the events of the aggregates it added
or saved into the outbox on commit, and refuses what the database's constraints refuse with
the same domain errors (``app/adapters/postgres/errors.py``). Writes the database would
refuse with a constraint it does not translate raise ``IntegrityViolationError``: a bug in the
caller, not an answer for a client. ``tests/contract`` holds both implementations to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar
from uuid import UUID

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentTransition
from app.domain.errors import AlreadyAmbassador, DuplicateValue, FieldError, PreconditionFailed, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.programme.charter import CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from app.domain.sharing.engagement import EngagementSnapshot
from app.domain.sharing.shares import Share
from app.ports.attribution import ConversionRepository, TouchRepository
from app.ports.campaigns import CampaignRepository
from app.ports.content import ContentRepository
from app.ports.outbox import Outbox
from app.ports.pagination import Page, PageRequest
from app.ports.programme import CharterRepository, ProgrammeSettingsRepository
from app.ports.roster import (
    AmbassadorFilter,
    AmbassadorRepository,
    EmployeeFilter,
    EmployeeRepository,
    SocialAccountRepository,
    TenantRepository,
)
from app.ports.sharing import ShareRepository
from app.ports.system import IdGenerator

if TYPE_CHECKING:
    from tests.fake_content import CampaignMember
    from tests.fake_sharing import StoredClick

EPOCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

K = TypeVar("K")
V = TypeVar("V")
A = TypeVar("A", Tenant, Employee, Ambassador)
HasId = TypeVar("HasId", Employee, Ambassador, CharterVersion)


# --- time and identifiers -------------------------------------------------------------------


class FixedClock:
    """Always the same instant, until a test moves it."""

    def __init__(self, now: datetime = EPOCH) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        self.current += delta
        return self.current


class StepClock:
    """Each reading is ``step`` later than the previous one, so every change has its own instant."""

    def __init__(self, start: datetime = EPOCH, step: timedelta = timedelta(seconds=1)) -> None:
        self._next = start
        self._step = step

    def now(self) -> datetime:
        current, self._next = self._next, self._next + self._step
        return current


class SequentialIds:
    """Predictable UUIDv7s: one millisecond apart from ``start``, so they sort in issue order."""

    def __init__(self, start: datetime = EPOCH) -> None:
        self._start_ms = int(start.timestamp() * 1000)
        self._count = 0

    def new_id(self) -> UUID:
        self._count += 1
        unix_ms = self._start_ms + self._count
        value = (unix_ms & (1 << 48) - 1) << 80  # 48-bit Unix time in milliseconds
        value |= 0x7 << 76  # version 7
        value |= (self._count & 0xFFF) << 64  # rand_a
        value |= 0b10 << 62  # RFC 9562 variant
        value |= self._count & (1 << 62) - 1  # rand_b
        return UUID(int=value)


# --- storage --------------------------------------------------------------------------------


class IntegrityViolationError(RuntimeError):
    """A write the database refuses with a constraint that has no domain meaning (a caller bug)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxRecord:
    """One row of the outbox: the event as the relay will read it."""

    id: UUID
    tenant_id: UUID
    type: EventType
    occurred_at: datetime
    data: dict[str, Any]
    recorded_at: datetime


@dataclass(slots=True)
class FakeDatabase:
    """What has been committed. Tenant-owned rows are keyed by ``(tenant_id, id)``."""

    tenants: dict[UUID, Tenant] = field(default_factory=dict)
    employees: dict[tuple[UUID, UUID], Employee] = field(default_factory=dict)
    ambassadors: dict[tuple[UUID, UUID], Ambassador] = field(default_factory=dict)
    social_accounts: dict[tuple[UUID, UUID], SocialAccount] = field(default_factory=dict)
    settings: dict[UUID, ProgrammeSettings] = field(default_factory=dict)
    charter_versions: dict[tuple[UUID, UUID], CharterVersion] = field(default_factory=dict)
    contents: dict[tuple[UUID, UUID], Content] = field(default_factory=dict)
    content_history: dict[tuple[UUID, UUID, int], tuple[UUID, ContentTransition]] = field(default_factory=dict)
    campaigns: dict[tuple[UUID, UUID], Campaign] = field(default_factory=dict)
    campaign_contents: dict[tuple[UUID, UUID, UUID], CampaignMember] = field(default_factory=dict)
    conversions: dict[tuple[UUID, UUID], ConversionRecord] = field(default_factory=dict)
    shares: dict[tuple[UUID, UUID], Share] = field(default_factory=dict)
    ambassador_visitors: dict[tuple[UUID, UUID, date, str], tuple[UUID, UUID, date, str]] = field(default_factory=dict)
    engagement_snapshots: dict[tuple[UUID, UUID], EngagementSnapshot] = field(default_factory=dict)
    # Written by the redirect, outside any unit of work (see tests.fake_sharing.add_click).
    clicks: dict[tuple[UUID, UUID], StoredClick] = field(default_factory=dict)
    outbox: list[OutboxRecord] = field(default_factory=list)


class _Table(Generic[K, V]):
    """A committed table seen through one transaction's uncommitted changes."""

    def __init__(self, committed: dict[K, V]) -> None:
        self._committed = committed
        self._changes: dict[K, V | None] = {}

    def get(self, key: K) -> V | None:
        return self._changes[key] if key in self._changes else self._committed.get(key)

    def rows(self) -> list[V]:
        merged: dict[K, V | None] = {**self._committed, **self._changes}
        return [row for row in merged.values() if row is not None]

    def put(self, key: K, row: V) -> None:
        self._changes[key] = row

    def delete(self, key: K) -> None:
        self._changes[key] = None

    def commit(self) -> None:
        for key, row in self._changes.items():
            if row is None:
                self._committed.pop(key, None)
            else:
                self._committed[key] = row
        self._changes.clear()

    def rollback(self) -> None:
        self._changes.clear()


class _Transaction:
    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self.tenants = _Table(database.tenants)
        self.employees = _Table(database.employees)
        self.ambassadors = _Table(database.ambassadors)
        self.social_accounts = _Table(database.social_accounts)
        self.settings = _Table(database.settings)
        self.charter_versions = _Table(database.charter_versions)
        self.contents = _Table(database.contents)
        self.content_history = _Table(database.content_history)
        self.campaigns = _Table(database.campaigns)
        self.campaign_contents = _Table(database.campaign_contents)
        self.conversions = _Table(database.conversions)
        self.shares = _Table(database.shares)
        self.ambassador_visitors = _Table(database.ambassador_visitors)
        self.engagement_snapshots = _Table(database.engagement_snapshots)
        self.outbox: list[OutboxRecord] = []

    @property
    def database(self) -> FakeDatabase:
        """The committed rows, for what no use case writes through a unit of work (clicks)."""
        return self._database

    def _tables(self) -> tuple[_Table[Any, Any], ...]:
        return (
            self.tenants,
            self.employees,
            self.ambassadors,
            self.social_accounts,
            self.settings,
            self.charter_versions,
            self.contents,
            self.content_history,
            self.campaigns,
            self.campaign_contents,
            self.conversions,
            self.shares,
            self.ambassador_visitors,
            self.engagement_snapshots,
        )

    def commit(self) -> None:
        for table in self._tables():
            table.commit()
        self._database.outbox.extend(self.outbox)
        self.outbox.clear()

    def rollback(self) -> None:
        for table in self._tables():
            table.rollback()
        self.outbox.clear()


class _Tracker:
    """Aggregates written in this unit of work; their events go to the outbox on commit."""

    def __init__(self) -> None:
        self._seen: list[EventSource] = []

    def track(self, aggregate: EventSource) -> None:
        self._seen.append(aggregate)

    def drain(self) -> list[DomainEvent]:
        return [event for aggregate in self._seen for event in aggregate.drain_events()]


def _stored(aggregate: A) -> A:
    """A detached copy, as a row is: changing the caller's object changes nothing until saved."""
    return replace(aggregate, pending_events=[])


def _as_json(data: dict[str, Any]) -> dict[str, Any]:
    """What a JSONB column gives back; fails as the database driver would on non-JSON values."""
    loaded: dict[str, Any] = json.loads(json.dumps(data))
    return loaded


def _page(rows: Iterable[HasId], page: PageRequest) -> Page[HasId]:
    ordered = sorted(rows, key=lambda row: row.id)
    if page.after is not None:
        ordered = [row for row in ordered if row.id > page.after]
    kept = ordered[: page.limit]
    return Page(items=kept, next_after=kept[-1].id if len(ordered) > page.limit else None)


# --- repositories ---------------------------------------------------------------------------


class _Repository:
    def __init__(self, transaction: _Transaction, tracker: _Tracker, tenant_id: UUID | None) -> None:
        self._tx = transaction
        self._tracker = tracker
        self._tenant = tenant_id

    @property
    def _tenant_id(self) -> UUID:
        if self._tenant is None:
            raise RuntimeError("This repository needs a unit of work opened for a tenant.")
        return self._tenant

    def _require_own(self, tenant_id: UUID) -> None:
        if tenant_id != self._tenant_id:
            raise RuntimeError("This unit of work cannot write another tenant's rows.")

    def _require_tenant_row(self, tenant_id: UUID) -> None:
        if self._tx.tenants.get(tenant_id) is None:
            raise IntegrityViolationError(f"No tenant {tenant_id} exists.")


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
        return _page(map(_stored, rows), page)


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

    async def get(self, account_id: UUID) -> SocialAccount | None:
        return self._tx.social_accounts.get((self._tenant_id, account_id))

    async def remove(self, account_id: UUID) -> None:
        key = (self._tenant_id, account_id)
        if self._tx.social_accounts.get(key) is not None:
            self._tx.social_accounts.delete(key)

    async def list_for(self, ambassador_id: UUID) -> list[SocialAccount]:
        return sorted((a for a in self._rows() if a.ambassador_id == ambassador_id), key=lambda a: a.id)


class FakeProgrammeSettingsRepository(_Repository):
    async def get(self, *, for_update: bool = False) -> ProgrammeSettings:
        found = self._tx.settings.get(self._tenant_id)
        return found if found is not None else ProgrammeSettings.defaults()

    async def save(self, settings: ProgrammeSettings) -> None:
        stored = self._tx.settings.get(self._tenant_id)
        if (stored.version if stored is not None else 0) != settings.version - 1:
            raise PreconditionFailed("The settings were changed by someone else meanwhile; read them again and retry.")
        self._require_tenant_row(self._tenant_id)
        if settings.updated_at is None:
            raise IntegrityViolationError("Saved settings need their updated_at.")
        # What JSONB gives back: the document, read again.
        document = _as_json(settings.to_document())
        self._tx.settings.put(
            self._tenant_id,
            ProgrammeSettings.from_document(document, version=settings.version, updated_at=settings.updated_at),
        )


class FakeCharterRepository(_Repository):
    def _rows(self) -> list[CharterVersion]:
        tenant = self._tenant_id
        return [version for version in self._tx.charter_versions.rows() if version.tenant_id == tenant]

    async def add(self, version: CharterVersion) -> None:
        self._require_own(version.tenant_id)
        key = (version.tenant_id, version.id)
        if self._tx.charter_versions.get(key) is not None:
            raise IntegrityViolationError(f"Charter version {version.id} already exists.")
        if any(other.number == version.number for other in self._rows()):
            raise DuplicateValue("number", "Another charter version was published at the same moment; publish again.")
        if version.number < 1:
            raise IntegrityViolationError("Charter versions are numbered from 1.")
        self._require_tenant_row(version.tenant_id)
        self._tx.charter_versions.put(key, replace(version, pending_events=[]))
        self._tracker.track(version)

    async def current(self) -> CharterVersion | None:
        found = max(self._rows(), key=lambda version: version.number, default=None)
        return replace(found, pending_events=[]) if found is not None else None

    async def current_number(self) -> int | None:
        return max((version.number for version in self._rows()), default=None)

    async def list(self, page: PageRequest) -> Page[CharterVersion]:
        return _page((replace(version, pending_events=[]) for version in self._rows()), page)


class FakeOutbox:
    def __init__(self, transaction: _Transaction, ids: IdGenerator) -> None:
        self._tx = transaction
        self._ids = ids

    async def append(self, events: Sequence[DomainEvent]) -> None:
        for event in events:
            if self._tx.tenants.get(event.tenant_id) is None:
                raise IntegrityViolationError(f"No tenant {event.tenant_id} exists for a {event.type} event.")
        self._tx.outbox.extend(
            OutboxRecord(
                id=self._ids.new_id(),
                tenant_id=event.tenant_id,
                type=event.type,
                occurred_at=event.occurred_at,
                data=_as_json(event.data),
                recorded_at=event.occurred_at,
            )
            for event in events
        )


# --- unit of work ---------------------------------------------------------------------------


class FakeUnitOfWork:
    # Declared as the ports: protocol attributes are mutable, so their types must match exactly.
    tenants: TenantRepository
    employees: EmployeeRepository
    ambassadors: AmbassadorRepository
    social_accounts: SocialAccountRepository
    settings: ProgrammeSettingsRepository
    charter: CharterRepository
    contents: ContentRepository
    campaigns: CampaignRepository
    shares: ShareRepository
    conversions: ConversionRepository
    touches: TouchRepository
    outbox: Outbox

    def __init__(self, database: FakeDatabase, ids: IdGenerator, tenant_id: UUID | None) -> None:
        self._database = database
        self._ids = ids
        self._tenant_id = tenant_id

    async def __aenter__(self) -> Self:
        self._transaction = _Transaction(self._database)
        self._tracker = _Tracker()
        args = (self._transaction, self._tracker, self._tenant_id)
        self.tenants = FakeTenantRepository(*args)
        self.employees = FakeEmployeeRepository(*args)
        self.ambassadors = FakeAmbassadorRepository(*args)
        self.social_accounts = FakeSocialAccountRepository(*args)
        self.settings = FakeProgrammeSettingsRepository(*args)
        self.charter = FakeCharterRepository(*args)
        # Imported here: those repositories build on this module's storage.
        from tests.fake_content import FakeCampaignRepository, FakeContentRepository

        self.contents = FakeContentRepository(*args)
        self.campaigns = FakeCampaignRepository(*args)
        from tests.fake_conversions import FakeConversionRepository, FakeTouchRepository

        self.conversions = FakeConversionRepository(*args)
        self.touches = FakeTouchRepository(*args)
        from tests.fake_sharing import FakeShareRepository

        self.shares = FakeShareRepository(*args)
        self.outbox = FakeOutbox(self._transaction, self._ids)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._transaction.rollback()

    async def commit(self) -> None:
        await self.outbox.append(self._tracker.drain())
        self._transaction.commit()


class FakeUnitOfWorkFactory:
    """Opens units of work on one shared in-memory database."""

    def __init__(self, ids: IdGenerator | None = None, database: FakeDatabase | None = None) -> None:
        self.database = database if database is not None else FakeDatabase()
        self._ids = ids if ids is not None else SequentialIds()

    def __call__(self, tenant_id: UUID | None) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.database, self._ids, tenant_id)

    @property
    def outbox(self) -> list[OutboxRecord]:
        """Every committed event, in the order it was recorded."""
        return list(self.database.outbox)
