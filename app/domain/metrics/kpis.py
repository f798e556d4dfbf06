"""Every KPI of the programme, defined once: REST, GraphQL, the exports and the report all read
these definitions, so a number never differs between two screens.

Each KPI is a function of a row's ``Basis`` and the tenant's ``Valuation``; it answers None where the
row's grouping cannot break it down (a cost by content) or a ratio's denominator is zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

from app.domain.community.surveys_answers import MIN_GROUP
from app.domain.metrics.figures import Basis, Figures, Scores
from app.domain.metrics.valuation import Valuation

Number = int | Decimal


class Unit(StrEnum):
    """What a KPI's value counts, and so how it is answered: counts and money whole, the rest as decimals."""

    COUNT = "count"  # a whole number
    CREDIT = "credit"  # conversions: a fraction of one when a linear model splits one among shares
    RATIO = "ratio"  # between 0 and 1 (or above, for ratios of rates)
    MONEY = "money"  # integer minor units of the programme's currency
    PER_WEEK = "per_week"


class Kpi(StrEnum):
    """A KPI of the programme; the KPI catalogue says how each is computed."""

    ENROLLED_AMBASSADORS = "enrolled_ambassadors"
    ACTIVE_AMBASSADORS = "active_ambassadors"
    PARTICIPATION_RATE = "participation_rate"
    POSTED_SHARES = "posted_shares"
    SHARE_FREQUENCY = "share_frequency"
    POTENTIAL_REACH = "potential_reach"
    IMPRESSIONS = "impressions"
    REACTIONS = "reactions"
    COMMENTS = "comments"
    RESHARES = "reshares"
    ENGAGEMENT = "engagement"
    ENGAGEMENT_RATE = "engagement_rate"
    BRAND_ENGAGEMENT_RATE = "brand_engagement_rate"
    ENGAGEMENT_VS_BRAND = "engagement_vs_brand"
    CLICKS = "clicks"
    UNIQUE_VISITORS = "unique_visitors"
    CLICK_THROUGH_RATE = "click_through_rate"
    CONVERSIONS = "conversions"
    LEADS = "leads"
    SIGNUPS = "signups"
    JOB_APPLICATIONS = "job_applications"
    HIRES = "hires"
    PURCHASES = "purchases"
    CUSTOM_CONVERSIONS = "custom_conversions"
    CONVERSION_VALUE = "conversion_value"
    CONVERSION_RATE = "conversion_rate"
    EARNED_MEDIA_VALUE = "earned_media_value"
    COST = "cost"
    COST_PER_LEAD = "cost_per_lead"
    COST_PER_APPLICATION = "cost_per_application"
    COST_PER_HIRE = "cost_per_hire"
    COST_PER_CONTACT_REACHED = "cost_per_contact_reached"
    ROI = "roi"
    POINTS_AWARDED = "points_awarded"
    REWARDS_REDEEMED = "rewards_redeemed"
    POINTS_DONATED = "points_donated"
    TRAINING_COMPLETIONS = "training_completions"
    SATISFACTION = "satisfaction"
    NPS = "nps"
    TRAINING_COMPLETION_RATE = "training_completion_rate"


@dataclass(frozen=True, slots=True, kw_only=True)
class Definition:
    """A KPI's unit, its definition as the API documents it, and how it is computed."""

    unit: Unit
    description: str
    compute: Callable[[Basis, Valuation], Number | None]


