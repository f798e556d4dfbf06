"""GraphQL types of the programme's rules: settings, charter versions, caption checks."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from app.api.graphql.programme.enums import ViolationCode
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import AttributionModel


@strawberry.type(description="A domain shared links may point to.")
class LinkDomain:
    domain: str = strawberry.field(description="In punycode for international names.")
    include_subdomains: bool


@strawberry.type(description="The text captions on a network must contain, such as `#employee`.")
class Disclosure:
    network: Network
    text: str


@strawberry.type(description="The programme's rules; the defaults (version 0) until an admin saves them.")
class ProgrammeSettings:
    networks: list[Network]
    link_domains: list[LinkDomain] = strawberry.field(description="None listed means no link is allowed.")
    disclosures: list[Disclosure]
    sensitive_terms: list[str]
    banned_terms: list[str]
    weekly_content_budget: int
    four_eyes_review: bool
    default_language: str
    utm_medium: str
    share_daily_limit: int = strawberry.field(
        description="Most shares one ambassador may start per network and UTC day."
    )
    click_param: str = strawberry.field(description="Query parameter carrying the click reference to landing pages.")
    attribution_window_days: int = strawberry.field(
        description="Most days between a click (or a post) and a conversion credited to it."
    )
    attribution_model: AttributionModel
    version: int = strawberry.field(description="Send as `expectedVersion` to change the settings safely.")
    updated_at: datetime | None


@strawberry.type(description="One published version of the programme charter.")
class CharterVersion:
    id: UUID
    number: int = strawberry.field(description="1 for the first version; the highest number is in force.")
    title: str
    body: str = strawberry.field(description="Markdown.")
    summary: str | None = strawberry.field(description="What changed since the previous version.")
    published_at: datetime


@strawberry.type(description="One problem in a caption; `start` and `end` index the text checked.")
class ComplianceViolation:
    code: ViolationCode
    detail: str
    start: int | None
    end: int | None
    blocking: bool = strawberry.field(description="False for warnings (sensitive terms).")


@strawberry.type(description="The result of a caption check; `ok` is true when nothing blocks sharing.")
class ComplianceReport:
    ok: bool
    violations: list[ComplianceViolation]
