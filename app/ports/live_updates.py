"""Live updates: small signals that something of a person's changed, fanned out to every API process.

A signal carries ids, never data: whoever receives it reads the current state from the database, so a
signal lost or repeated at worst delays what a client sees. Signals are published inside the
transaction that made the change and leave only when it commits.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol
from uuid import UUID


class SignalKind(StrEnum):
    """What changed. ``RESYNC`` is never published: the listener says it after it lost the database
    for a while, when signals may have been missed and every subscriber must read its state again."""

    POINTS = "points"
    NOTIFICATION = "notification"
    RESYNC = "resync"
    SPACE = "space"


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveSignal:
    """Something of ``employee_id``'s changed in ``tenant_id``: their points, or a notification ``id``."""

    tenant_id: UUID
    employee_id: UUID
    kind: SignalKind
    id: UUID | None = None


class LivePublisher(Protocol):
    """Publishes signals in the current transaction; they are delivered once, and only if, it commits."""

    async def publish(self, signals: Sequence[LiveSignal]) -> None: ...


class LiveListener(Protocol):
    """Delivers the signals of one person, from whichever process published them."""

    def subscribe(self, tenant_id: UUID, employee_id: UUID) -> AbstractAsyncContextManager[AsyncIterator[LiveSignal]]:
        """Signals published from now on, while the context is open; a ``RESYNC`` signal when some
        may have been missed. The subscription is registered when the context is entered, so a change
        read afterwards is never missed between the read and the subscription."""
        ...
