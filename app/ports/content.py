"""Ports of content: contents (with their history) and the ambassador feed's read model; campaigns
have theirs in ``app/ports/campaigns.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from app.domain.content.cadence import Scheduled
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.contents import Content
from app.domain.content.locales import Media
from app.domain.content.review_status import ContentTransition, PublicStatus
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.pagination import DEFAULT_LIMIT, KeyKind, Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentFilter:
    """``status`` is the status clients read, so ``published`` and ``expired`` are judged at ``at``
    (the use case sets it to now)."""

    at: datetime | None = None
    status: PublicStatus | None = None
    format: ContentFormat | None = None
    topic: str | None = None
    campaign_id: UUID | None = None
    language: str | None = None
    objective: Objective | None = None
    created_by: str | None = None


class ContentSort(StrEnum):
    """Orders of contents (``-`` reverses one); ties go by id. ``publish_at`` is the publication
    asked for: a content with none sorts after every date. ``id`` is the order they were written in."""

    ID = "id"
    ID_DESC = "-id"
    PUBLISH_AT = "publish_at"
    PUBLISH_AT_DESC = "-publish_at"


CONTENT_SORT_KEYS: Mapping[str, tuple[KeyKind, ...]] = {"id": (), "publish_at": (KeyKind.OPTIONAL_INSTANT,)}


def judged_at(at: datetime | None) -> datetime:
    if at is None:
        raise ValueError("A filter on a derived status needs the instant it is judged at.")
    return at


class ContentRepository(Protocol):
    async def add(self, content: Content) -> None:
        """Store a new content and the first lines of its history."""
        ...

    async def save(self, content: Content) -> None:
        """Store the content's changes and append its new history lines."""
        ...

    async def get(self, content_id: UUID, *, for_update: bool = False) -> Content | None: ...
    async def get_many(self, content_ids: Sequence[UUID]) -> list[Content]: ...
    async def pages_by_campaign(self, campaign_ids: Sequence[UUID], page: PageRequest) -> dict[UUID, Page[Content]]:
        """The same page of each campaign's contents, in one read; a campaign with none maps to an empty page."""
        ...

    async def history(self, content_id: UUID) -> list[ContentTransition]:
        """Every transition, oldest first."""
        ...

    async def histories(self, content_ids: Sequence[UUID]) -> dict[UUID, list[ContentTransition]]:
        """Each content's transitions, oldest first, in one read."""
        ...

    async def lock_schedule(self) -> None:
        """Serialise approvals in this tenant until the transaction ends: the cadence reads, then writes."""
        ...

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Scheduled]:
        """Approved shareable contents going live in ``[start, end)``."""
        ...

    async def list(self, criteria: ContentFilter, page: PageRequest) -> Page[Content]: ...


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
