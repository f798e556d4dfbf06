"""Read an ambassador's own impact over this week, month, quarter or year, beside the period before."""

from __future__ import annotations

from uuid import UUID
from zoneinfo import ZoneInfo

from app.domain.metrics.impact import IMPACT_KPIS, Impact, ImpactFigures, ImpactPeriod, impact_periods
from app.domain.metrics.queries import MetricsQuery, Period
from app.domain.metrics.report import values
from app.domain.rewards.periods import PeriodKind
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import MetricsReader
from app.ports.recognition import LeaderboardQuery, LeaderboardReader, LeaderboardScope
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.roster.linking import require_membership

# The programme's leaderboards of each period kind; a year has none.
BOARDS = {
    ImpactPeriod.WEEK: PeriodKind.WEEK,
    ImpactPeriod.MONTH: PeriodKind.MONTH,
    ImpactPeriod.QUARTER: PeriodKind.QUARTER,
}


class ReadImpact(UseCase):
    """A member's own figures over the current week, month, quarter or year in the programme's time
    zone, and over the whole period before: the potential reach, impressions and engagement of the
    shares they posted, the clicks and unique visitors they brought, the leads, job applications and
    hires credited to their shares, the points awarded to them, their rank on the programme's board
    of that period (week, month, quarter: as the board ranks them, among the members shown, whether
    they appear or not), the badges they earned, and how much their connected accounts' audience
    grew. Only ambassadors read their own; a membership paused or left still reads its past."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        reader: MetricsReader,
        boards: LeaderboardReader,
    ) -> None:
        super().__init__(uow, clock, ids)
        self._reader = reader
        self._boards = boards

    async def __call__(self, principal: Principal, kind: ImpactPeriod) -> Impact:
        principal.require_any(frozenset({Role.AMBASSADOR}))
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            member = await require_membership(uow, principal, now, for_update=False)
            await uow.commit()  # a first use may have linked the caller's identity
        today = now.astimezone(ZoneInfo(settings.time_zone)).date()
        current, previous = impact_periods(kind, today, settings.time_zone)
        valuation = settings.valuation()
        growth = await self._reader.growth(tenant_id, member.id, (current, previous))
        figures = []
        for period, grown in zip((current, previous), growth, strict=True):
            query = MetricsQuery(period=period, kpis=IMPACT_KPIS, ambassador_id=member.id)
            bases = await self._reader.bases(tenant_id, query)
            figures.append(
                ImpactFigures(
                    period=period,
                    values=values(IMPACT_KPIS, bases.totals, valuation),
                    rank=await self._rank(tenant_id, principal, kind, period),
                    badges_earned=grown.badges_earned,
                    audience_growth=grown.audience_growth,
                )
            )
        return Impact(kind=kind, ambassador_id=member.id, current=figures[0], previous=figures[1])

    async def _rank(self, tenant_id: UUID, principal: Principal, kind: ImpactPeriod, period: Period) -> int | None:
        board = BOARDS.get(kind)
        if board is None:
            return None
        query = LeaderboardQuery(
            period=board, scope=LeaderboardScope.PROGRAMME, at=period.start, subject=principal.subject, limit=1
        )
        page = await self._boards.page(tenant_id, query)
        return page.me.rank if page.me is not None else None
