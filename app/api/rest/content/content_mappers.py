"""Contents between REST bodies and the domain (campaigns: ``campaign_mappers.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.api.rest.content.content_schemas import (
    ContentFieldsBody,
    ContentOut,
    ContentTransitionOut,
    LocaleBody,
    LocaleOut,
    MediaBody,
    MediaOut,
    TargetingBody,
    TargetingOut,
)
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale, Media
from app.domain.content.review_status import ContentTransition, allowed_actions
from app.domain.content.targeting import Targeting


def targeting(body: TargetingBody) -> Targeting:
    return Targeting(
        departments=tuple(body.departments), locations=tuple(body.locations), languages=tuple(body.languages)
    )


def _locale(body: LocaleBody) -> ContentLocale:
    return ContentLocale(language=body.language, title=body.title, body=body.body, captions=dict(body.captions))


def _media(body: MediaBody) -> Media:
    return Media(url=body.url, kind=body.kind, alt_text=body.alt_text)


def content_values(body: ContentFieldsBody) -> dict[str, Any]:
    """The fields sent, as the domain names and types them (``language`` apart: it may default)."""
    values: dict[str, Any] = {}
    for name in body.model_fields_set - {"language"}:
        value = getattr(body, name)
        if name == "locales":
            value = tuple(_locale(item) for item in value)
        elif name == "media":
            value = tuple(_media(item) for item in value)
        elif name == "targeting":
            value = targeting(value)
        elif name in ("topics",):
            value = tuple(value)
        elif name == "captions":
            value = dict(value)
        values[name] = value
    return values


def content_changes(body: ContentFieldsBody) -> dict[str, Any]:
    values = content_values(body)
    if "language" in body.model_fields_set:
        values["language"] = body.language
    return values


def targeting_out(value: Targeting) -> TargetingOut:
    return TargetingOut(
        departments=list(value.departments), locations=list(value.locations), languages=list(value.languages)
    )


def content_out(content: Content, now: datetime) -> ContentOut:
    fields = content.fields
    default = fields.default_locale
    return ContentOut(
        id=content.id,
        status=content.public_status(now),
        allowed_actions=allowed_actions(content.status),
        language=fields.language,
        title=default.title,
        body=default.body,
        captions=dict(default.captions),
        locales=[
            LocaleOut(language=item.language, title=item.title, body=item.body, captions=dict(item.captions))
            for item in fields.locales
        ],
        format=fields.format,
        objective=fields.objective,
        topics=list(fields.topics),
        link_url=fields.link_url,
        media=[MediaOut(url=item.url, kind=item.kind, alt_text=item.alt_text) for item in fields.media],
        shareable=fields.shareable,
        pinned=fields.pinned,
        important=fields.important,
        publish_at=fields.publish_at,
        expires_at=fields.expires_at,
        published_at=content.live_from,
        targeting=targeting_out(fields.targeting),
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


def transition_out(line: ContentTransition) -> ContentTransitionOut:
    return ContentTransitionOut(
        version=line.version,
        occurred_at=line.at,
        actor=line.actor,
        action=line.action,
        from_status=line.from_status,
        to_status=line.to_status,
        reason=line.reason,
        override_cadence=line.override_cadence,
    )
