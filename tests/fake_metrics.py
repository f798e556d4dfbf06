"""The metric reads over the in-memory database, for the use cases' unit tests, and the fakes of the
programme's costs and of the audience history.

The fake world runs no worker, so there are no rollups: it sums the committed posted shares and the
recorded clicks directly, by the same definitions (counted clicks that are not the ambassador's own,
facts under the hour they happened). Engagement, conversions, costs and the ledger are the
PostgreSQL reader's business and its integration tests'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.costs import ProgrammeCost
from app.domain.metrics.figures import Basis, Figures
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.visitors import ClickKind
from app.ports.metrics import AudiencePage, CostFilter, GroupKey, MetricBases
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import FakeDatabase, IntegrityViolationError, _Repository


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
                add(share, share.posted_at, Figures(posted_shares=1, potential_reach=share.potential_reach or 0))
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


def _stored_cost(cost: ProgrammeCost) -> ProgrammeCost:
    return replace(cost, pending_events=[])


class FakeProgrammeCostRepository(_Repository):
    def _check(self, cost: ProgrammeCost) -> None:
        self._require_own(cost.tenant_id)
        self._require_tenant_row(cost.tenant_id)
        if cost.fields.amount_minor < 0:
            raise IntegrityViolationError("A cost's amount cannot be negative.")

    async def add(self, cost: ProgrammeCost) -> None:
        self._check(cost)
        key = (cost.tenant_id, cost.id)
        if self._tx.programme_costs.get(key) is not None:
            raise IntegrityViolationError(f"Programme cost {cost.id} already exists.")
        self._tx.programme_costs.put(key, _stored_cost(cost))
        self._tracker.track(cost)

    async def save(self, cost: ProgrammeCost) -> None:
        self._check(cost)
        key = (cost.tenant_id, cost.id)
        if self._tx.programme_costs.get(key) is not None:
            self._tx.programme_costs.put(key, _stored_cost(cost))
        self._tracker.track(cost)

    async def get(self, cost_id: UUID, *, for_update: bool = False) -> ProgrammeCost | None:
        found = self._tx.programme_costs.get((self._tenant_id, cost_id))
        return _stored_cost(found) if found is not None else None

    async def remove(self, cost_id: UUID) -> None:
        key = (self._tenant_id, cost_id)
        if self._tx.programme_costs.get(key) is not None:
            self._tx.programme_costs.delete(key)

    async def list(self, criteria: CostFilter, page: PageRequest) -> Page[ProgrammeCost]:
        def kept(cost: ProgrammeCost) -> bool:
            day, line = cost.fields.incurred_on, cost.fields.budget_line
            return (
                cost.tenant_id == self._tenant_id
                and (criteria.first_day is None or day >= criteria.first_day)
                and (criteria.last_day is None or day <= criteria.last_day)
                and (criteria.budget_line is None or line is criteria.budget_line)
            )

        return keyset_page([cost for cost in self._tx.programme_costs.rows() if kept(cost)], page, copy=_stored_cost)


class FakeAudienceHistory(_Repository):
    async def record(self, observation: AudienceObservation) -> None:
        self._require_own(observation.tenant_id)
        if self._tx.social_accounts.get((observation.tenant_id, observation.social_account_id)) is None:
            raise IntegrityViolationError(f"No social account {observation.social_account_id}.")
        if observation.audience_size < 0:
            raise IntegrityViolationError("An audience cannot be negative.")
        key = (observation.tenant_id, observation.social_account_id, observation.observed_at)
        self._tx.audience_observations.put(key, observation)

    async def list(self, social_account_id: UUID, before: datetime | None, limit: int) -> AudiencePage:
        found = sorted(
            (
                row
                for row in self._tx.audience_observations.rows()
                if (row.tenant_id, row.social_account_id) == (self._tenant_id, social_account_id)
                and (before is None or row.observed_at < before)
            ),
            key=lambda row: row.observed_at,
            reverse=True,
        )
        kept = found[:limit]
        return AudiencePage(items=kept, next_before=kept[-1].observed_at if len(found) > limit else None)
