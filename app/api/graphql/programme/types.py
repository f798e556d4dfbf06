"""GraphQL types of the programme's rules: settings, charter versions, caption checks."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.programme.enums import ManagerMetricsScope, ViolationCode
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import AttributionModel
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS

VIOLATIONS_HELP = (
    f"The problems found, warnings included, in the order of the text: all of them, up to "
    f"{MAX_REPORTED_VIOLATIONS}. Past that, those that block sharing are listed first."
)
TOTAL_VIOLATIONS_HELP = "How many problems the caption has in all, those not listed in `violations` included."


@strawberry.type(description="A domain shared links may point to.")
class LinkDomain:
    domain: str = strawberry.field(description="In punycode for international names.")
    include_subdomains: bool = strawberry.field(description="Whether its subdomains are allowed too.")


@strawberry.type(description="The text captions on a network must contain, such as `#employee`.")
class Disclosure:
    network: Network = strawberry.field(description="The network whose captions must contain it.")
    text: str = strawberry.field(description="The text, matched without regard to case.")


@strawberry.type(description="An amount on one network, in minor units of the programme's currency.")
class NetworkAmount:
    network: Network = strawberry.field(description="The network.")
    amount_minor: int = strawberry.field(description="The amount, in minor units (cents).")


@strawberry.type(description="The engagement rate of the brand's own channel on a network.")
class BrandEngagementRate:
    network: Network = strawberry.field(description="The network.")
    rate: float = strawberry.field(description="Engagement / impressions of the brand's posts there: 0.021 is 2.1%.")


@strawberry.type(description="The programme's rules; the defaults (version 0) until an admin saves them.")
class ProgrammeSettings:
    networks: list[Network] = strawberry.field(description="The networks ambassadors may share on.")
    link_domains: list[LinkDomain] = strawberry.field(description="None listed means no link is allowed.")
    disclosures: list[Disclosure] = strawberry.field(description="What captions must contain, per network.")
    sensitive_terms: list[str] = strawberry.field(description="Terms a caption check warns about.")
    banned_terms: list[str] = strawberry.field(description="Terms that block a caption.")
    weekly_content_budget: int = strawberry.field(
        description="Most shareable contents approved for the same people within seven days."
    )
    four_eyes_review: bool = strawberry.field(
        description="Whether a content's author or last editor is refused its approval."
    )
    default_language: str = strawberry.field(description="BCP 47 tag of a content's language when none is given.")
    utm_medium: str = strawberry.field(description="The `utm_medium` of shared links.")
    share_daily_limit: int = strawberry.field(
        description="Most shares one ambassador may start per network and UTC day."
    )
    click_param: str = strawberry.field(description="Query parameter carrying the click reference to landing pages.")
    attribution_window_days: int = strawberry.field(
        description="Most days between a click (or a post) and a conversion credited to it."
    )
    attribution_model: AttributionModel = strawberry.field(description="How a conversion's credit is shared.")
    time_zone: str = strawberry.field(description="The IANA time zone leaderboard periods are cut in.")
    challenge_winners: int = strawberry.field(description="How many winners (top N, ties included) a challenge fixes.")
    digest_weekday: int = strawberry.field(description="The ISO weekday (1 Monday) the weekly digest leaves on.")
    digest_time: str = strawberry.field(description="The local time (HH:MM, in timeZone) the weekly digest leaves at.")
    mass_termination_percent: int = strawberry.field(
        description="The share of active employees (%) a full roster import may terminate without confirmation."
    )
    currency: str = strawberry.field(description="ISO 4217 code of the programme's money.")
    cpm_minor: list[NetworkAmount] = strawberry.field(
        description="What a thousand impressions are worth as advertising on each network (earned media value): "
        "every network, at its default unless set."
    )
    cpc_minor: list[NetworkAmount] = strawberry.field(
        description="What a counted click is worth, on the networks that have a value."
    )
    brand_engagement_rates: list[BrandEngagementRate] = strawberry.field(
        description="The brand channels' own engagement rates, to compare the ambassadors' with."
    )
    manager_metrics_scope: ManagerMetricsScope = strawberry.field(
        description="What a manager (neither admin nor analyst) reads of the metrics."
    )
    required_training_modules: list[relay.GlobalID] = strawberry.field(
        description="The training modules an ambassador completes before sharing (the published ones among them)."
    )
    recall_notice_url: str | None = strawberry.field(
        description="The page the tracked links of a recalled content lead to; null: they answer 410 Gone."
    )
    version: int = strawberry.field(description="Send as `expectedVersion` to change the settings safely.")
    updated_at: datetime | None = strawberry.field(description="When an admin last saved them; null: the defaults.")


@strawberry.type(description="One published version of the programme charter.")
class CharterVersion(relay.Node):
    id: relay.NodeID[UUID]
    number: int = strawberry.field(description="1 for the first version; the highest number is in force.")
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(description="Markdown.")
    summary: str | None = strawberry.field(description="What changed since the previous version.")
    published_at: datetime = strawberry.field(description="When it was published, and came in force.")

    @described.field("REST's id of this version.")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="One problem in a caption; `start` and `end` index the text checked.")
class ComplianceViolation:
    code: ViolationCode = strawberry.field(description="What is wrong.")
    detail: str = strawberry.field(description="What is wrong, for people, and how to fix it.")
    start: int | None = strawberry.field(description="Where the problem starts (a code point index); null: missing.")
    end: int | None = strawberry.field(description="Where it ends, excluded; null when something is missing.")
    blocking: bool = strawberry.field(description="False for warnings (sensitive terms).")


@strawberry.type(description="The result of a caption check; `ok` is true when nothing blocks sharing.")
class ComplianceReport:
    ok: bool = strawberry.field(description="True when no violation blocks sharing.")
    violations: list[ComplianceViolation] = strawberry.field(description=VIOLATIONS_HELP)
    total_violations: int = strawberry.field(description=TOTAL_VIOLATIONS_HELP)
