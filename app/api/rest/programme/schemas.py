"""REST bodies of the programme's settings (the charter and caption compliance: charter_schemas.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, WithJsonSchema, field_validator

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, Documented, Omittable, RequestBody, refuse_null
from app.api.rest.numbers import millionths
from app.api.rest.roster.schemas import LanguageTag
from app.api.rest.texts import DOMAIN_NAME, SINGLE_LINE_NOT_BLANK
from app.domain.attribution.policy import MAX_WINDOW, MIN_WINDOW, AttributionModel
from app.domain.community.training_settings import MAX_REQUIRED_MODULES
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.metrics.valuation import MAX_RATE_MINOR
from app.domain.networks import Network
from app.domain.programme.metric_fields import RATE_PLACES
from app.domain.programme.settings_fields import (
    MAX_LINK_DOMAINS,
    MAX_SHARE_DAILY_LIMIT,
    MAX_TERMS,
    MAX_WEEKLY_CONTENT_BUDGET,
    UTM_TOKEN,
)
from app.domain.rewards.challenges import MAX_CHALLENGE_WINNERS
from app.domain.sharing.tracked_links import CLICK_PARAM_PATTERN

Term = Annotated[str, Field(min_length=1, max_length=100), SINGLE_LINE_NOT_BLANK]

_SETTINGS: dict[str, Any] = {
    "networks": ["linkedin", "x", "facebook"],
    "link_domains": [{"domain": "acme.example", "include_subdomains": True}],
    "disclosures": {"linkedin": "#employee"},
    "sensitive_terms": ["salary"],
    "banned_terms": ["confidential"],
    "weekly_content_budget": 4,
    "four_eyes_review": True,
    "default_language": "fr",
    "utm_medium": "employee_advocacy",
    "share_daily_limit": 5,
    "click_param": "rl_click",
    "attribution_window_days": 30,
    "attribution_model": "last_touch",
    "time_zone": "Europe/Paris",
    "challenge_winners": 3,
    "digest_weekday": 1,
    "digest_time": "09:00",
    "mass_termination_percent": 10,
    "currency": "EUR",
    "cpm_minor": {
        "linkedin": 659,
        "x": 646,
        "facebook": 719,
        "instagram": 670,
        "xing": 659,
        "tiktok": 1000,
        "whatsapp": 0,
    },
    "cpc_minor": {"linkedin": 350},
    "brand_engagement_rates": {"linkedin": 0.021, "x": 0.0004},
    "manager_metrics_scope": "department",
    "required_training_modules": ["0196a3fa-3c4d-7e5f-8a6b-7c8d9e0f1a2b"],
    "recall_notice_url": "https://acme.example/withdrawn",
}

# Settings


class LinkDomainBody(RequestBody):
    """A domain shared links may point to."""

    domain: Annotated[str, Field(min_length=1, max_length=253, examples=["acme.example"]), DOMAIN_NAME] = Field(
        description="A domain name; international names are stored in punycode."
    )
    include_subdomains: StrictBool = Field(
        default=False, description="Also allow any subdomain (careers.acme.example)."
    )


SETTINGS_FIELDS = (
    "networks",
    "link_domains",
    "disclosures",
    "sensitive_terms",
    "banned_terms",
    "weekly_content_budget",
    "four_eyes_review",
    "default_language",
    "utm_medium",
    "share_daily_limit",
    "click_param",
    "attribution_window_days",
    "attribution_model",
    "time_zone",
    "challenge_winners",
    "digest_weekday",
    "digest_time",
    "mass_termination_percent",
    "currency",
    "cpm_minor",
    "cpc_minor",
    "brand_engagement_rates",
    "manager_metrics_scope",
    "required_training_modules",
)
Rate = Annotated[int, Field(ge=0, le=MAX_RATE_MINOR), JSON_INTEGER]
EngagementRate = Annotated[
    Decimal,
    Field(gt=0, le=1, decimal_places=RATE_PLACES),
    BeforeValidator(millionths),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 1, "multipleOf": 10**-RATE_PLACES}),
]
CPM_HELP = (
    "What a thousand impressions are worth as advertising, per network, in minor units of `currency` (earned "
    "media value). A network left out takes its default: the 2024 platform averages of "
    "https://www.ad-calc.com/faq/advertising-benchmarks (see docs/metrics.md)."
)
CPC_HELP = (
    "What a counted click is worth, per network, in minor units of `currency`; networks left out value "
    "clicks at nothing. Sent, it replaces the whole map."
)
BRAND_RATES_HELP = (
    "The engagement rate of the brand's own channel on each network (0.021 for 2.1%), to compare the "
    "ambassadors' with; networks left out have none. Sent, it replaces the whole map."
)
TRAINING_HELP = (
    "The training modules an ambassador completes before sharing, by id; only the published ones among them "
    "are asked for. Empty: sharing needs no training."
)
RECALL_NOTICE_HELP = (
    "The page the tracked links of a recalled content lead to (https); without one they answer 410 Gone."
)
RECALL_NOTICE_SET_HELP = (
    "The page the tracked links of a recalled content lead to (https); null for none: they then answer 410 Gone."
)
SCOPE_HELP = (
    "What a manager (neither admin nor analyst) reads of the metrics: the whole `programme`, or only the "
    "ambassadors of the `department` their own employee record names."
)


class SettingsUpdate(RequestBody):
    """Only the fields sent change; a list or map sent replaces the stored one as a whole."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"share_daily_limit": 3, "banned_terms": ["confidential", "internal only"]}]}
    )

    networks: Omittable[Annotated[list[Network], Field(min_length=1, max_length=len(Network))]] = Field(
        default=None, description="The networks ambassadors may share on."
    )
    link_domains: Omittable[Annotated[list[LinkDomainBody], Field(max_length=MAX_LINK_DOMAINS)]] = Field(
        default=None, description="Where shared links may point; none listed means no link is allowed."
    )
    disclosures: Omittable[
        dict[Network, Annotated[str, Field(min_length=1, max_length=100), SINGLE_LINE_NOT_BLANK]]
    ] = Field(
        default=None,
        description="Per network, the text (often a hashtag) every shared caption must contain.",
        examples=[{"linkedin": "#employee"}],
    )
    sensitive_terms: Omittable[Annotated[list[Term], Field(max_length=MAX_TERMS)]] = Field(
        default=None, description="Words that draw a warning in captions."
    )
    banned_terms: Omittable[Annotated[list[Term], Field(max_length=MAX_TERMS)]] = Field(
        default=None, description="Words that captions may not contain."
    )
    weekly_content_budget: Omittable[Annotated[int, Field(ge=1, le=MAX_WEEKLY_CONTENT_BUDGET), JSON_INTEGER]] = Field(
        default=None, description="Most shareable contents in any 7 days for one audience."
    )
    four_eyes_review: Omittable[StrictBool] = Field(default=None, description="Nobody approves their own content.")
    default_language: Omittable[LanguageTag] = Field(
        default=None, description="The language of contents written without one (BCP 47)."
    )
    utm_medium: Omittable[Annotated[str, Field(min_length=1, max_length=64), Documented(pattern=UTM_TOKEN.pattern)]] = (
        Field(default=None, description="`utm_medium` of shared links.")
    )
    share_daily_limit: Omittable[Annotated[int, Field(ge=1, le=MAX_SHARE_DAILY_LIMIT), JSON_INTEGER]] = Field(
        default=None, description="Most shares one ambassador may start per network and UTC day."
    )
    click_param: Omittable[
        Annotated[str, Field(min_length=1, max_length=64), Documented(pattern=f"^{CLICK_PARAM_PATTERN.pattern}$")]
    ] = Field(
        default=None,
        description="Query parameter carrying the click reference to landing pages; not starting with `utm_`.",
    )
    attribution_window_days: Omittable[Annotated[int, Field(ge=MIN_WINDOW.days, le=MAX_WINDOW.days), JSON_INTEGER]] = (
        Field(default=None, description="Most days between a click (or a post) and a conversion credited to it.")
    )
    attribution_model: Omittable[AttributionModel] = Field(
        default=None, description="How a conversion's credit is shared among the clicks that led to it."
    )
    time_zone: Omittable[Annotated[str, Field(min_length=1, max_length=64, examples=["Europe/Paris"])]] = Field(
        default=None, description="The IANA time zone leaderboard weeks, months and quarters are cut in."
    )
    challenge_winners: Omittable[Annotated[int, Field(ge=1, le=MAX_CHALLENGE_WINNERS), JSON_INTEGER]] = Field(
        default=None, description="How many winners (the top N, ties included) a challenge fixes when it ends."
    )
    digest_weekday: Omittable[Annotated[int, Field(ge=1, le=7), JSON_INTEGER]] = Field(
        default=None, description="The ISO weekday (1 Monday to 7 Sunday) the weekly digest leaves on."
    )
    digest_time: Omittable[Annotated[str, Field(min_length=5, max_length=5, examples=["09:00"])]] = Field(
        default=None, description="The local time (HH:MM, in `time_zone`) the weekly digest leaves at."
    )
    mass_termination_percent: Omittable[Annotated[int, Field(ge=0, le=100), JSON_INTEGER]] = Field(
        default=None,
        description="The share of active employees (0-100 %) a full roster import may terminate without the "
        "apply confirming it.",
    )
    currency: Omittable[Annotated[str, Field(min_length=3, max_length=3), Documented(pattern="^[A-Z]{3}$")]] = Field(
        default=None,
        description="ISO 4217 code of the programme's money: costs, conversion values and earned media value.",
        examples=["EUR"],
    )
    cpm_minor: Omittable[dict[Network, Rate]] = Field(default=None, description=CPM_HELP, examples=[{"linkedin": 800}])
    cpc_minor: Omittable[dict[Network, Rate]] = Field(default=None, description=CPC_HELP, examples=[{"linkedin": 350}])
    brand_engagement_rates: Omittable[dict[Network, EngagementRate]] = Field(
        default=None, description=BRAND_RATES_HELP, examples=[{"linkedin": 0.021}]
    )
    manager_metrics_scope: Omittable[ManagerMetricsScope] = Field(default=None, description=SCOPE_HELP)
    required_training_modules: Omittable[Annotated[list[UUID], Field(max_length=MAX_REQUIRED_MODULES)]] = Field(
        default=None, description=TRAINING_HELP
    )
    recall_notice_url: Annotated[str, Field(min_length=1, max_length=2048)] | None = Field(
        default=None, description=RECALL_NOTICE_SET_HELP
    )

    _not_null = field_validator(*SETTINGS_FIELDS)(refuse_null)

    def changes(self) -> dict[str, Any]:
        return self.model_dump(include=self.model_fields_set)


