"""GraphQL inputs of the programme's rules, converted to the same values REST sends the use cases.

The domain bounds every settings value itself, so both APIs accept exactly the same data.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import AttributionModel
from app.domain.errors import FieldError, ValidationFailed
from app.domain.networks import CAPTION_LIMITS
from app.domain.networks import Network as DomainNetwork
from app.services.programme.check_caption import CheckCaptionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand

MAX_CAPTION = max(CAPTION_LIMITS.values())


@strawberry.input(description="A domain shared links may point to.")
class LinkDomainInput:
    domain: str
    include_subdomains: bool = strawberry.field(default=False, description="Also allow any of its subdomains.")


@strawberry.input(description="The text (often a hashtag) captions on a network must contain.")
class DisclosureInput:
    network: Network
    text: str


@strawberry.input(description="Only the fields sent change; a list sent replaces the stored one as a whole.")
class SettingsChangesInput:
    networks: strawberry.Maybe[list[Network] | None]
    link_domains: strawberry.Maybe[list[LinkDomainInput] | None] = strawberry.field(
        description="Where shared links may point; none listed means no link is allowed."
    )
    disclosures: strawberry.Maybe[list[DisclosureInput] | None] = strawberry.field(
        description="At most one per network."
    )
    sensitive_terms: strawberry.Maybe[list[str] | None]
    banned_terms: strawberry.Maybe[list[str] | None]
    weekly_content_budget: strawberry.Maybe[int | None] = strawberry.field(description="1 to 50.")
    four_eyes_review: strawberry.Maybe[bool | None]
    default_language: strawberry.Maybe[str | None] = strawberry.field(description="BCP 47 tag.")
    utm_medium: strawberry.Maybe[str | None]
    share_daily_limit: strawberry.Maybe[int | None] = strawberry.field(description="1 to 100.")
    click_param: strawberry.Maybe[str | None] = strawberry.field(description="Not starting with `utm_`.")
    attribution_window_days: strawberry.Maybe[int | None] = strawberry.field(description="1 to 365.")
    attribution_model: strawberry.Maybe[AttributionModel | None]


@strawberry.input(description="A new version of the charter.")
class CharterVersionInput:
    title: str
    body: str = strawberry.field(description="Markdown.")
    summary: str | None = strawberry.field(default=None, description="What changed since the previous version.")


@strawberry.input(description="A caption to check; with `contentId`, that content's link must be in it.")
class CaptionCheckInput:
    network: Network
    text: str
    content_id: UUID | None = None


def settings_changes(data: SettingsChangesInput) -> dict[str, Any]:
    # No setting can be cleared: each always has a value, the default until changed.
    sent = sent_changes(data, not_clearable=[name for name in vars(data) if not name.startswith("_")])
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
    return CheckCaptionCommand(network=DomainNetwork(data.network.value), text=data.text, content_id=data.content_id)
