"""REST bodies of the programme's rules: settings, charter and caption compliance."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, Field, StrictBool, field_validator

from app.api.rest.bodies import JSON_INTEGER, RequestBody, refuse_null
from app.api.rest.roster.schemas import LanguageTag
from app.api.rest.texts import (
    CLICK_PARAM,
    DOMAIN_NAME,
    MULTI_LINE,
    MULTI_LINE_NOT_BLANK,
    SINGLE_LINE_NOT_BLANK,
    UTM_TOKEN,
)
from app.domain.attribution.policy import MAX_WINDOW, MIN_WINDOW, AttributionModel
from app.domain.networks import CAPTION_LIMITS, Network
from app.domain.programme.charter import MAX_BODY_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH
from app.domain.programme.compliance import ViolationCode
from app.domain.programme.settings_fields import (
    MAX_LINK_DOMAINS,
    MAX_SHARE_DAILY_LIMIT,
    MAX_TERMS,
    MAX_WEEKLY_CONTENT_BUDGET,
)
from app.domain.values import has_control_characters

Term = Annotated[str, Field(min_length=1, max_length=100), SINGLE_LINE_NOT_BLANK]
# The longest caption any network takes (WhatsApp's); longer texts are refused outright.
MAX_CAPTION = max(CAPTION_LIMITS.values())

# Settings


class LinkDomainBody(RequestBody):
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
)


class SettingsUpdate(RequestBody):
    """Only the fields sent change; a list or map sent replaces the stored one as a whole."""

    networks: Annotated[list[Network] | None, Field(min_length=1, max_length=len(Network))] = Field(
        default=None, description="The networks ambassadors may share on."
    )
    link_domains: Annotated[list[LinkDomainBody] | None, Field(max_length=MAX_LINK_DOMAINS)] = Field(
        default=None, description="Where shared links may point; none listed means no link is allowed."
    )
    disclosures: dict[Network, Annotated[str, Field(min_length=1, max_length=100), SINGLE_LINE_NOT_BLANK]] | None = (
        Field(
            default=None,
            description="Per network, the text (often a hashtag) every shared caption must contain.",
            examples=[{"linkedin": "#employee"}],
        )
    )
    sensitive_terms: Annotated[list[Term] | None, Field(max_length=MAX_TERMS)] = Field(
        default=None, description="Words that draw a warning in captions."
    )
    banned_terms: Annotated[list[Term] | None, Field(max_length=MAX_TERMS)] = Field(
        default=None, description="Words that captions may not contain."
    )
    weekly_content_budget: Annotated[int, Field(ge=1, le=MAX_WEEKLY_CONTENT_BUDGET), JSON_INTEGER] | None = Field(
        default=None, description="Most shareable contents in any 7 days for one audience."
    )
    four_eyes_review: StrictBool | None = Field(default=None, description="Nobody approves their own content.")
    default_language: LanguageTag | None = None
    utm_medium: Annotated[Annotated[str, UTM_TOKEN] | None, Field(min_length=1, max_length=64)] = Field(
        default=None, description="`utm_medium` of shared links."
    )
    share_daily_limit: Annotated[int, Field(ge=1, le=MAX_SHARE_DAILY_LIMIT), JSON_INTEGER] | None = Field(
        default=None, description="Most shares one ambassador may start per network and UTC day."
    )
    click_param: Annotated[Annotated[str, CLICK_PARAM] | None, Field(min_length=1, max_length=64)] = Field(
        default=None,
        description="Query parameter carrying the click reference to landing pages; not starting with `utm_`.",
    )
    attribution_window_days: Annotated[int, Field(ge=MIN_WINDOW.days, le=MAX_WINDOW.days), JSON_INTEGER] | None = Field(
        default=None, description="Most days between a click (or a post) and a conversion credited to it."
    )
    attribution_model: AttributionModel | None = Field(
        default=None, description="How a conversion's credit is shared among the clicks that led to it."
    )

    _not_null = field_validator(*SETTINGS_FIELDS)(refuse_null)

    def changes(self) -> dict[str, Any]:
        return self.model_dump(include=self.model_fields_set)


class LinkDomainOut(BaseModel):
    domain: str
    include_subdomains: bool


class SettingsOut(BaseModel):
    networks: list[Network]
    link_domains: list[LinkDomainOut]
    disclosures: dict[Network, str]
    sensitive_terms: list[str]
    banned_terms: list[str]
    weekly_content_budget: int
    four_eyes_review: bool
    default_language: str
    utm_medium: str
    share_daily_limit: int
    click_param: str
    attribution_window_days: int
    attribution_model: AttributionModel
    version: int = Field(description="0 until the settings are first saved; the ETag carries it too.")
    updated_at: datetime | None = Field(description="Null while the defaults apply.")


# Charter


class CharterVersionCreate(RequestBody):
    title: Annotated[str, Field(min_length=1, max_length=MAX_TITLE_LENGTH), SINGLE_LINE_NOT_BLANK]
    body: Annotated[str, Field(min_length=1, max_length=MAX_BODY_LENGTH), MULTI_LINE_NOT_BLANK] = Field(
        description="Markdown."
    )
    summary: Annotated[Annotated[str, MULTI_LINE, Field(max_length=MAX_SUMMARY_LENGTH)] | None, Field()] = Field(
        default=None, description="What changed since the previous version."
    )

    @field_validator("body")
    @classmethod
    def _readable(cls, value: str) -> str:
        # Checked here as well as in the domain: a domain error at "body" would read as the whole request body.
        if not value.strip() or has_control_characters(value, multiline=True):
            raise ValueError("Give the text in Markdown, without control characters other than line breaks and tabs.")
        return value


class CharterVersionOut(BaseModel):
    id: UUID
    number: int = Field(description="1 for the first version; the highest number is in force.")
    title: str
    body: str = Field(description="Markdown.")
    summary: str | None
    published_at: datetime


class CharterAcceptance(RequestBody):
    version: Annotated[int, Field(ge=1, description="The number of the version you read and accept."), JSON_INTEGER]


# Compliance


class CaptionCheck(RequestBody):
    network: Network
    text: Annotated[str, Field(max_length=MAX_CAPTION)]
    content_id: UUID | None = Field(default=None, description="When given, the content's link must be in the text.")


class ViolationOut(BaseModel):
    code: ViolationCode
    detail: str
    start: int | None = Field(description="Where the problem starts in `text` (a character index); null if missing.")
    end: int | None = Field(description="Where it ends (exclusive).")
    blocking: bool = Field(description="False for warnings (sensitive terms).")


class ComplianceOut(BaseModel):
    ok: bool = Field(description="True when nothing blocks sharing this caption.")
    violations: list[ViolationOut]
