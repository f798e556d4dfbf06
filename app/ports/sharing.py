"""Ports of sharing: shares, their figures' read model, the redirect's click store, visitor salts and bot detection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple, Protocol
from uuid import UUID

from app.domain.attribution.conversions import ConversionType
from app.domain.networks import Network
from app.domain.sharing.engagement import EngagementSnapshot
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import ClickKind, VisitorSalts
from app.ports.pagination import KeyKind, Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareFilter:
    """Every criterion given must hold; the period is ``created_from <= created_at < created_to``."""

    ambassador_id: UUID | None = None
    content_id: UUID | None = None
    campaign_id: UUID | None = None
    network: Network | None = None
    status: ShareStatus | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


class ShareSort(StrEnum):
    """Orders of shares (``-`` reverses one); ties go by id. ``posted_at``: a share not posted
    (an intent, a cancelled one) sorts after every date. ``id`` is the order they were started in."""

    ID = "id"
    ID_DESC = "-id"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    POSTED_AT = "posted_at"
    POSTED_AT_DESC = "-posted_at"


SHARE_SORT_KEYS: Mapping[str, tuple[KeyKind, ...]] = {
    "id": (),
    "created_at": (KeyKind.INSTANT,),
    "posted_at": (KeyKind.OPTIONAL_INSTANT,),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionTally:
    """Conversions of one type credited to a share: how many, and the credit they add up to
    (fractions under the linear model)."""

    count: int
    credit: Fraction


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareStats:
    """Counted clicks only: bots, ``HEAD``, prefetches and the ambassador's own clicks never count."""

    clicks: int = 0
    unique_clicks: int = 0
    conversions: Mapping[ConversionType, ConversionTally] = field(default_factory=dict)
    engagement: EngagementSnapshot | None = None


class ShareRepository(Protocol):
    async def add(self, share: Share) -> None:
        """Store a new share (its code is unique within its tenant, and starts with its link prefix)."""
        ...

    async def link_prefix(self) -> str:
        """The tenant's link prefix, which starts every share code it issues (never changes)."""
        ...

    async def save(self, share: Share) -> None: ...
    async def get(self, share_id: UUID, *, for_update: bool = False) -> Share | None: ...
    async def open_intent(self, ambassador_id: UUID, content_id: UUID, network: Network) -> Share | None:
        """The ambassador's share of this content on this network still at ``intent``, if any."""
        ...

    async def count_started(self, ambassador_id: UUID, network: Network, start: datetime, end: datetime) -> int:
        """The ambassador's shares on the network created in ``[start, end)``, cancelled ones aside."""
        ...

    async def list(self, criteria: ShareFilter, page: PageRequest) -> Page[Share]: ...
    async def latest_engagement(self, share_id: UUID) -> EngagementSnapshot | None:
        """The snapshot observed last (recorded last on a tie), if any."""
        ...

    async def remember_visitor(self, ambassador_id: UUID, day: date, visitor_hash: str) -> None:
        """Note the ambassador's own visitor digest for ``day``, so their clicks that day are flagged."""
        ...

    async def add_engagement(self, snapshot: EngagementSnapshot) -> None: ...


class ShareFiguresReader(Protocol):
    """The figures of shares, read apart from the share aggregate and its unit of work."""

    async def figures(self, tenant_id: UUID, share_ids: Sequence[UUID]) -> dict[UUID, ShareStats]:
        """Each share's counted and unique clicks, credited conversions by type and latest engagement,
        in one read whatever the number of shares. Ids that are no share of the tenant have no entry."""
        ...


class ClickToRecord(NamedTuple):
    """One request to ``/r/{code}``, as a click row would keep it (no address, no user agent).
    A named tuple, as ``ResolvedLink``: one is made on every redirect, for a third of a frozen dataclass's cost.

    ``visitor_hash`` is the visitor's digest under today's salt, compared with the ambassador's
    own digests of ``day`` (the UTC day of ``clicked_at``). ``network_hashes`` are the digests of
    the visitor's network under today's salt and yesterday's (today's first, the one stored).

    A click that is not the ambassador's own is judged against the *other* counted clicks on the
    link that are not the ambassador's own: an earlier one from the network (under either digest)
    less than ``UNIQUE_VISIT_WINDOW`` before makes it not unique; ``daily_cap`` of them from the
    network since the start of ``day`` make a counted click ``capped``.
    """

    code: ShareCode
    id: UUID
    clicked_at: datetime
    day: date
    kind: ClickKind
    visitor_hash: str
    network_hashes: tuple[str, ...]
    daily_cap: int

    @property
    def network_hash(self) -> str:
        return self.network_hashes[0]


class ResolvedLink(NamedTuple):
    """What the code leads to, and how the click was recorded (``capped``: a counted click
    recorded as ``capped`` instead, being beyond the network's cap). A named tuple: see ``ClickToRecord``.

    A link that is not ``live`` (its share cancelled, its content archived or recalled) records nothing:
    ``recorded`` is then false, and so are ``unique``, ``self_click`` and ``capped``. A recalled
    content's link is ``recalled``, with the tenant's recall notice page when it set one.
    """

    destination: str
    click_param: str
    live: bool
    recorded: bool
    unique: bool
    self_click: bool
    capped: bool
    recalled: bool = False
    notice_url: str | None = None


class ClickRecorder(Protocol):
    async def record(self, click: ClickToRecord) -> ResolvedLink | None:
        """Look the code up and, when its link is live, store the click, durably, before returning.
        None when no share has the code."""
        ...


class VisitorSaltStore(Protocol):
    async def salts(self, today: date) -> VisitorSalts:
        """Today's salt (created on first use; every replica gets the same) and yesterday's if kept."""
        ...


class BotDetector(Protocol):
    def is_bot(self, user_agent: str) -> bool:
        """True for a crawler, a link-preview fetcher or a script; synchronous, as it is on the
        redirect's path and must not wait on anything."""
        ...
