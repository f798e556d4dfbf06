"""The outbox: domain events written in the same transaction as the change that caused them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.domain.events import DomainEvent


class Outbox(Protocol):
    async def append(self, events: Sequence[DomainEvent]) -> None:
        """Record events in the same transaction as the change that caused them."""
        ...
