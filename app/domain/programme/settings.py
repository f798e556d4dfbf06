"""Programme settings: one document per tenant with the rules every content and share follows.

The settings are a value: ``apply`` returns a validated copy. They are stored as one JSON
document, so later capabilities add fields with a default here and need no migration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from app.domain.aggregate import require_version
from app.domain.attribution.policy import AttributionModel, AttributionPolicy, AttributionWindow
from app.domain.errors import FieldError, ValidationFailed
from app.domain.hostnames import normalise_hostname
from app.domain.integrations.roster_imports import DEFAULT_MASS_TERMINATION_PERCENT
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.metrics.valuation import DEFAULT_CPM_MINOR, DEFAULT_CURRENCY, Valuation
from app.domain.networks import Network
from app.domain.programme.metric_fields import metric_document
from app.domain.programme.settings_fields import (
    DEFAULT_ATTRIBUTION_MODEL,
    DEFAULT_ATTRIBUTION_WINDOW_DAYS,
    DEFAULT_CHALLENGE_WINNERS,
    DEFAULT_DIGEST_TIME,
    DEFAULT_DIGEST_WEEKDAY,
    DEFAULT_SHARE_DAILY_LIMIT,
    DEFAULT_TIME_ZONE,
    DEFAULT_UTM_MEDIUM,
    DEFAULT_WEEKLY_CONTENT_BUDGET,
    PARSERS,
    Disclosure,
    LinkDomain,
    parse_fields,
)
from app.domain.sharing.tracked_links import DEFAULT_CLICK_PARAM

__all__ = ["Disclosure", "LinkDomain", "ProgrammeSettings"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeSettings:
    """A tenant's programme rules. ``version`` is 0 until the settings are first saved.

    An empty ``link_domains`` allows no link at all: destinations are an allow-list.
    """

    networks: tuple[Network, ...] = tuple(Network)
    link_domains: tuple[LinkDomain, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    sensitive_terms: tuple[str, ...] = ()
    banned_terms: tuple[str, ...] = ()
    weekly_content_budget: int = DEFAULT_WEEKLY_CONTENT_BUDGET
    four_eyes_review: bool = False
    default_language: str = "en"
    utm_medium: str = DEFAULT_UTM_MEDIUM
    share_daily_limit: int = DEFAULT_SHARE_DAILY_LIMIT
    click_param: str = DEFAULT_CLICK_PARAM
    attribution_window_days: int = DEFAULT_ATTRIBUTION_WINDOW_DAYS
    attribution_model: AttributionModel = DEFAULT_ATTRIBUTION_MODEL
    # Leaderboard periods (weeks, months, quarters) are cut in this IANA zone; challenges fix this many winners.
    time_zone: str = DEFAULT_TIME_ZONE
    challenge_winners: int = DEFAULT_CHALLENGE_WINNERS
    # Roster imports: the share of active employees a full import may terminate without confirmation.
    mass_termination_percent: int = DEFAULT_MASS_TERMINATION_PERCENT
    # Notifications: the weekly digest leaves on this ISO weekday (1 Monday) at this local time, in ``time_zone``.
    digest_weekday: int = DEFAULT_DIGEST_WEEKDAY
    digest_time: str = DEFAULT_DIGEST_TIME
    # Metrics: money in this currency; earned media valued at these rates; a manager's view of the
    # programme's metrics limited to their own department when ``manager_metrics_scope`` says so.
    currency: str = DEFAULT_CURRENCY
    cpm_minor: Mapping[Network, int] = field(default_factory=lambda: DEFAULT_CPM_MINOR)
    cpc_minor: Mapping[Network, int] = field(default_factory=dict)
    brand_engagement_rates: Mapping[Network, Decimal] = field(default_factory=dict)
    manager_metrics_scope: ManagerMetricsScope = ManagerMetricsScope.PROGRAMME
    # Training: the modules an ambassador completes before sharing (the published ones among them).
    required_training_modules: tuple[UUID, ...] = ()
    # Recall: the tracked links of a recalled content lead to this page when set; else they answer gone.
    recall_notice_url: str | None = None
    version: int = 0
    updated_at: datetime | None = None

    @classmethod
    def defaults(cls) -> ProgrammeSettings:
        return cls()

    def allows_network(self, network: Network) -> bool:
        return network in self.networks

    def allows_link_host(self, host: str) -> bool:
        """True when links may point at ``host``: a listed domain, or its subdomain when opted in."""
        try:
            normalised = normalise_hostname(host)
        except ValueError:
            return False
        return any(rule.allows(normalised) for rule in self.link_domains)

    def attribution_policy(self) -> AttributionPolicy:
        return AttributionPolicy(
            model=self.attribution_model, window=AttributionWindow.of_days(self.attribution_window_days)
        )

    def valuation(self) -> Valuation:
        return Valuation(
            currency=self.currency,
            cpm_minor=self.cpm_minor,
            cpc_minor=self.cpc_minor,
            brand_engagement_rates=self.brand_engagement_rates,
        )

    def disclosure_for(self, network: Network) -> str | None:
        return next((rule.text for rule in self.disclosures if rule.network == network), None)

    def require_version(self, expected: int | None) -> None:
        require_version(self.version, expected)

    def apply(self, changes: Mapping[str, Any]) -> ProgrammeSettings:
        """Return a copy with ``changes`` (document-shaped values) applied, or raise ``ValidationFailed``
        listing every bad field. ``version`` and ``updated_at`` are the server's and stay as they are."""
        errors: list[FieldError] = []
        parsed = parse_fields(changes, errors)
        if errors:
            raise ValidationFailed("The settings are not valid.", errors)
        return replace(self, **parsed)

    def saved(self, now: datetime) -> ProgrammeSettings:
        """The copy to store: next version, stamped ``now``."""
        return replace(self, version=self.version + 1, updated_at=now)

    def changed_fields(self, other: ProgrammeSettings) -> list[str]:
        return [f.name for f in fields(self) if f.name in PARSERS and getattr(self, f.name) != getattr(other, f.name)]

    def to_document(self) -> dict[str, Any]:
        """The JSON shape ``apply`` accepts (and the one stored)."""
        return {
            "networks": [network.value for network in self.networks],
            "link_domains": [
                {"domain": rule.domain, "include_subdomains": rule.include_subdomains} for rule in self.link_domains
            ],
            "disclosures": {rule.network.value: rule.text for rule in self.disclosures},
            "sensitive_terms": list(self.sensitive_terms),
            "banned_terms": list(self.banned_terms),
            "weekly_content_budget": self.weekly_content_budget,
            "four_eyes_review": self.four_eyes_review,
            "default_language": self.default_language,
            "utm_medium": self.utm_medium,
            "share_daily_limit": self.share_daily_limit,
            "click_param": self.click_param,
            "attribution_window_days": self.attribution_window_days,
            "attribution_model": self.attribution_model.value,
            "time_zone": self.time_zone,
            "challenge_winners": self.challenge_winners,
            "mass_termination_percent": self.mass_termination_percent,
            "digest_weekday": self.digest_weekday,
            "digest_time": self.digest_time,
            **metric_document(
                currency=self.currency,
                cpm_minor=self.cpm_minor,
                cpc_minor=self.cpc_minor,
                brand_engagement_rates=self.brand_engagement_rates,
                manager_metrics_scope=self.manager_metrics_scope,
            ),
            "required_training_modules": [str(module_id) for module_id in self.required_training_modules],
            "recall_notice_url": self.recall_notice_url,
        }

    @classmethod
    def from_document(
        cls, document: Mapping[str, Any], *, version: int, updated_at: datetime | None
    ) -> ProgrammeSettings:
        """Read a stored document. Fields it lacks (added after it was saved), and any value a later
        rule no longer accepts, take their defaults rather than making the settings unreadable."""
        known = {name: value for name, value in document.items() if name in PARSERS}
        return replace(cls(version=version, updated_at=updated_at), **parse_fields(known, []))
