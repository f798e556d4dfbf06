"""Ports of the metric resource: the reads over the rollups, the rollups the worker keeps, the programme's
costs, the audience history of social accounts, and the exports that stream the programme's rows."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.costs import BudgetLine, ProgrammeCost
from app.domain.metrics.figures import Basis
from app.domain.metrics.queries import MetricsQuery, Period
from app.domain.rewards.periods import PeriodKind
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupKey:
    """A row's group: an id, a name (a network, a department) or a bucket's first local day (ISO),
    with what people call it when it has a name of its own (a content's title, a campaign's name)."""

    key: str
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricBases:
    """The programme's totals over the period, and each group's, in the order of their keys."""

    totals: Basis
    rows: Sequence[tuple[GroupKey, Basis]]


@dataclass(frozen=True, slots=True, kw_only=True)
class AmbassadorGrowth:
    """What one ambassador gained in a period beyond the KPIs: badges earned, and how much the
    audience of their connected accounts grew (the latest size observed before the period's end less
    the latest before its start; an account first observed in the period counts from zero)."""

    badges_earned: int = 0
    audience_growth: int = 0


class MetricsReader(Protocol):
    async def bases(self, tenant_id: UUID, query: MetricsQuery) -> MetricBases:
        """What the query's KPIs derive from, read from the rollups (never from the clicks)."""
        ...

    async def growth(self, tenant_id: UUID, ambassador_id: UUID, periods: Sequence[Period]) -> list[AmbassadorGrowth]:
        """The ambassador's growth in each period, in their order, in one statement."""
        ...


class MetricRollups(Protocol):
    """The hourly rollups, kept by the worker; every addition may be repeated without counting twice."""

    async def add_clicks(
        self, *, settled_before: datetime, now: datetime, leased_until: datetime, tenants: int, batch: int
    ) -> int:
        """Add the clicks recorded before ``settled_before`` not added yet, up to ``batch`` for each of
        up to ``tenants`` tenants that have some; answers how many were added."""
        ...

    async def add_posted_share(self, tenant_id: UUID, share_id: UUID) -> None: ...

    async def refresh_engagement(self, tenant_id: UUID, share_id: UUID) -> None:
        """Bring the share's engagement in the rollups to its current snapshot."""
        ...

    async def add_conversion(self, tenant_id: UUID, conversion_id: UUID, currency: str) -> None:
        """Add an attributed conversion's credits (``currency``: the default, when the programme names none)."""
        ...

    async def remove_conversion(self, tenant_id: UUID, conversion_id: UUID, currency: str) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class CostFilter:
    """Costs incurred from ``first_day`` to ``last_day`` (both included), on ``budget_line``."""

    first_day: date | None = None
    last_day: date | None = None
    budget_line: BudgetLine | None = None


class ProgrammeCostRepository(Protocol):
    async def add(self, cost: ProgrammeCost) -> None: ...
    async def save(self, cost: ProgrammeCost) -> None: ...
    async def get(self, cost_id: UUID, *, for_update: bool = False) -> ProgrammeCost | None: ...
    async def remove(self, cost_id: UUID) -> None: ...

    async def list(self, criteria: CostFilter, page: PageRequest) -> Page[ProgrammeCost]:
        """In the page's order: by id (the order they were recorded in), ``-id`` for the newest first."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class AudiencePage:
    """Observations newest first; ``next_before`` is where the next page starts (None: the last page)."""

    items: Sequence[AudienceObservation]
    next_before: datetime | None


class AudienceHistory(Protocol):
    async def record(self, observation: AudienceObservation) -> None:
        """Two observations of one account at the same instant are one: the last recorded."""
        ...

    async def list(self, social_account_id: UUID, before: datetime | None, limit: int) -> AudiencePage:
        """The account's observations made before ``before`` (all of them without), newest first."""
        ...


# What an exported cell holds, as read: the API decides how each kind is written.
Cell = str | int | Decimal | float | bool | date | datetime | UUID | None
Rows = AsyncGenerator[Sequence[Cell], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportTable:
    """An export's column names and its rows, read only as they are consumed (and never all at once):
    the rows hold a database connection until they are exhausted or closed (``aclose``)."""

    columns: tuple[str, ...]
    rows: Rows


class ShareTime(StrEnum):
    """Which instant of a share places it in a period."""

    CREATED = "created"
    POSTED = "posted"


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareExportQuery:
    """Shares created (or posted) in the period; ``figures`` adds each share's engagement and clicks to
    date; ``department``, when set, keeps the shares of that department's ambassadors."""

    period: Period
    on: ShareTime = ShareTime.CREATED
    figures: bool = False
    department: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionExportQuery:
    """Conversions that occurred in the period, one row per share credited (one row when none is)."""

    period: Period
    department: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PointsExportQuery:
    """Ledger entries recorded in the period, in the order they were recorded."""

    period: Period


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardExportQuery:
    """The board of the period of ``kind`` holding ``at`` (in the programme's time zone), or of the
    campaign's own period; members shown on boards only, ranked as the board ranks them."""

    kind: PeriodKind
    at: datetime
    campaign_id: UUID | None = None
    department: str | None = None


class MetricExports(Protocol):
    """Row streams for the exports, each read in one read-only transaction, tenant by tenant."""

    def shares(self, tenant_id: UUID, query: ShareExportQuery) -> ExportTable: ...

    def conversions(self, tenant_id: UUID, query: ConversionExportQuery) -> ExportTable: ...

    def points(self, tenant_id: UUID, query: PointsExportQuery) -> ExportTable: ...

    def leaderboard(self, tenant_id: UUID, query: LeaderboardExportQuery) -> ExportTable: ...
