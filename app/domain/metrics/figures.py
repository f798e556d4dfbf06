"""What every KPI is computed from: the additive figures of the hourly rollups, per network, and
the few figures that are not additive (distinct ambassadors, the roster, costs, the ledger)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal

# Conversion types (app/domain/attribution) and the figure each is credited in.
CONVERSION_FIGURES: Mapping[str, str] = {
    "lead": "leads",
    "signup": "signups",
    "job_application": "job_applications",
    "hire": "hires",
    "purchase": "purchases",
    "custom": "custom_conversions",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    """Sums over the facts of a period: posted shares (with their potential reach and engagement) by
    when they were posted, counted clicks by when they were made, conversion credits by when the
    conversion occurred. Credits are fractions when a linear model splits a conversion."""

    posted_shares: int = 0
    potential_reach: int = 0
    impressions: int = 0
    reactions: int = 0
    comments: int = 0
    reshares: int = 0
    clicks: int = 0
    unique_visitors: int = 0
    leads: Decimal = Decimal(0)
    signups: Decimal = Decimal(0)
    job_applications: Decimal = Decimal(0)
    hires: Decimal = Decimal(0)
    purchases: Decimal = Decimal(0)
    custom_conversions: Decimal = Decimal(0)
    conversion_value_minor: Decimal = Decimal(0)

    def __add__(self, other: Figures) -> Figures:
        return Figures(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def engagement(self) -> int:
        return self.reactions + self.comments + self.reshares

    @property
    def conversions(self) -> Decimal:
        return sum((getattr(self, name) for name in CONVERSION_FIGURES.values()), Decimal(0))


FIGURE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Figures))


def total(by_network: Mapping[str, Figures]) -> Figures:
    return sum(by_network.values(), Figures())


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """The survey scores of one kind (satisfaction, NPS) given in a row's period: how many answers gave
    one, how many scores (a survey may ask twice), their sum, and the NPS promoters and detractors."""

    answers: int = 0
    replies: int = 0
    total: int = 0
    promoters: int = 0
    detractors: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Basis:
    """Everything one row's KPIs derive from. A figure a grouping cannot break down is None: costs are
    dated but belong to no content, the roster has departments but no networks."""

    by_network: Mapping[str, Figures] = field(default_factory=dict)
    weeks: Decimal = Decimal(1)  # the row's length, for share frequency
    active_ambassadors: int | None = None
    enrolled_ambassadors: int | None = None
    cost_minor: int | None = None
    points_awarded: int | None = None
    rewards_redeemed: int | None = None
    points_donated: int | None = None
    training_completions: int | None = None
    satisfaction_scores: Scores | None = None
    nps_scores: Scores | None = None

    @property
    def figures(self) -> Figures:
        return total(self.by_network)
