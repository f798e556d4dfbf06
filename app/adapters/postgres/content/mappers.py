"""Rows of contents and their history to domain objects, and back (campaigns: ``campaign_mappers.py``)."""

from __future__ import annotations

from typing import Any

from app.domain.community.recall import Recall
from app.domain.content.content_fields import ContentFields, ContentFormat, Objective
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale, Media, MediaKind
from app.domain.content.review_status import ContentAction, ContentStatus, ContentTransition
from app.domain.content.targeting import Targeting
from app.domain.networks import Network


def locales_document(fields: ContentFields) -> dict[str, Any]:
    """``{language: {title, body, captions: {network: text}}}``, what the feed reads by language."""
    return {
        locale.language: {
            "title": locale.title,
            "body": locale.body,
            "captions": {network.value: text for network, text in locale.captions.items()},
        }
        for locale in fields.locales
    }


def locales_from_document(document: dict[str, Any], default_language: str) -> tuple[ContentLocale, ...]:
    locales = [
        ContentLocale(
            language=language,
            title=text["title"],
            body=text["body"],
            captions={network: text["captions"][network.value] for network in Network if network in text["captions"]},
        )
        for language, text in document.items()
    ]
    default = [locale for locale in locales if locale.language == default_language]
    return (*default, *sorted((locale for locale in locales if locale not in default), key=lambda x: x.language))


def content_values(content: Content) -> dict[str, Any]:
    fields = content.fields
    return {
        "tenant_id": content.tenant_id,
        "id": content.id,
        "status": content.status.value,
        "format": fields.format.value,
        "objective": fields.objective.value if fields.objective else None,
        "language": fields.language,
        "locales": locales_document(fields),
        "topics": list(fields.topics),
        "link_url": fields.link_url,
        "media": [{"url": m.url, "kind": m.kind.value, "alt_text": m.alt_text} for m in fields.media],
        "shareable": fields.shareable,
        "pinned": fields.pinned,
        "important": fields.important,
        "publish_at": fields.publish_at,
        "expire_at": fields.expires_at,
        "live_from": content.live_from,
        **targeting_values(fields.targeting),
        "proposed": content.proposed,
        "created_by": content.created_by,
        "last_edited_by": content.last_edited_by,
        "approved_at": content.approved_at,
        "approved_by": content.approved_by,
        "recalled_at": content.recalled.recalled_at if content.recalled else None,
        "recalled_by": content.recalled.recalled_by if content.recalled else None,
        "recall_reason": content.recalled.reason if content.recalled else None,
        "version": content.version,
        "created_at": content.created_at,
        "updated_at": content.updated_at,
    }


def content_from_row(row: Any) -> Content:
    return Content(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=ContentFields(
            language=row.language,
            locales=locales_from_document(row.locales, row.language),
            format=ContentFormat(row.format),
            objective=Objective(row.objective) if row.objective else None,
            topics=tuple(row.topics),
            link_url=row.link_url,
            media=tuple(Media(url=m["url"], kind=MediaKind(m["kind"]), alt_text=m["alt_text"]) for m in row.media),
            shareable=row.shareable,
            pinned=row.pinned,
            important=row.important,
            publish_at=row.publish_at,
            expires_at=row.expire_at,
            targeting=targeting_from_row(row),
        ),
        status=ContentStatus(row.status),
        proposed=row.proposed,
        created_by=row.created_by,
        last_edited_by=row.last_edited_by,
        approved_at=row.approved_at,
        approved_by=row.approved_by,
        recalled=(
            Recall(reason=row.recall_reason, recalled_by=row.recalled_by, recalled_at=row.recalled_at)
            if row.recalled_at is not None
            else None
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def transition_values(transition: ContentTransition) -> dict[str, Any]:
    return {
        "content_id": transition.content_id,
        "version": transition.version,
        "at": transition.at,
        "actor": transition.actor,
        "action": transition.action.value,
        "from_status": transition.from_status.value if transition.from_status else None,
        "to_status": transition.to_status.value,
        "reason": transition.reason,
        "override_cadence": transition.override_cadence,
    }


def transition_from_row(row: Any) -> ContentTransition:
    return ContentTransition(
        content_id=row.content_id,
        version=row.version,
        at=row.at,
        actor=row.actor,
        action=ContentAction(row.action),
        from_status=ContentStatus(row.from_status) if row.from_status else None,
        to_status=ContentStatus(row.to_status),
        reason=row.reason,
        override_cadence=row.override_cadence,
    )


def targeting_values(targeting: Targeting) -> dict[str, list[str]]:
    return {
        "target_departments": list(targeting.departments),
        "target_locations": list(targeting.locations),
        "target_languages": list(targeting.languages),
    }


def targeting_from_row(row: Any) -> Targeting:
    return Targeting(
        departments=tuple(row.target_departments),
        locations=tuple(row.target_locations),
        languages=tuple(row.target_languages),
    )
