"""In-memory sharing adapters, behaving as the PostgreSQL ones do: shares with their engagement,
their figures' reader, and the daily visitor salts.

Clicks are written by the redirect, outside any unit of work; tests put them in
``FakeDatabase.clicks`` with ``add_click``. Credited conversions are read from the conversions
the fake conversion repository stores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from fractions import Fraction
from uuid import UUID

from app.domain.attribution.conversions import ConversionType
from app.domain.errors import Forbidden
from app.domain.networks import Network
from app.domain.sharing.engagement import EngagementSnapshot
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.tracked_links import BASE62, LINK_PREFIX_LENGTH
from app.domain.sharing.visitors import ClickKind, DailySalt, VisitorSalts
from app.ports.pagination import Page, PageRequest
from app.ports.sharing import SHARE_SORT_KEYS, ConversionTally, ShareFilter, ShareStats
from tests.fake_pages import Key, keyset_page
from tests.fake_storage import NO_TENANT, FakeDatabase, IntegrityViolationError, _Repository

SHARE_KEYS: dict[str, Key] = {
    "created_at": lambda share: (share.created_at,),
    "posted_at": lambda share: (share.posted_at,),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredClick:
    """A row of ``clicks``: no IP, no user agent, no employee."""

    tenant_id: UUID
    id: UUID
    share_id: UUID
    clicked_at: datetime
    visitor_hash: str
    network_hash: str
    kind: ClickKind
    is_unique: bool
    is_self: bool


def add_click(database: FakeDatabase, click: StoredClick) -> None:
    database.clicks[(click.tenant_id, click.id)] = click


def _matches(share: Share, criteria: ShareFilter) -> bool:
    wanted = (
        (criteria.ambassador_id, share.ambassador_id),
        (criteria.content_id, share.content_id),
        (criteria.campaign_id, share.campaign_id),
        (criteria.network, share.network),
        (criteria.status, share.status),
    )
    return (
        all(value is None or value == actual for value, actual in wanted)
        and (criteria.created_from is None or share.created_at >= criteria.created_from)
        and (criteria.created_to is None or share.created_at < criteria.created_to)
    )


def _stored(share: Share) -> Share:
    return replace(share, pending_events=[], updated_at=share.cancelled_at or share.posted_at or share.created_at)


class FakeShareRepository(_Repository):
    def _rows(self) -> list[Share]:
        return [share for share in self._tx.shares.rows() if share.tenant_id == self._tenant_id]

    def _check(self, share: Share) -> None:
        """The unique indexes, then the foreign keys, as PostgreSQL checks them."""
        others = [other for other in self._tx.shares.rows() if other.id != share.id]
        if any((other.tenant_id, other.code) == (share.tenant_id, share.code) for other in others):
            raise IntegrityViolationError(f"Another share of the tenant has the code {share.code}.")
        if share.status is ShareStatus.INTENT and any(
            other.status is ShareStatus.INTENT
            and (other.tenant_id, other.ambassador_id, other.content_id, other.network)
            == (share.tenant_id, share.ambassador_id, share.content_id, share.network)
            for other in others
        ):
            raise IntegrityViolationError("An open intent for this content and network exists.")
        if self._tx.tenants.get(share.tenant_id) is None:
            raise Forbidden(NO_TENANT)
        if self._tx.ambassadors.get((share.tenant_id, share.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {share.ambassador_id}.")
        if self._tx.contents.get((share.tenant_id, share.content_id)) is None:
            raise IntegrityViolationError(f"No content {share.content_id}.")
        if share.campaign_id is not None and self._tx.campaigns.get((share.tenant_id, share.campaign_id)) is None:
            raise IntegrityViolationError(f"No campaign {share.campaign_id}.")

    async def link_prefix(self) -> str:
        """Derived from the tenant's id here (PostgreSQL assigns one from a sequence): fixed per tenant."""
        number = self._tenant_id.int
        return "".join(BASE62[number // 62**place % 62] for place in range(LINK_PREFIX_LENGTH))

    async def add(self, share: Share) -> None:
        self._require_own(share.tenant_id)
        key = (share.tenant_id, share.id)
        if self._tx.shares.get(key) is not None:
            raise IntegrityViolationError(f"Share {share.id} already exists.")
        self._check(share)
        self._tx.shares.put(key, _stored(share))
        self._tracker.track(share)

    async def save(self, share: Share) -> None:
        self._require_own(share.tenant_id)
        key = (share.tenant_id, share.id)
        if self._tx.shares.get(key) is None:
            return
        self._check(share)
        self._tx.shares.put(key, _stored(share))
        self._tracker.track(share)

    async def get(self, share_id: UUID, *, for_update: bool = False) -> Share | None:
        found = self._tx.shares.get((self._tenant_id, share_id))
        return _stored(found) if found is not None else None

    async def open_intent(self, ambassador_id: UUID, content_id: UUID, network: Network) -> Share | None:
        criteria = ShareFilter(
            ambassador_id=ambassador_id, content_id=content_id, network=network, status=ShareStatus.INTENT
        )
        return next((_stored(share) for share in self._rows() if _matches(share, criteria)), None)

    async def count_started(self, ambassador_id: UUID, network: Network, start: datetime, end: datetime) -> int:
        criteria = ShareFilter(ambassador_id=ambassador_id, network=network, created_from=start, created_to=end)
        return sum(
            1 for share in self._rows() if _matches(share, criteria) and share.status is not ShareStatus.CANCELLED
        )

    async def list(self, criteria: ShareFilter, page: PageRequest) -> Page[Share]:
        found = (share for share in self._rows() if _matches(share, criteria))
        return keyset_page(found, page, SHARE_SORT_KEYS, SHARE_KEYS, copy=_stored)

    async def latest_engagement(self, share_id: UUID) -> EngagementSnapshot | None:
        latest: EngagementSnapshot | None = None
        for snapshot in self._tx.engagement_snapshots.rows():
            if (snapshot.tenant_id, snapshot.share_id) == (self._tenant_id, share_id) and snapshot.supersedes(latest):
                latest = snapshot
        return latest

    async def remember_visitor(self, ambassador_id: UUID, day: date, visitor_hash: str) -> None:
        if self._tx.ambassadors.get((self._tenant_id, ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {ambassador_id}.")
        key = (self._tenant_id, ambassador_id, day, visitor_hash)
        self._tx.ambassador_visitors.put(key, key)

    async def add_engagement(self, snapshot: EngagementSnapshot) -> None:
        self._require_own(snapshot.tenant_id)
        if self._tx.shares.get((snapshot.tenant_id, snapshot.share_id)) is None:
            raise IntegrityViolationError(f"No share {snapshot.share_id}.")
        counts = (snapshot.impressions, snapshot.reactions, snapshot.comments, snapshot.reshares)
        if min(counts) < 0:
            raise IntegrityViolationError("Engagement counts are never negative.")
        self._tx.engagement_snapshots.put((snapshot.tenant_id, snapshot.id), snapshot)


class FakeShareFiguresReader:
    """Figures as the PostgreSQL reader counts them, from what has been committed."""

    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def figures(self, tenant_id: UUID, share_ids: Sequence[UUID]) -> dict[UUID, ShareStats]:
        counted: dict[UUID, list[StoredClick]] = defaultdict(list)
        for click in self._db.clicks.values():
            if click.tenant_id == tenant_id and click.kind is ClickKind.COUNTED and not click.is_self:
                counted[click.share_id].append(click)
        weights: dict[UUID, dict[ConversionType, list[Fraction]]] = defaultdict(lambda: defaultdict(list))
        for record in self._db.conversions.values():
            if record.tenant_id == tenant_id:
                for credit in record.credits:
                    weights[credit.share_id][record.conversion.type].append(credit.weight)
        latest: dict[UUID, EngagementSnapshot] = {}
        for snapshot in self._db.engagement_snapshots.values():
            if snapshot.tenant_id == tenant_id and snapshot.supersedes(latest.get(snapshot.share_id)):
                latest[snapshot.share_id] = snapshot
        return {
            share_id: ShareStats(
                clicks=len(counted[share_id]),
                unique_clicks=sum(1 for click in counted[share_id] if click.is_unique),
                conversions={
                    kind: ConversionTally(count=len(parts), credit=sum(parts, Fraction(0)))
                    for kind, parts in sorted(weights[share_id].items())
                },
                engagement=latest.get(share_id),
            )
            for share_id in dict.fromkeys(share_ids)
            if (tenant_id, share_id) in self._db.shares
        }


class FakeVisitorSaltStore:
    """Creates each day's salt on first use and forgets those older than yesterday, as PostgreSQL does."""

    def __init__(self) -> None:
        self.days: dict[date, DailySalt] = {}
        self.calls = 0

    async def salts(self, today: date) -> VisitorSalts:
        self.calls += 1
        yesterday = today - timedelta(days=1)
        if today not in self.days:
            self.days[today] = DailySalt.generate(today)
            self.days = {day: salt for day, salt in self.days.items() if day >= yesterday}
        return VisitorSalts(current=self.days[today], previous=self.days.get(yesterday))
