"""What every SQLAlchemy repository shares: the tenant scope and the tracking of loaded aggregates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.postgres.errors import translate_integrity_error
from app.adapters.postgres.keyset import ID_ONLY, Orders, in_order, key_of
from app.domain.events import DomainEvent, EventSource
from app.ports.pagination import Page, PageRequest

T = TypeVar("T")


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

    async def _write_returning(self, statement: sa.Executable) -> sa.Row[Any] | None:
        """Run a write that returns a row (or none, when its condition held it back), as ``_write`` runs
        one: in a savepoint, a known constraint violation becoming its domain error."""
        try:
            async with self._session.begin_nested():
                return (await self._session.execute(statement)).first()
        except IntegrityError as error:
            translated = translate_integrity_error(error)
            if translated is None:
                raise
            raise translated from error

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
        orders: Orders = ID_ONLY,
    ) -> Page[T]:
        """Keyset page in the order asked for (by time-ordered id unless the list offers others):
        fetch one extra row to learn if more follow."""
        rows = (await self._session.execute(in_order(statement, id_column, page, orders))).all()
        kept = rows[: page.limit]
        if len(rows) <= page.limit:
            return Page(items=[mapper(row) for row in kept], next_after=None)
        last = kept[-1]
        return Page(items=[mapper(row) for row in kept], next_after=last.id, next_key=key_of(last, page, orders))
