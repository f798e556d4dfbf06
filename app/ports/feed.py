"""The ambassador feed as a read model: who is reading, and one page of what they may share.

A reader port, not a repository: it returns frozen DTOs shaped for the page, read with as few
statements as the store allows (at most two per page in PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.ambassadors import MembershipStatus
from app.domain.content_fields import ContentFormat, Objective
from app.domain.content_locales import Media
from app.domain.networks import Network
from app.ports.pagination import DEFAULT_LIMIT


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedCursor:
    """The sort key of the last item read: the next page starts strictly after it."""

    pinned: bool
    important: bool
    live_from: datetime
    id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedReaderContext:
    """The employee linked to a token, their membership and what shapes their feed."""

    employee_id: UUID
    ambassador_id: UUID | None = None
    department: str | None
    location: str | None
    language: str | None
    membership: MembershipStatus | None
    preferred_languages: tuple[str, ...] = ()
    networks: frozenset[Network] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedQuery:
    """One page of the feed, for one audience, read at ``at``.

    ``language_ranges`` are the targeting ranges that reach the reader's language (empty when
    the roster has none); ``languages`` the locales to serve, best first; ``networks`` the
    networks whose captions are kept.
    """

    at: datetime
    department: str | None
    location: str | None
    language_ranges: tuple[str, ...]
    languages: tuple[str, ...]
    networks: tuple[Network, ...]
    after: FeedCursor | None = None
    limit: int = DEFAULT_LIMIT
    # Whose posted shares mark items ``already_shared``.
    ambassador_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedCampaign:
    id: UUID
    name: str
    slug: str
    is_challenge: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """A content as its reader gets it: in one language, with their networks' captions only."""

    id: UUID
    language: str
    title: str
    body: str
    format: ContentFormat
    objective: Objective | None
    topics: tuple[str, ...]
    link_url: str | None
    media: tuple[Media, ...]
    shareable: bool
    pinned: bool
    important: bool
    published_at: datetime
    expires_at: datetime | None
    captions: Mapping[Network, str] = field(default_factory=dict)
    campaigns: tuple[FeedCampaign, ...] = ()
    already_shared: bool = False

    @property
    def cursor(self) -> FeedCursor:
        return FeedCursor(pinned=self.pinned, important=self.important, live_from=self.published_at, id=self.id)


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: tuple[FeedItem, ...]
    next_cursor: FeedCursor | None


class FeedReader(Protocol):
    async def reader_context(self, tenant_id: UUID, subject: str) -> FeedReaderContext | None:
        """The employee whose ``idp_subject`` is ``subject`` with their membership, preferred
        languages and connected networks; None when no employee of the tenant has it."""
        ...

    async def page(self, tenant_id: UUID, query: FeedQuery) -> FeedPage:
        """Approved contents live at ``query.at`` and targeted to the audience, pinned first, then
        important, then newest (``live_from``, then id, descending), strictly after ``query.after``;
        ``next_cursor`` is set when more follow."""
        ...
