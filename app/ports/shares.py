"""Repositories of shares: the shares themselves, their engagement, and what their clicks and
credited conversions add up to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import Protocol
from uuid import UUID

from app.domain.conversions import ConversionType
from app.domain.engagement import EngagementSnapshot
from app.domain.networks import Network
from app.domain.shares import Share, ShareStatus
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareFilter:
    """Every criterion given must hold; the period is ``created_from <= created_at < created_to``."""

    ambassador_id: UUID | None = None
    content_id: UUID | None = None
    campaign_id: UUID | None = None
    network: Network | None = None
    status: ShareStatus | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionTally:
    """Conversions of one type credited to a share: how many, and the credit they add up to
    (fractions under the linear model)."""

    count: int
    credit: Fraction


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareStats:
    """Counted clicks only: bots, ``HEAD``, prefetches and the ambassador's own clicks never count."""

    clicks: int = 0
    unique_clicks: int = 0
    conversions: Mapping[ConversionType, ConversionTally] = field(default_factory=dict)
    engagement: EngagementSnapshot | None = None


class ShareRepository(Protocol):
    async def add(self, share: Share) -> None:
        """Store a new share (its code is unique across every tenant)."""
        ...

    async def save(self, share: Share) -> None: ...
    async def get(self, share_id: UUID, *, for_update: bool = False) -> Share | None: ...
    async def open_intent(self, ambassador_id: UUID, content_id: UUID, network: Network) -> Share | None:
        """The ambassador's share of this content on this network still at ``intent``, if any."""
        ...

    async def count_started(self, ambassador_id: UUID, network: Network, start: datetime, end: datetime) -> int:
        """The ambassador's shares on the network created in ``[start, end)``, cancelled ones aside."""
        ...

    async def list(self, criteria: ShareFilter, page: PageRequest) -> Page[Share]: ...
    async def stats(self, share_ids: Sequence[UUID]) -> dict[UUID, ShareStats]:
        """Each share's clicks, credited conversions and latest engagement, in a fixed number of reads."""
        ...

    async def remember_visitor(self, ambassador_id: UUID, day: date, visitor_hash: str) -> None:
        """Note the ambassador's own visitor digest for ``day``, so their clicks that day are flagged."""
        ...

    async def add_engagement(self, snapshot: EngagementSnapshot) -> None: ...
