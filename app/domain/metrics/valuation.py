"""What organic visibility would have cost as advertising (earned media value), and the brand's own
engagement to compare with: a tenant's rates per network, in the programme's currency.

Default CPMs are the 2024 platform averages published at https://www.ad-calc.com/faq/advertising-benchmarks
(Facebook $7.19, Instagram $6.70, LinkedIn $6.59, TikTok $10.00, Twitter/X $6.46), applied as they are
in the programme's currency; Xing takes LinkedIn's, and WhatsApp, which sells no impressions, none.
No cost per click is assumed: a tenant that wants clicks valued sets its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType

from app.domain.metrics.figures import Figures
from app.domain.networks import Network

DEFAULT_CURRENCY = "EUR"
NOT_A_CURRENCY = "Give an ISO 4217 currency code in three capital letters, such as EUR."

DEFAULT_CPM_MINOR: Mapping[Network, int] = MappingProxyType(
    {
        Network.FACEBOOK: 719,
        Network.INSTAGRAM: 670,
        Network.LINKEDIN: 659,
        Network.TIKTOK: 1000,
        Network.X: 646,
        Network.XING: 659,
        Network.WHATSAPP: 0,
    }
)
MAX_RATE_MINOR = 100_000_000  # a million in major units per thousand impressions or per click


@dataclass(frozen=True, slots=True, kw_only=True)
class Valuation:
    """``cpm_minor``: what a thousand impressions cost as advertising; ``cpc_minor``: a click, where set;
    ``brand_engagement_rates``: the engagement rate of the brand's own channel on the network."""

    currency: str = DEFAULT_CURRENCY
    cpm_minor: Mapping[Network, int] = field(default_factory=lambda: DEFAULT_CPM_MINOR)
    cpc_minor: Mapping[Network, int] = field(default_factory=dict)
    brand_engagement_rates: Mapping[Network, Decimal] = field(default_factory=dict)

    def earned_media_value_minor(self, by_network: Mapping[str, Figures]) -> int:
        """Impressions x CPM / 1000 (+ counted clicks x CPC where set), summed over networks."""
        value = Decimal(0)
        for name, figures in by_network.items():
            network = Network(name)
            value += Decimal(figures.impressions) * self.cpm_minor.get(network, 0) / 1000
            value += Decimal(figures.clicks) * self.cpc_minor.get(network, 0)
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))

    def brand_engagement_rate(self, by_network: Mapping[str, Figures]) -> Decimal | None:
        """The brand's rates weighted by the impressions the ambassadors made on each network, over the
        networks that have a rate; None when none has (or no impressions were made there)."""
        weighted, impressions = Decimal(0), 0
        for name, figures in by_network.items():
            rate = self.brand_engagement_rates.get(Network(name))
            if rate is not None and figures.impressions:
                weighted += rate * figures.impressions
                impressions += figures.impressions
        return weighted / impressions if impressions else None

    def rated_engagement_rate(self, by_network: Mapping[str, Figures]) -> Decimal | None:
        """The ambassadors' engagement rate over the networks the brand has a rate for."""
        engagement = impressions = 0
        for name, figures in by_network.items():
            if Network(name) in self.brand_engagement_rates:
                engagement += figures.engagement
                impressions += figures.impressions
        return Decimal(engagement) / impressions if impressions else None
