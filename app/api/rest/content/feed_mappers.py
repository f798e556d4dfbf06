"""Feed pages to REST bodies."""

from __future__ import annotations

from app.api.pagination import encode_feed_cursor
from app.api.rest.content.feed_schemas import FEED_JSON, FeedItemOut, FeedOut
from app.ports.content import FeedItem, FeedPage


def feed_item_out(item: FeedItem) -> FeedItemOut:
    return {
        "id": item.id,
        "language": item.language,
        "title": item.title,
        "body": item.body,
        "format": item.format,
        "topics": list(item.topics),
        "objective": item.objective,
        "link_url": item.link_url,
        "media": [{"url": m.url, "kind": m.kind, "alt_text": m.alt_text} for m in item.media],
        "shareable": item.shareable,
        "pinned": item.pinned,
        "important": item.important,
        "published_at": item.published_at,
        "expires_at": item.expires_at,
        "captions": dict(item.captions),
        "campaigns": [
            {"id": c.id, "name": c.name, "slug": c.slug, "is_challenge": c.is_challenge} for c in item.campaigns
        ],
        "already_shared": item.already_shared,
    }


def feed_out(page: FeedPage) -> FeedOut:
    return {"items": [feed_item_out(item) for item in page.items], "next_cursor": encode_feed_cursor(page.next_cursor)}


def feed_json(page: FeedPage) -> bytes:
    return FEED_JSON.dump_json(feed_out(page))