def _ratio(numerator: Number | None, denominator: Number | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def _figure(read: Callable[[Figures], Number]) -> Callable[[Basis, Valuation], Number]:
    return lambda basis, _valuation: read(basis.figures)


def _cost_per(read: Callable[[Figures], Number]) -> Callable[[Basis, Valuation], Number | None]:
    return lambda basis, _valuation: _ratio(basis.cost_minor, read(basis.figures))


def _share_frequency(basis: Basis, _valuation: Valuation) -> Decimal | None:
    per_ambassador = _ratio(basis.figures.posted_shares, basis.active_ambassadors)
    return None if per_ambassador is None else per_ambassador / basis.weeks


def _engagement_vs_brand(basis: Basis, valuation: Valuation) -> Decimal | None:
    return _ratio(valuation.rated_engagement_rate(basis.by_network), valuation.brand_engagement_rate(basis.by_network))


def _roi(basis: Basis, valuation: Valuation) -> Decimal | None:
    if basis.cost_minor is None:
        return None
    gained = valuation.earned_media_value_minor(basis.by_network) + basis.figures.conversion_value_minor
    return _ratio(gained - basis.cost_minor, basis.cost_minor)


def _shown(scores: Scores | None) -> Scores | None:
    """The scores, unless fewer than ``MIN_GROUP`` answers gave them: a survey figure is never shown below it."""
    return scores if scores is not None and scores.answers >= MIN_GROUP and scores.replies > 0 else None


def satisfaction(scores: Scores | None) -> Decimal | None:
    """The average satisfaction score (1 to 5), or None below the survey floor."""
    shown = _shown(scores)
    return None if shown is None else _ratio(shown.total, shown.replies)


def net_promoter_score(scores: Scores | None) -> Decimal | None:
    """The share of promoters (9-10) less the share of detractors (0-6), in points from -100 to 100, or
    None below the survey floor."""
    shown = _shown(scores)
    return None if shown is None else Decimal(100 * (shown.promoters - shown.detractors)) / Decimal(shown.replies)


DEFINITIONS: Mapping[Kpi, Definition] = {
    Kpi.ENROLLED_AMBASSADORS: Definition(
        unit=Unit.COUNT,
        description="Members of the programme at the period's end: opted in by then and not left by then "
        "(paused members count).",
        compute=lambda basis, _v: basis.enrolled_ambassadors,
    ),
    Kpi.ACTIVE_AMBASSADORS: Definition(
        unit=Unit.COUNT,
        description="Ambassadors with at least one share posted in the period.",
        compute=lambda basis, _v: basis.active_ambassadors,
    ),
    Kpi.PARTICIPATION_RATE: Definition(
        unit=Unit.RATIO,
        description="Active ambassadors / enrolled ambassadors.",
        compute=lambda basis, _v: _ratio(basis.active_ambassadors, basis.enrolled_ambassadors),
    ),
    Kpi.POSTED_SHARES: Definition(
        unit=Unit.COUNT,
        description="Shares confirmed as posted in the period.",
        compute=_figure(lambda f: f.posted_shares),
    ),
    Kpi.SHARE_FREQUENCY: Definition(
        unit=Unit.PER_WEEK,
        description="Posted shares per active ambassador per week of the period.",
        compute=_share_frequency,
    ),
    Kpi.POTENTIAL_REACH: Definition(
        unit=Unit.COUNT,
        description="The audience of each share posted in the period, as it was when the share was confirmed, summed.",
        compute=_figure(lambda f: f.potential_reach),
    ),
    Kpi.IMPRESSIONS: Definition(
        unit=Unit.COUNT,
        description="Impressions of the shares posted in the period, as last observed.",
        compute=_figure(lambda f: f.impressions),
    ),
    Kpi.REACTIONS: Definition(
        unit=Unit.COUNT,
        description="Reactions to the shares posted in the period, as last observed.",
        compute=_figure(lambda f: f.reactions),
    ),
    Kpi.COMMENTS: Definition(
        unit=Unit.COUNT,
        description="Comments on the shares posted in the period, as last observed.",
        compute=_figure(lambda f: f.comments),
    ),
    Kpi.RESHARES: Definition(
        unit=Unit.COUNT,
        description="Reshares of the shares posted in the period, as last observed.",
        compute=_figure(lambda f: f.reshares),
    ),
    Kpi.ENGAGEMENT: Definition(
        unit=Unit.COUNT, description="Reactions + comments + reshares.", compute=_figure(lambda f: f.engagement)
    ),
    Kpi.ENGAGEMENT_RATE: Definition(
        unit=Unit.RATIO,
        description="Engagement / impressions.",
        compute=lambda basis, _v: _ratio(basis.figures.engagement, basis.figures.impressions),
    ),
    Kpi.BRAND_ENGAGEMENT_RATE: Definition(
        unit=Unit.RATIO,
        description="The brand channels' reference engagement rates (programme settings), weighted by the ambassadors' "
        "impressions on each network that has one.",
        compute=lambda basis, valuation: valuation.brand_engagement_rate(basis.by_network),
    ),
    Kpi.ENGAGEMENT_VS_BRAND: Definition(
        unit=Unit.RATIO,
        description="The ambassadors' engagement rate on the networks with a brand reference, divided by that "
        "reference: 2 means employee shares engage twice as much as the brand's own posts.",
        compute=_engagement_vs_brand,
    ),
    Kpi.CLICKS: Definition(
        unit=Unit.COUNT,
        description="Counted clicks made in the period: never a bot, a HEAD or prefetch request, a click over the "
        "daily cap, nor the ambassador's own.",
        compute=_figure(lambda f: f.clicks),
    ),
    Kpi.UNIQUE_VISITORS: Definition(
        unit=Unit.COUNT,
        description="Counted clicks from a visitor (by daily-salted digest) not seen on the share and network in the "
        "previous 24 hours.",
        compute=_figure(lambda f: f.unique_visitors),
    ),
    Kpi.CLICK_THROUGH_RATE: Definition(
        unit=Unit.RATIO,
        description="Clicks / impressions.",
        compute=lambda basis, _v: _ratio(basis.figures.clicks, basis.figures.impressions),
    ),
    Kpi.CONVERSIONS: Definition(
        unit=Unit.CREDIT,
        description="Attributed conversions of every type that occurred in the period.",
        compute=_figure(lambda f: f.conversions),
    ),
    Kpi.LEADS: Definition(unit=Unit.CREDIT, description="Attributed leads.", compute=_figure(lambda f: f.leads)),
    Kpi.SIGNUPS: Definition(unit=Unit.CREDIT, description="Attributed sign-ups.", compute=_figure(lambda f: f.signups)),
    Kpi.JOB_APPLICATIONS: Definition(
        unit=Unit.CREDIT, description="Attributed job applications.", compute=_figure(lambda f: f.job_applications)
    ),
    Kpi.HIRES: Definition(unit=Unit.CREDIT, description="Attributed hires.", compute=_figure(lambda f: f.hires)),
    Kpi.PURCHASES: Definition(
        unit=Unit.CREDIT, description="Attributed purchases.", compute=_figure(lambda f: f.purchases)
    ),
    Kpi.CUSTOM_CONVERSIONS: Definition(
        unit=Unit.CREDIT, description="Attributed custom conversions.", compute=_figure(lambda f: f.custom_conversions)
    ),
    Kpi.CONVERSION_VALUE: Definition(
        unit=Unit.MONEY,
        description="The value of the attributed conversions reported in the programme's currency, by each "
        "share's credit.",
        compute=lambda basis, _v: _whole(basis.figures.conversion_value_minor),
    ),
    Kpi.CONVERSION_RATE: Definition(
        unit=Unit.RATIO,
        description="Conversions / clicks.",
        compute=lambda basis, _v: _ratio(basis.figures.conversions, basis.figures.clicks),
    ),
    Kpi.EARNED_MEDIA_VALUE: Definition(
        unit=Unit.MONEY,
        description="Impressions x the network's CPM / 1000, plus counted clicks x the network's CPC where one is set.",
        compute=lambda basis, valuation: valuation.earned_media_value_minor(basis.by_network),
    ),
    Kpi.COST: Definition(
        unit=Unit.MONEY,
        description="The programme's cost entries dated in the period.",
        compute=lambda basis, _v: basis.cost_minor,
    ),
    Kpi.COST_PER_LEAD: Definition(unit=Unit.MONEY, description="Cost / leads.", compute=_cost_per(lambda f: f.leads)),
    Kpi.COST_PER_APPLICATION: Definition(
        unit=Unit.MONEY, description="Cost / job applications.", compute=_cost_per(lambda f: f.job_applications)
    ),
    Kpi.COST_PER_HIRE: Definition(unit=Unit.MONEY, description="Cost / hires.", compute=_cost_per(lambda f: f.hires)),
    Kpi.COST_PER_CONTACT_REACHED: Definition(
        unit=Unit.MONEY, description="Cost / potential reach.", compute=_cost_per(lambda f: f.potential_reach)
    ),
    Kpi.ROI: Definition(
        unit=Unit.RATIO, description="(Earned media value + conversion value - cost) / cost.", compute=_roi
    ),
    Kpi.POINTS_AWARDED: Definition(
        unit=Unit.COUNT,
        description="Points awarded in the period, less those reversed.",
        compute=lambda basis, _v: basis.points_awarded,
    ),
    Kpi.REWARDS_REDEEMED: Definition(
        unit=Unit.COUNT,
        description="Rewards requested in the period and not rejected or cancelled.",
        compute=lambda basis, _v: basis.rewards_redeemed,
    ),
    Kpi.POINTS_DONATED: Definition(
        unit=Unit.COUNT,
        description="Points given to associations in the period.",
        compute=lambda basis, _v: basis.points_donated,
    ),
    Kpi.TRAINING_COMPLETIONS: Definition(
        unit=Unit.COUNT,
        description="Training modules completed in the period, once per ambassador and module.",
        compute=lambda basis, _v: basis.training_completions,
    ),
    Kpi.SATISFACTION: Definition(
        unit=Unit.RATIO,
        description="The average of the satisfaction scores (1 to 5) answered in the period; null below five "
        "answers, and never broken down by person for an anonymous survey's answers.",
        compute=lambda basis, _v: satisfaction(basis.satisfaction_scores),
    ),
    Kpi.NPS: Definition(
        unit=Unit.COUNT,
        description="The net promoter score of the NPS answers (0 to 10) of the period: % promoters (9-10) less "
        "% detractors (0-6), from -100 to 100; null below five answers, and never broken down by person for "
        "an anonymous survey's answers.",
        compute=lambda basis, _v: net_promoter_score(basis.nps_scores),
    ),
    Kpi.TRAINING_COMPLETION_RATE: Definition(
        unit=Unit.RATIO,
        description="Training completions / enrolled ambassadors: modules completed in the period per member of "
        "the programme at the period's end, as a module's completion rate counts them over the members.",
        compute=lambda basis, _v: _ratio(basis.training_completions, basis.enrolled_ambassadors),
    ),
}

# Money is answered in whole minor units; ratios and credits with this many decimal places.
DECIMAL_PLACES = 4


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def value_of(kpi: Kpi, basis: Basis, valuation: Valuation) -> int | float | None:
    """The KPI's value for the row, as answered: whole numbers for counts and money, rounded decimals else."""
    definition = DEFINITIONS[kpi]
    value = definition.compute(basis, valuation)
    if value is None:
        return None
    if definition.unit in (Unit.COUNT, Unit.MONEY):
        return _whole(Decimal(value))
    return float(Decimal(value).quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=ROUND_HALF_EVEN))
