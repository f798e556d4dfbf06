"""GraphQL inputs of the programme's rules, converted to the same values REST sends the use cases.

The domain bounds every settings value itself, so both APIs accept exactly the same data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.api.graphql.programme.enums import ManagerMetricsScope
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import AttributionModel
from app.domain.errors import FieldError, ValidationFailed
from app.domain.metrics.valuation import MAX_RATE_MINOR
from app.domain.networks import CAPTION_LIMITS
from app.services.programme.check_caption import CheckCaptionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand

MAX_CAPTION = max(CAPTION_LIMITS.values())


@strawberry.input(description="A domain shared links may point to.")
class LinkDomainInput:
    domain: str = strawberry.field(description="The host name, such as `acme.example`.")
    include_subdomains: bool = strawberry.field(default=False, description="Also allow any of its subdomains.")


@strawberry.input(description="The text (often a hashtag) captions on a network must contain.")
class DisclosureInput:
    network: Network = strawberry.field(description="The network whose captions must contain it.")
    text: str = strawberry.field(description="The text, such as `#employee`.")


@strawberry.input(description="An amount on one network, in minor units of the programme's currency.")
class NetworkAmountInput:
    network: Network = strawberry.field(description="The network.")
    amount_minor: int = strawberry.field(description=f"0 to {MAX_RATE_MINOR}, in minor units (cents).")


@strawberry.input(description="The engagement rate of the brand's own channel on a network.")
class BrandEngagementRateInput:
    network: Network = strawberry.field(description="The network.")
    rate: float = strawberry.field(description="Above 0 and at most 1, six decimals at most: 0.021 for 2.1%.")


@strawberry.input(description="Only the fields sent change; a list sent replaces the stored one as a whole. No null.")
class SettingsChangesInput:
    networks: strawberry.Maybe[list[Network] | None] = strawberry.field(
        description="The networks ambassadors may share on."
    )
    link_domains: strawberry.Maybe[list[LinkDomainInput] | None] = strawberry.field(
        description="Where shared links may point; none listed means no link is allowed."
    )
    disclosures: strawberry.Maybe[list[DisclosureInput] | None] = strawberry.field(
        description="At most one per network."
    )
    sensitive_terms: strawberry.Maybe[list[str] | None] = strawberry.field(
        description="Terms a caption check warns about."
    )
    banned_terms: strawberry.Maybe[list[str] | None] = strawberry.field(description="Terms that block a caption.")
    weekly_content_budget: strawberry.Maybe[int | None] = strawberry.field(
        description="1 to 50 shareable contents approved for the same people within seven days."
    )
    four_eyes_review: strawberry.Maybe[bool | None] = strawberry.field(
        description="Refuse a content's approval to its author and last editor."
    )
    default_language: strawberry.Maybe[str | None] = strawberry.field(description="BCP 47 tag.")
    utm_medium: strawberry.Maybe[str | None] = strawberry.field(description="The `utm_medium` of shared links.")
    share_daily_limit: strawberry.Maybe[int | None] = strawberry.field(
        description="1 to 100 shares one ambassador may start per network and UTC day."
    )
    click_param: strawberry.Maybe[str | None] = strawberry.field(
        description="The landing pages' query parameter for the click reference; not starting with `utm_`."
    )
    attribution_window_days: strawberry.Maybe[int | None] = strawberry.field(
        description="1 to 365 days between a click (or a post) and a conversion credited to it."
    )
    attribution_model: strawberry.Maybe[AttributionModel | None] = strawberry.field(
        description="How a conversion's credit is shared."
    )
    time_zone: strawberry.Maybe[str | None] = strawberry.field(
        description="The IANA time zone leaderboard periods are cut in (Europe/Paris, UTC)."
    )
    challenge_winners: strawberry.Maybe[int | None] = strawberry.field(
        description="1 to 100: how many winners (top N, ties included) a challenge fixes."
    )
    digest_weekday: strawberry.Maybe[int | None] = strawberry.field(
        description="1 (Monday) to 7 (Sunday): the weekday the weekly digest leaves on."
    )
    digest_time: strawberry.Maybe[str | None] = strawberry.field(
        description="HH:MM: the local time, in timeZone, the weekly digest leaves at."
    )
    mass_termination_percent: strawberry.Maybe[int | None] = strawberry.field(
        description="0 to 100: the share of active employees a full roster import may terminate unconfirmed."
    )
    currency: strawberry.Maybe[str | None] = strawberry.field(
        description="ISO 4217 code, three capital letters: costs, conversion values and earned media are in it."
    )
    cpm_minor: strawberry.Maybe[list[NetworkAmountInput] | None] = strawberry.field(
        description="What a thousand impressions are worth on each network; one left out takes its default (the "
        "2024 platform averages, see docs/metrics.md). At most one per network."
    )
    cpc_minor: strawberry.Maybe[list[NetworkAmountInput] | None] = strawberry.field(
        description="What a counted click is worth on each network; one left out values clicks at nothing."
    )
    brand_engagement_rates: strawberry.Maybe[list[BrandEngagementRateInput] | None] = strawberry.field(
        description="The brand channels' own engagement rates; a network left out has none."
    )
    manager_metrics_scope: strawberry.Maybe[ManagerMetricsScope | None] = strawberry.field(
        description="What a manager (neither admin nor analyst) reads of the metrics."
    )
    required_training_modules: strawberry.Maybe[list[strawberry.ID] | None] = strawberry.field(
        description="The `id`s of the training modules an ambassador completes before sharing; empty: none."
    )
    recall_notice_url: strawberry.Maybe[str | None] = strawberry.field(
        description="The https page the tracked links of a recalled content lead to; null for none (410 Gone)."
    )


@strawberry.input(description="A new version of the charter.")
class CharterVersionInput:
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(description="Markdown.")
    summary: str | None = strawberry.field(default=None, description="What changed since the previous version.")


@strawberry.input(description="A caption to check; with `contentId`, that content's link must be in it.")
class CaptionCheckInput:
    network: Network = strawberry.field(description="The network it is for.")
    text: str = strawberry.field(description="The caption as it would be posted.")
    content_id: strawberry.ID | None = strawberry.field(
        default=None, description="The `id` of the content the caption is for; its link must then be in it."
    )


def settings_changes(data: SettingsChangesInput) -> dict[str, Any]:
    sent = sent_changes(data, clearable=("recall_notice_url",))
    changes: dict[str, Any] = dict(sent)
    if "attribution_model" in sent:
        changes["attribution_model"] = sent["attribution_model"].value
    if "networks" in sent:
        changes["networks"] = [network.value for network in sent["networks"]]
    if "link_domains" in sent:
        changes["link_domains"] = [
            {"domain": rule.domain, "include_subdomains": rule.include_subdomains} for rule in sent["link_domains"]
        ]
    if "disclosures" in sent:
        texts: dict[str, str] = {}
        for index, rule in enumerate(sent["disclosures"]):
            if rule.network.value in texts:
                error = FieldError(("disclosures", index, "network"), "Give one disclosure per network.")
                raise ValidationFailed("The settings are not valid.", [error])
            texts[rule.network.value] = rule.text
        changes["disclosures"] = texts
    if "required_training_modules" in sent:
        changes["required_training_modules"] = [
            uuid_of(value, "TrainingModule", ("required_training_modules", index))
            for index, value in enumerate(sent["required_training_modules"])
        ]
    if "manager_metrics_scope" in sent:
        changes["manager_metrics_scope"] = sent["manager_metrics_scope"].value
    for name in ("cpm_minor", "cpc_minor"):
        if name in sent:
            changes[name] = _per_network(name, [(item.network, item.amount_minor) for item in sent[name]])
    if "brand_engagement_rates" in sent:
        rates = [(item.network, Decimal(str(item.rate))) for item in sent["brand_engagement_rates"]]
        changes["brand_engagement_rates"] = _per_network("brand_engagement_rates", rates)
    return changes


def _per_network(name: str, items: list[tuple[Network, Any]]) -> dict[str, Any]:
    """A list of values per network as the settings document maps them; a network given twice is refused."""
    values: dict[str, Any] = {}
    for index, (network, value) in enumerate(items):
        if network.value in values:
            error = FieldError((name, index, "network"), "Give one value per network.")
            raise ValidationFailed("The settings are not valid.", [error])
        values[network.value] = value
    return values


def charter_version_command(data: CharterVersionInput) -> PublishCharterVersionCommand:
    return PublishCharterVersionCommand(title=data.title, body=data.body, summary=data.summary)


def caption_check_command(data: CaptionCheckInput) -> CheckCaptionCommand:
    if len(data.text) > MAX_CAPTION:
        raise ValidationFailed(
            "The caption is too long.", [FieldError(("text",), f"At most {MAX_CAPTION} characters.")]
        )
    content_id = optional_uuid_of(data.content_id, "Content", ("content_id",))
    return CheckCaptionCommand(network=data.network, text=data.text, content_id=content_id)
