"""GraphQL inputs of the programme's rules, converted to the same values REST sends the use cases.

The domain bounds every settings value itself, so both APIs accept exactly the same data.
"""

from __future__ import annotations

from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.global_ids import optional_uuid_of
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import AttributionModel
from app.domain.errors import FieldError, ValidationFailed
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
    sent = sent_changes(data)
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
    return changes


def charter_version_command(data: CharterVersionInput) -> PublishCharterVersionCommand:
    return PublishCharterVersionCommand(title=data.title, body=data.body, summary=data.summary)


def caption_check_command(data: CaptionCheckInput) -> CheckCaptionCommand:
    if len(data.text) > MAX_CAPTION:
        raise ValidationFailed(
            "The caption is too long.", [FieldError(("text",), f"At most {MAX_CAPTION} characters.")]
        )
    content_id = optional_uuid_of(data.content_id, "Content", ("content_id",))
    return CheckCaptionCommand(network=data.network, text=data.text, content_id=content_id)
