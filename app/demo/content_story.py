"""What a content of the ``demo`` programme is made of, and the demo company's addresses its links
point to. The contents themselves are in ``campaign_content_story.py`` and ``company_content_story.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.demo.story_clock import at
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import ContentLocale, Media
from app.domain.content.targeting import Targeting
from app.domain.networks import Network

SITE = "https://www.demo.relais.example"
BLOG = "https://blog.demo.relais.example"
EVENTS = "https://events.demo.relais.example"
CDN = "https://cdn.demo.relais.example"
CAREERS = "https://careers.demo-company.example"


def locale(language: str, title: str, body: str, *, linkedin: str | None = None, x: str | None = None) -> ContentLocale:
    captions = {network: text for network, text in ((Network.LINKEDIN, linkedin), (Network.X, x)) if text}
    return ContentLocale(language=language, title=title, body=body, captions=captions)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoContent:
    """A content and its story: written by the programme manager (or proposed by an ambassador),
    then sent to review, approved or rejected, archived, on the days given."""

    key: str
    locales: tuple[ContentLocale, ...]
    format: ContentFormat
    objective: Objective | None = None
    topics: tuple[str, ...] = ()
    link_url: str | None = None
    media: tuple[Media, ...] = ()
    targeting: Targeting = field(default_factory=Targeting)
    shareable: bool = True
    pinned: bool = False
    important: bool = False
    campaigns: tuple[str, ...] = ()
    proposed_by: str | None = None  # an ambassador's slug
    written: float
    publish: float | None = None
    expire: float | None = None
    submitted: float | None = None
    approved: float | None = None
    rejected: float | None = None
    reason: str | None = None
    archived: float | None = None

    @property
    def language(self) -> str:
        return self.locales[0].language

    def values(self, present: datetime) -> dict[str, Any]:
        """The fields as CreateContent takes them."""
        return {
            "locales": self.locales,
            "format": self.format,
            "objective": self.objective,
            "topics": self.topics,
            "link_url": self.link_url,
            "media": self.media,
            "targeting": self.targeting,
            "shareable": self.shareable,
            "pinned": self.pinned,
            "important": self.important,
            "publish_at": at(present, self.publish) if self.publish is not None else None,
            "expires_at": at(present, self.expire) if self.expire is not None else None,
        }
