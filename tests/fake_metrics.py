"""The metric reads over the in-memory database, for the use cases' unit tests, and the fakes of the
programme's costs and of the audience history.

The fake world runs no worker, so there are no rollups: it sums the committed posted shares and the
recorded clicks directly, by the same definitions (counted clicks that are not the ambassador's own,
facts under the hour they happened), and the ledger's points. It narrows reads as the PostgreSQL
reader does (a department, one ambassador, members shown on boards). It scores the survey answers
given in the period too (an anonymous one only in totals and time series of everyone). Engagement,
conversions, costs and the roster are the PostgreSQL reader's business and its integration tests'.

Audience observations, which the fake world has no use case to write, are set directly in
``FakeDatabase.audience_observations``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.community.surveys import Survey
from app.domain.community.surveys_answers import DETRACTORS, PROMOTERS, SurveyAnswer
from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.costs import ProgrammeCost
from app.domain.metrics.figures import Basis, Figures, Scores
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import TIME_GROUPINGS, Grouping, MetricsQuery, Period
from app.domain.rewards.badges import EarnedBadge
from app.domain.rewards.ledger import EntryKind, EntryStatus
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.visitors import ClickKind
from app.ports.metrics import AmbassadorGrowth, AudiencePage, CostFilter, GroupKey, MetricBases
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import FakeDatabase, IntegrityViolationError, _Repository

EARNINGS = frozenset({EntryKind.AWARD, EntryKind.REVERSAL, EntryKind.ADJUSTMENT})
COUNTED = frozenset({EntryStatus.CREDITED, EntryStatus.RELEASED})
LEDGER_GROUPINGS = TIME_GROUPINGS | {Grouping.AMBASSADOR}


class FakeMetricsReader:
    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def bases(self, tenant_id: UUID, query: MetricsQuery) -> MetricBases:
        totals = self._read(tenant_id, query, None)
        rows = self._read(tenant_id, query, query.group_by) if query.group_by else {}
        return MetricBases(totals=totals.get("total", (GroupKey(key="total"), Basis()))[1], rows=list(rows.values()))

    async def growth(self, tenant_id: UUID, ambassador_id: UUID, periods: Sequence[Period]) -> list[AmbassadorGrowth]:
        earned = [
            badge
            for key, badge in self._db.recognition.items()
            if isinstance(badge, EarnedBadge) and key[1] == tenant_id and badge.ambassador_id == ambassador_id
        ]
        accounts = {
            account.id
            for (tenant, _), account in self._db.social_accounts.items()
            if tenant == tenant_id and account.ambassador_id == ambassador_id
        }

        def audience(account_id: UUID, before: datetime) -> int:
            seen = [
                (observed_at, observation.audience_size)
                for (tenant, account, observed_at), observation in self._db.audience_observations.items()
                if tenant == tenant_id and account == account_id and observed_at < before
            ]
            return max(seen)[1] if seen else 0

        return [
            AmbassadorGrowth(
                badges_earned=sum(1 for badge in earned if period.start <= badge.earned_at < period.end),
                audience_growth=sum(audience(a, period.end) - audience(a, period.start) for a in accounts),
            )
            for period in periods
        ]

    def _read(
        self, tenant_id: UUID, query: MetricsQuery, grouping: Grouping | None
    ) -> dict[str, tuple[GroupKey, Basis]]:
        period = query.period
        counted = self._whose(tenant_id, query)
        shares = {
            share.id: share
            for (tenant, _), share in self._db.shares.items()
            if tenant == tenant_id and counted(share.ambassador_id)
        }
        key_of = self._key(query, grouping)
        label_of = self._label(tenant_id, grouping)
        rows: dict[str, tuple[GroupKey, Basis]] = {}
        if grouping is None:
            rows["total"] = (GroupKey(key="total"), Basis(weeks=period.weeks))
        active: dict[str, set[UUID]] = {}

        def add(key: str, label: str | None, figures: Figures, network: str) -> None:
            group, basis = rows.get(key) or (GroupKey(key=key, label=label), Basis(weeks=period.weeks))
            by_network = dict(basis.by_network)
            by_network[network] = by_network.get(network, Figures()) + figures
            rows[key] = (group, replace(basis, by_network=by_network))

        for share in shares.values():
            if share.status is ShareStatus.POSTED and share.posted_at and period.start <= share.posted_at < period.end:
                key = key_of(share.ambassador_id, share, share.posted_at)
                add(
                    key,
                    label_of(share),
                    Figures(posted_shares=1, potential_reach=share.potential_reach or 0),
                    share.network.value,
                )
                active.setdefault(key, set()).add(share.ambassador_id)
        for (tenant, _), click in self._db.clicks.items():
            clicked = shares.get(click.share_id)
            kept = click.kind is ClickKind.COUNTED and not click.is_self
            if tenant == tenant_id and clicked and kept and period.start <= click.clicked_at < period.end:
                key = key_of(clicked.ambassador_id, clicked, click.clicked_at)
                figures = Figures(clicks=1, unique_visitors=int(click.is_unique))
                add(key, label_of(clicked), figures, clicked.network.value)
        for key, (group, basis) in rows.items():
            rows[key] = (group, replace(basis, active_ambassadors=len(active.get(key, ()))))
        if Kpi.POINTS_AWARDED in query.kpis and (grouping is None or grouping in LEDGER_GROUPINGS):
            self._add_points(tenant_id, query, grouping, counted, rows)
        for kpi, field in ((Kpi.SATISFACTION, "satisfaction_scores"), (Kpi.NPS, "nps_scores")):
            if kpi in query.kpis and (grouping is None or grouping in LEDGER_GROUPINGS):
                self._add_scores(tenant_id, query, grouping, kpi.value, field, rows)
        return rows

    def _add_scores(
        self,
        tenant_id: UUID,
        query: MetricsQuery,
        grouping: Grouping | None,
        kind: str,
        field: str,
        rows: dict[str, tuple[GroupKey, Basis]],
    ) -> None:
        period, counted = query.period, self._whose(tenant_id, query)
        rows_of = [
            row for key, row in self._db.surveys.items() if key[0] in ("survey", "answer") and key[1] == tenant_id
        ]
        surveys = {row.id: row for row in rows_of if isinstance(row, Survey)}
        narrowed = query.narrowed
        scores: dict[str, list[tuple[UUID, int]]] = {key: [] for key in rows}
        for answer in (row for row in rows_of if isinstance(row, SurveyAnswer)):
            if not period.first_day <= answer.answered_on <= period.last_day:
                continue
            if answer.ambassador_id is None and (narrowed or grouping is Grouping.AMBASSADOR):
                continue  # an anonymous answer is never attributed to anyone
            if answer.ambassador_id is not None and not counted(answer.ambassador_id):
                continue
            if grouping is None:
                key = "total"
            elif grouping in TIME_GROUPINGS:
                key = period.bucket_start(answer.answered_on, grouping).isoformat()
            else:
                key = str(answer.ambassador_id)
            questions = surveys[answer.survey_id].fields.questions
            given = [r.score for r in answer.replies if r.score is not None and questions[r.question].kind == kind]
            scores.setdefault(key, []).extend((answer.id, score) for score in given)
        for key, given_scores in scores.items():
            group, basis = rows.get(key) or (GroupKey(key=key), Basis(weeks=period.weeks))
            values = [score for _, score in given_scores]
            found = Scores(
                answers=len({answer_id for answer_id, _ in given_scores}),
                replies=len(values),
                total=sum(values),
                promoters=sum(1 for score in values if score >= PROMOTERS),
                detractors=sum(1 for score in values if score <= DETRACTORS),
            )
            value: dict[str, Any] = {field: found}
            rows[key] = (group, replace(basis, **value))

    def _add_points(
        self,
        tenant_id: UUID,
        query: MetricsQuery,
        grouping: Grouping | None,
        counted: Callable[[UUID], bool],
        rows: dict[str, tuple[GroupKey, Basis]],
    ) -> None:
        period, key_of = query.period, self._key(query, grouping)
        points: dict[str, int] = dict.fromkeys(rows, 0)
        for (tenant, _), entry in self._db.points_entries.items():
            wanted = entry.kind in EARNINGS and entry.status in COUNTED and counted(entry.ambassador_id)
            if tenant == tenant_id and wanted and period.start <= entry.recorded_at < period.end:
                key = key_of(entry.ambassador_id, None, entry.recorded_at)
                points[key] = points.get(key, 0) + entry.points
        for key, value in points.items():
            group, basis = rows.get(key) or (GroupKey(key=key), Basis(weeks=period.weeks))
            rows[key] = (group, replace(basis, points_awarded=value))

    def _whose(self, tenant_id: UUID, query: MetricsQuery) -> Callable[[UUID], bool]:
        """Whether an ambassador's facts count in the query (its department, ambassador, boards)."""

        def counted(ambassador_id: UUID) -> bool:
            member = self._db.ambassadors[(tenant_id, ambassador_id)]
            employee = self._db.employees[(tenant_id, member.employee_id)]
            shown = member.status is MembershipStatus.ACTIVE and member.preferences.leaderboard_visible
            return (
                (query.department is None or employee.profile.department == query.department)
                and (query.ambassador_id is None or ambassador_id == query.ambassador_id)
                and (not query.visible_ambassadors_only or shown)
            )

        return counted

    def _label(self, tenant_id: UUID, grouping: Grouping | None) -> Callable[[Share], str | None]:
        if grouping is Grouping.CONTENT:
            return lambda share: self._db.contents[(tenant_id, share.content_id)].fields.title
        if grouping is Grouping.AMBASSADOR:

            def name(share: Share) -> str:
                member = self._db.ambassadors[(tenant_id, share.ambassador_id)]
                profile = self._db.employees[(tenant_id, member.employee_id)].profile
                return f"{profile.given_name} {profile.family_name}"

            return name
        return lambda _share: None

    @staticmethod
    def _key(query: MetricsQuery, grouping: Grouping | None) -> Callable[[UUID, Share | None, datetime], str]:
        """A fact's group, from its ambassador, its share (None for ledger entries) and its instant."""
        period = query.period
        if grouping is None:
            return lambda _ambassador, _share, _at: "total"
        if grouping in TIME_GROUPINGS:
            return lambda _a, _s, at: period.bucket_start(at.astimezone(period.zone).date(), grouping).isoformat()
        if grouping is Grouping.AMBASSADOR:
            return lambda ambassador_id, _share, _at: str(ambassador_id)
        simple: dict[Grouping, Callable[[Share], str]] = {
            Grouping.NETWORK: lambda share: share.network.value,
            Grouping.LANGUAGE: lambda share: share.language,
            Grouping.CONTENT: lambda share: str(share.content_id),
            Grouping.CAMPAIGN: lambda share: str(share.campaign_id) if share.campaign_id else "none",
        }
        if grouping not in simple:
            raise NotImplementedError(f"The fake metrics do not group by {grouping.value}.")
        read = simple[grouping]

        def key(_ambassador: UUID, share: Share | None, _at: datetime) -> str:
            if share is None:
                raise NotImplementedError(f"The fake ledger does not group by {grouping.value}.")
            return read(share)

        return key


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