class LinkDomainOut(BaseModel):
    """A domain shared links may point to."""

    domain: str = Field(description="The domain, in punycode.")
    include_subdomains: bool = Field(description="Whether its subdomains are allowed too.")


class SettingsOut(BaseModel):
    """The programme's rules, one document per organisation."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SETTINGS | {"version": 7, "updated_at": ex.UPDATED}]})

    networks: list[Network] = Field(description="The networks ambassadors may share on.")
    link_domains: list[LinkDomainOut] = Field(description="Where shared links may point; empty allows no link.")
    disclosures: dict[Network, str] = Field(description="Per network, the text every shared caption must contain.")
    sensitive_terms: list[str] = Field(description="Words that draw a warning in captions.")
    banned_terms: list[str] = Field(description="Words that captions may not contain.")
    weekly_content_budget: int = Field(description="Most shareable contents in any 7 days for one audience.")
    four_eyes_review: bool = Field(description="Whether nobody may approve their own content.")
    default_language: str = Field(description="The language of contents written without one (BCP 47).")
    utm_medium: str = Field(description="`utm_medium` of shared links.")
    share_daily_limit: int = Field(description="Most shares one ambassador may start per network and UTC day.")
    click_param: str = Field(description="Query parameter carrying the click reference to landing pages.")
    attribution_window_days: int = Field(
        description="Most days between a click (or a post) and a conversion credited to it."
    )
    attribution_model: AttributionModel = Field(
        description="How a conversion's credit is shared among the clicks that led to it."
    )
    time_zone: str = Field(description="The IANA time zone leaderboard weeks, months and quarters are cut in.")
    challenge_winners: int = Field(description="How many winners (the top N, ties included) a challenge fixes.")
    digest_weekday: int = Field(description="The ISO weekday (1 Monday) the weekly digest leaves on.")
    digest_time: str = Field(description="The local time (HH:MM, in `time_zone`) the weekly digest leaves at.")
    mass_termination_percent: int = Field(
        description="The share of active employees (%) a full roster import may terminate without confirmation."
    )
    currency: str = Field(description="ISO 4217 code of the programme's money.")
    cpm_minor: dict[Network, int] = Field(
        description="What a thousand impressions are worth as advertising on each network, in minor units of "
        "`currency`: every network, at its default unless set."
    )
    cpc_minor: dict[Network, int] = Field(
        description="What a counted click is worth on the networks that have a value, in minor units of `currency`."
    )
    brand_engagement_rates: dict[Network, float] = Field(
        description="The brand channels' own engagement rate on the networks that have one."
    )
    manager_metrics_scope: ManagerMetricsScope = Field(description=SCOPE_HELP)
    required_training_modules: list[UUID] = Field(description=TRAINING_HELP)
    recall_notice_url: str | None = Field(description=RECALL_NOTICE_HELP)
    version: int = Field(description="0 until the settings are first saved; the ETag carries it too.")
    updated_at: datetime | None = Field(description="Null while the defaults apply.")
