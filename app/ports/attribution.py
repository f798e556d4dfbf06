"""Ports of attribution: conversions, and the reads that resolve a conversion's references to touches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import ConversionKey, ConversionType
from app.domain.attribution.policy import ClickTouch, LinkTouch
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionFilter:
    """``campaign_id`` and ``ambassador_id`` keep the conversions with a credit naming them (both:
    the same credit); the period is ``occurred_from <= occurred_at < occurred_to``."""

    type: ConversionType | None = None
    campaign_id: UUID | None = None
    ambassador_id: UUID | None = None
    attributed: bool | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


class ConversionRepository(Protocol):
    async def add(self, record: ConversionRecord) -> bool:
        """Store the conversion and its credits. False, with nothing written, when the tenant already
        holds a conversion with its (type, external_id), even one committed a moment ago by another
        request: the caller then reads that one."""
        ...

    async def get(self, conversion_id: UUID) -> ConversionRecord | None: ...
    async def get_by_key(self, key: ConversionKey) -> ConversionRecord | None: ...
    async def list(self, criteria: ConversionFilter, page: PageRequest) -> Page[ConversionRecord]:
        """In the order they were recorded, each with its credits."""
        ...


class TouchRepository(Protocol):
    """What a conversion's references point at, read in this tenant only: another tenant's click
    or share is as unknown as one that never existed."""

    async def clicks(self, references: Sequence[str]) -> dict[str, ClickTouch]:
        """The clicks the references name, each with its share, in one read. A reference that is not
        a click id of this tenant is missing from the result; only counted clicks are genuine
        (bots, ``HEAD`` and prefetch requests are marked as bots), and self-clicks are marked."""
        ...

    async def link(self, code: str) -> LinkTouch | None:
        """The share whose tracked link has this code, in one read; None for a code of no share here."""
        ...
