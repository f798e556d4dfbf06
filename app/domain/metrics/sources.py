"""Where each KPI's figures come from, and so which groupings can break it down: the rollups know a
share's content, campaign, ambassador, network and language; the roster knows departments and
locations, not contents; costs belong to the programme alone.

The KPI catalogue and the top lists' checks read ``breakdowns``; the reader
reads ``kpis_from`` to run only the statements a query's KPIs need.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping


class Source(StrEnum):
    FIGURES = "figures"  # the hourly rollups' sums
    ACTIVE = "active"  # the distinct ambassadors who posted
    ROSTER = "roster"  # the members at a bucket's end
    COSTS = "costs"  # the programme's dated costs
    POINTS = "points"  # the points ledger
    REDEMPTIONS = "redemptions"
    DONATIONS = "donations"
    TRAINING = "training"  # completed training modules
    SURVEYS = "surveys"  # survey answers' satisfaction and NPS scores


_LEDGER = TIME_GROUPINGS | {Grouping.AMBASSADOR, Grouping.DEPARTMENT, Grouping.LOCATION}

GROUPINGS: Mapping[Source, frozenset[Grouping]] = {
    Source.FIGURES: frozenset(Grouping),
    Source.ACTIVE: frozenset(Grouping),
    Source.ROSTER: TIME_GROUPINGS | {Grouping.DEPARTMENT, Grouping.LOCATION},
    Source.COSTS: TIME_GROUPINGS,
    Source.POINTS: _LEDGER,
    Source.REDEMPTIONS: _LEDGER,
    Source.DONATIONS: _LEDGER,
    Source.TRAINING: _LEDGER,
    Source.SURVEYS: _LEDGER,
}

_COST_PER = frozenset({Source.FIGURES, Source.COSTS})

SOURCES: Mapping[Kpi, frozenset[Source]] = {
    Kpi.ENROLLED_AMBASSADORS: frozenset({Source.ROSTER}),
    Kpi.ACTIVE_AMBASSADORS: frozenset({Source.ACTIVE}),
    Kpi.PARTICIPATION_RATE: frozenset({Source.ACTIVE, Source.ROSTER}),
    Kpi.SHARE_FREQUENCY: frozenset({Source.FIGURES, Source.ACTIVE}),
    Kpi.COST: frozenset({Source.COSTS}),
    Kpi.COST_PER_LEAD: _COST_PER,
    Kpi.COST_PER_APPLICATION: _COST_PER,
    Kpi.COST_PER_HIRE: _COST_PER,
    Kpi.COST_PER_CONTACT_REACHED: _COST_PER,
    Kpi.ROI: _COST_PER,
    Kpi.POINTS_AWARDED: frozenset({Source.POINTS}),
    Kpi.REWARDS_REDEEMED: frozenset({Source.REDEMPTIONS}),
    Kpi.POINTS_DONATED: frozenset({Source.DONATIONS}),
    Kpi.TRAINING_COMPLETIONS: frozenset({Source.TRAINING}),
    Kpi.SATISFACTION: frozenset({Source.SURVEYS}),
    Kpi.NPS: frozenset({Source.SURVEYS}),
    Kpi.TRAINING_COMPLETION_RATE: frozenset({Source.TRAINING, Source.ROSTER}),
}


def sources(kpi: Kpi) -> frozenset[Source]:
    """What ``kpi`` is computed from: the rollups' figures unless listed otherwise."""
    return SOURCES.get(kpi, frozenset({Source.FIGURES}))


def breakdowns(kpi: Kpi) -> frozenset[Grouping]:
    """The groupings whose rows carry a value of ``kpi`` (in every other, its rows answer null)."""
    groupings = frozenset(Grouping)
    for source in sources(kpi):
        groupings &= GROUPINGS[source]
    return groupings


def kpis_from(source: Source) -> frozenset[Kpi]:
    """The KPIs that need ``source`` read."""
    return frozenset(kpi for kpi in Kpi if source in sources(kpi))


def broken_down_by(grouping: Grouping) -> tuple[Kpi, ...]:
    """The KPIs ``grouping`` breaks down, in the catalogue's order."""
    return tuple(kpi for kpi in Kpi if grouping in breakdowns(kpi))
