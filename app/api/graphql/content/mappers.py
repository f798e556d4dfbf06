"""Contents to GraphQL types, field by field (campaigns: ``campaign_mappers.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from app.api.graphql.content import enums
from app.api.graphql.content.types import Caption, Content, ContentLocale, ContentTransition, Media, Targeting
from app.domain import networks
from app.domain.content import contents
from app.domain.content import review_status as review
from app.domain.content import targeting as audience
from app.domain.content.locales import ContentLocale as DomainLocale


def captions_node(captions: Mapping[networks.Network, str]) -> list[Caption]:
    return [Caption(network=network, text=text) for network, text in captions.items()]


def locale_node(locale: DomainLocale) -> ContentLocale:
    return ContentLocale(
        language=locale.language, title=locale.title, body=locale.body, captions=captions_node(locale.captions)
    )


def targeting_node(targeting: audience.Targeting) -> Targeting:
    return Targeting(
        departments=list(targeting.departments),
        locations=list(targeting.locations),
        languages=list(targeting.languages),
    )


def content_node(content: contents.Content, now: datetime) -> Content:
    fields = content.fields
    default = fields.default_locale
    return Content(
        id=content.id,
        version=content.version,
        status=content.public_status(now),
        allowed_actions=[enums.ContentAction(action) for action in review.allowed_actions(content.status)],
        language=fields.language,
        title=default.title,
        body=default.body,
        captions=captions_node(default.captions),
        locales=[locale_node(locale) for locale in fields.locales],
        format=fields.format,
        objective=fields.objective,
        topics=list(fields.topics),
        link_url=fields.link_url,
        media=[Media(url=m.url, kind=m.kind, alt_text=m.alt_text) for m in fields.media],
        shareable=fields.shareable,
        pinned=fields.pinned,
        important=fields.important,
        publish_at=fields.publish_at,
        expires_at=fields.expires_at,
        published_at=content.live_from,
        targeting=targeting_node(fields.targeting),
        proposed=content.proposed,
        created_by=content.created_by,
        last_edited_by=content.last_edited_by,
        approved_at=content.approved_at,
        approved_by=content.approved_by,
        recalled_at=content.recalled.recalled_at if content.recalled else None,
        recalled_by=content.recalled.recalled_by if content.recalled else None,
        recall_reason=content.recalled.reason if content.recalled else None,
        created_at=content.created_at,
        updated_at=content.updated_at,
    )


def transition_node(line: review.ContentTransition) -> ContentTransition:
    return ContentTransition(
        version=line.version,
        occurred_at=line.at,
        actor=line.actor,
        action=line.action,
        from_status=line.from_status,
        to_status=line.to_status,
        reason=line.reason,
        override_cadence=line.override_cadence,
    )
