"""The metric reads over the in-memory database, for the use cases' unit tests.

The fake world runs no worker, so there are no rollups: it sums the committed posted shares and the
recorded clicks directly, by the same definitions (counted clicks that are not the ambassador's own,
facts under the hour they happened). Engagement, conversions, costs and the ledger are the
PostgreSQL reader's business and its integration tests'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from app.domain.metrics.figures import Basis, Figures
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.visitors import ClickKind
from app.ports.metrics import GroupKey, MetricBases
from tests.fake_storage import FakeDatabase


class FakeMetricsReader:
    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def bases(self, tenant_id: UUID, query: MetricsQuery) -> MetricBases:
        totals = self._read(tenant_id, query, None)
        rows = self._read(tenant_id, query, query.group_by) if query.group_by else {}
        return MetricBases(totals=totals.get("total", (GroupKey(key="total"), Basis()))[1], rows=list(rows.values()))

    def _read(
        self, tenant_id: UUID, query: MetricsQuery, grouping: Grouping | None
    ) -> dict[str, tuple[GroupKey, Basis]]:
        period = query.period
        shares = {share.id: share for (tenant, _), share in self._db.shares.items() if tenant == tenant_id}
        key_of = self._key(query, grouping)
        rows: dict[str, tuple[GroupKey, Basis]] = {}
        if grouping is None:
            rows["total"] = (GroupKey(key="total"), Basis(weeks=period.weeks))
        active: dict[str, set[UUID]] = {}

        def add(share: Share, at: datetime, figures: Figures) -> None:
            key = key_of(share, at)
            group, basis = rows.get(key) or (GroupKey(key=key), Basis(weeks=period.weeks))
            by_network = dict(basis.by_network)
            by_network[share.network.value] = by_network.get(share.network.value, Figures()) + figures
            rows[key] = (group, replace(basis, by_network=by_network))

        for share in shares.values():
            if share.status is ShareStatus.POSTED and share.posted_at and period.start <= share.posted_at < period.end:
                add(share, share.posted_at, Figures(posted_shares=1))
                active.setdefault(key_of(share, share.posted_at), set()).add(share.ambassador_id)
        for (tenant, _), click in self._db.clicks.items():
            clicked = shares.get(click.share_id)
            counted = click.kind is ClickKind.COUNTED and not click.is_self
            if tenant == tenant_id and clicked and counted and period.start <= click.clicked_at < period.end:
                add(clicked, click.clicked_at, Figures(clicks=1, unique_visitors=int(click.is_unique)))
        for key, (group, basis) in rows.items():
            rows[key] = (group, replace(basis, active_ambassadors=len(active.get(key, ()))))
        return rows

    @staticmethod
    def _key(query: MetricsQuery, grouping: Grouping | None) -> Callable[[Share, datetime], str]:
        period = query.period
        if grouping is None:
            return lambda _share, _at: "total"
        if grouping in TIME_GROUPINGS:
            return lambda _share, at: period.bucket_start(at.astimezone(period.zone).date(), grouping).isoformat()
        simple: dict[Grouping, Callable[[Share], str]] = {
            Grouping.NETWORK: lambda share: share.network.value,
            Grouping.LANGUAGE: lambda share: share.language,
            Grouping.AMBASSADOR: lambda share: str(share.ambassador_id),
            Grouping.CONTENT: lambda share: str(share.content_id),
            Grouping.CAMPAIGN: lambda share: str(share.campaign_id) if share.campaign_id else "none",
        }
        if grouping not in simple:
            raise NotImplementedError(f"The fake metrics do not group by {grouping.value}.")
        read = simple[grouping]
        return lambda share, _at: read(share)
