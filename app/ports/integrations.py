"""Ports of integrations: the integrations and their credentials, the delivery log, the roster's keys,
the roster imports' store, and the cryptography that seals webhook secrets and checks signatures."""

from __future__ import annotations

from collections.abc import AsyncIterable, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration, IntegrationKey
from app.domain.integrations.roster_imports import ImportDraft, RosterImport, RowError, StagedRow
from app.ports.pagination import Page, PageRequest


class IntegrationRepository(Protocol):
    async def add(self, integration: Integration) -> None: ...
    async def save(self, integration: Integration) -> None:
        """Store its fields and version, and its credentials (new ones added, ends of old ones set)."""
        ...

    async def get(self, integration_id: UUID, *, for_update: bool = False) -> Integration | None: ...
    async def list(self, page: PageRequest) -> Page[Integration]:
        """In the order they were registered, each with its credentials."""
        ...

    async def find_for_intake(self, integration_id: UUID) -> Integration | None:
        """The integration a public intake names, whatever its tenant (the delivery names no tenant; its
        signature, checked next, proves who sent it). Works in a unit of work opened for no tenant."""
        ...


class DeliveryLog(Protocol):
    async def add(self, delivery: Delivery) -> bool:
        """Log it. False, with nothing written, when it is processed (applied or stale) and the
        integration already holds a processed delivery of its webhook-id."""
        ...

    async def processed(self, integration_id: UUID, webhook_id: str) -> Delivery | None:
        """The processed delivery of this webhook-id, if any. Called first in a delivery's unit of work, it
        holds off a concurrent delivery of the same webhook-id until this one's unit of work ends."""
        ...

    async def list(self, integration_id: UUID, page: PageRequest) -> Page[Delivery]:
        """Newest first (``page`` in reverse id order)."""
        ...


class RosterKeys(Protocol):
    """The roster as a source's keys name it."""

    async def employee_id(self, key: IntegrationKey, value: str) -> UUID | None:
        """The employee whose ``key`` is ``value`` (e-mails without regard to case)."""
        ...

    async def link_reports(self, manager_id: UUID, external_id: str, now: datetime) -> list[UUID]:
        """Give the employees waiting for a manager of this external id their manager, at once; their ids."""
        ...


class RosterImportStore(Protocol):
    """The roster imports' store: staging, diffing and applying on PostgreSQL's bulk paths (COPY and
    set-based statements), which no repository of single aggregates could do at 100,000 rows."""

    async def preview(self, draft: ImportDraft, rows: AsyncIterable[StagedRow]) -> RosterImport:
        """Stage ``rows`` as they come and diff them against the tenant's roster, changing nothing
        of it; answers the import, ``previewed``. Nothing is kept when reading the rows fails."""
        ...

    async def get(self, tenant_id: UUID, import_id: UUID) -> RosterImport | None: ...

    async def list(self, tenant_id: UUID, page: PageRequest) -> Page[RosterImport]:
        """Newest first."""
        ...

    async def errors(self, tenant_id: UUID, import_id: UUID, after_line: int, limit: int) -> Sequence[RowError]:
        """The bad rows' problems, by line then column, from the line after ``after_line``."""
        ...

    async def apply(
        self,
        tenant_id: UUID,
        import_id: UUID,
        *,
        confirm_mass_termination: bool,
        applied_by: str,
        now: datetime,
        today: date,
    ) -> RosterImport:
        """Apply the dry run's diff in one transaction, or refuse: ``NotFound``, ``ImportAlreadyApplied``,
        ``RosterChanged`` (the roster is not as the dry run saw it), ``MassTermination``."""
        ...


class DeliveryRetention(Protocol):
    async def prune(self, before: datetime) -> int:
        """Delete every tenant's deliveries received before ``before``; how many."""
        ...


class SecretBox(Protocol):
    """Seals secrets that must be read back (webhook secrets, for their HMAC checks)."""

    def seal(self, secret: str) -> str: ...
    def open(self, sealed: str) -> str: ...


class Credentials(Protocol):
    """Makes credentials and checks what they sign."""

    def new_webhook_secret(self) -> str:
        """A Standard Webhooks secret, ``whsec_`` and base64."""
        ...

    def new_token(self) -> str: ...
    def token_digest(self, token: str) -> str: ...
    def verify_webhook(self, body: bytes, headers: Mapping[str, str], secrets: Sequence[str]) -> bool:
        """Whether the body and its webhook-id, webhook-timestamp (within 5 minutes of now) and
        webhook-signature headers were signed with one of ``secrets``."""
        ...
