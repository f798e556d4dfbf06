"""PostgreSQL repository of shares and their engagement; scoped to the tenant."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.keyset import Orders
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.tables import TenantRow
from app.adapters.postgres.sharing.tables import AmbassadorVisitorRow, EngagementSnapshotRow, ShareRow
from app.domain.networks import Network
from app.domain.sharing.engagement import EngagementSnapshot, EngagementSource
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.tracked_links import ShareCode
from app.ports.pagination import Page, PageRequest
from app.ports.sharing import SHARE_SORT_KEYS, ShareFilter

shares: sa.Table = ShareRow.__table__  # type: ignore[attr-defined]
visitors: sa.Table = AmbassadorVisitorRow.__table__  # type: ignore[attr-defined]
engagement: sa.Table = EngagementSnapshotRow.__table__  # type: ignore[attr-defined]
tenants: sa.Table = TenantRow.__table__  # type: ignore[attr-defined]
SHARE_ORDERS = Orders(
    kinds=SHARE_SORT_KEYS, columns={"created_at": (shares.c.created_at,), "posted_at": (shares.c.posted_at,)}
)

CHANGING_COLUMNS = ("status", "post_url", "posted_at", "cancelled_at", "potential_reach", "version")


def share_values(share: Share) -> dict[str, Any]:
    return {
        "tenant_id": share.tenant_id,
        "id": share.id,
        "code": share.code.value,
        "ambassador_id": share.ambassador_id,
        "content_id": share.content_id,
        "campaign_id": share.campaign_id,
        "network": share.network.value,
        "language": share.language,
        "caption": share.caption,
        "status": share.status.value,
        "destination": share.destination,
        "click_param": share.click_param,
        "post_url": share.post_url,
        "created_at": share.created_at,
        "posted_at": share.posted_at,
        "cancelled_at": share.cancelled_at,
        "potential_reach": share.potential_reach,
        "version": share.version,
    }


def share_from_row(row: Any) -> Share:
    return Share(
        id=row.id,
        tenant_id=row.tenant_id,
        code=ShareCode(row.code),
        ambassador_id=row.ambassador_id,
        content_id=row.content_id,
        campaign_id=row.campaign_id,
        network=Network(row.network),
        language=row.language,
        caption=row.caption,
        status=ShareStatus(row.status),
        destination=row.destination,
        click_param=row.click_param,
        post_url=row.post_url,
        created_at=row.created_at,
        posted_at=row.posted_at,
        cancelled_at=row.cancelled_at,
        potential_reach=row.potential_reach,
        updated_at=row.cancelled_at or row.posted_at or row.created_at,
        version=row.version,
    )


def snapshot_values(snapshot: EngagementSnapshot) -> dict[str, Any]:
    return {
        "tenant_id": snapshot.tenant_id,
        "id": snapshot.id,
        "share_id": snapshot.share_id,
        "observed_at": snapshot.observed_at,
        "impressions": snapshot.impressions,
        "reactions": snapshot.reactions,
        "comments": snapshot.comments,
        "reshares": snapshot.reshares,
        "recorded_at": snapshot.recorded_at,
        "recorded_by": snapshot.recorded_by,
        "source": snapshot.source.value,
    }


def snapshot_from_row(row: Any) -> EngagementSnapshot:
    return EngagementSnapshot(
        id=row.id,
        tenant_id=row.tenant_id,
        share_id=row.share_id,
        observed_at=row.observed_at,
        impressions=row.impressions,
        reactions=row.reactions,
        comments=row.comments,
        reshares=row.reshares,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        source=EngagementSource(row.source),
    )


class PostgresShareRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(shares).where(shares.c.tenant_id == self._tenant_id)

    async def add(self, share: Share) -> None:
        self._require_own(share.tenant_id)
        await self._write(sa.insert(shares).values(share_values(share)), share)

    async def link_prefix(self) -> str:
        statement = sa.select(tenants.c.link_prefix).where(tenants.c.id == self._tenant_id)
        return str((await self._session.execute(statement)).scalar_one())

    async def save(self, share: Share) -> None:
        self._require_own(share.tenant_id)
        values = {name: value for name, value in share_values(share).items() if name in CHANGING_COLUMNS}
        statement = (
            sa.update(shares).where(shares.c.tenant_id == self._tenant_id, shares.c.id == share.id).values(values)
        )
        await self._write(statement, share)

    async def get(self, share_id: UUID, *, for_update: bool = False) -> Share | None:
        statement = self._select().where(shares.c.id == share_id)
        return await self._one(statement.with_for_update() if for_update else statement, share_from_row)

    async def open_intent(self, ambassador_id: UUID, content_id: UUID, network: Network) -> Share | None:
        c = shares.c
        statement = self._select().where(
            c.ambassador_id == ambassador_id,
            c.content_id == content_id,
            c.network == network.value,
            c.status == ShareStatus.INTENT.value,
        )
        return await self._one(statement, share_from_row)

    async def count_started(self, ambassador_id: UUID, network: Network, start: datetime, end: datetime) -> int:
        c = shares.c
        statement = sa.select(sa.func.count()).where(
            c.tenant_id == self._tenant_id,
            c.ambassador_id == ambassador_id,
            c.network == network.value,
            c.created_at >= start,
            c.created_at < end,
            c.status != ShareStatus.CANCELLED.value,
        )
        return int((await self._session.execute(statement)).scalar_one())

    async def list(self, criteria: ShareFilter, page: PageRequest) -> Page[Share]:
        c = shares.c
        statement = self._select()
        conditions = {
            c.ambassador_id: criteria.ambassador_id,
            c.content_id: criteria.content_id,
            c.campaign_id: criteria.campaign_id,
            c.network: criteria.network.value if criteria.network else None,
            c.status: criteria.status.value if criteria.status else None,
        }
        for column, value in conditions.items():
            if value is not None:
                statement = statement.where(column == value)
        if criteria.created_from is not None:
            statement = statement.where(c.created_at >= criteria.created_from)
        if criteria.created_to is not None:
            statement = statement.where(c.created_at < criteria.created_to)
        return await self._page(statement, c.id, page, share_from_row, SHARE_ORDERS)

    async def latest_engagement(self, share_id: UUID) -> EngagementSnapshot | None:
        statement = (
            sa.select(engagement)
            .where(engagement.c.tenant_id == self._tenant_id, engagement.c.share_id == share_id)
            .order_by(
                # The integration's figures win over the ambassador's (``EngagementSnapshot.supersedes``).
                sa.case((engagement.c.source == EngagementSource.INTEGRATION.value, 0), else_=1),
                engagement.c.observed_at.desc(),
                engagement.c.recorded_at.desc(),
                engagement.c.id.desc(),
            )
            .limit(1)
        )
        return await self._one(statement, snapshot_from_row)

    async def remember_visitor(self, ambassador_id: UUID, day: date, visitor_hash: str) -> None:
        values = {
            "tenant_id": self._tenant_id,
            "ambassador_id": ambassador_id,
            "day": day,
            "visitor_hash": visitor_hash,
        }
        await self._session.execute(insert(visitors).values(values).on_conflict_do_nothing())

    async def add_engagement(self, snapshot: EngagementSnapshot) -> None:
        self._require_own(snapshot.tenant_id)
        await self._write(sa.insert(engagement).values(snapshot_values(snapshot)))
