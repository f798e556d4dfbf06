"""Challenges: settle those that ended (the worker's periodic round), and read any campaign's
progress against its goals."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.badges import CHALLENGE_WINNER, EarnedBadge, Metric, catalogue
from app.domain.rewards.challenges import ChallengeResult, winners
from app.domain.rewards.periods import EPOCH, PeriodKind, period_start
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal
from app.ports.recognition import CampaignProgress, CampaignProgressReader, ChallengeSchedule
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory

SETTLED_PER_ROUND = 20


class SettleChallenges:
    """Fix the winners of every challenge that ended: those ranked within the programme's top N
    (`challenge_winners`, ties at the edge included) on the campaign's own board of active members.
    They earn the winner badge (unless the tenant disabled it) and `challenge.ended` is recorded.
    Safe with several workers: the result row is inserted once per campaign, whoever comes first;
    the others find it and change nothing. Points that arrive after the settlement move the board,
    not the winners."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, schedule: ChallengeSchedule) -> None:
        self._uow = uow
        self._clock = clock
        self._schedule = schedule

    async def __call__(self) -> int:
        now = self._clock.now()
        settled = 0
        for due in await self._schedule.due(now, SETTLED_PER_ROUND):
            async with self._uow(due.tenant_id) as uow:
                settings = await uow.settings.get()
                board = await uow.recognition.campaign_board(due.campaign_id)
                fixed = winners(board, settings.challenge_winners)
                result = ChallengeResult.settle(
                    tenant_id=due.tenant_id, campaign_id=due.campaign_id, ended_at=due.ends_at, now=now, winners=fixed
                )
                if not await uow.recognition.settle(result):
                    continue
                badges = {badge.key: badge for badge in catalogue(await uow.recognition.own_badges())}
                week = period_start(PeriodKind.WEEK, now, settings.time_zone)
                for winner in fixed:
                    await uow.recognition.count(winner.ambassador_id, Metric.CHALLENGE_WINS, (EPOCH, week))
                badge = badges[CHALLENGE_WINNER]
                if badge.enabled:
                    await uow.recognition.earn(
                        [
                            EarnedBadge.earn(
                                badge,
                                tenant_id=due.tenant_id,
                                ambassador_id=winner.ambassador_id,
                                at=now,
                                campaign_id=due.campaign_id,
                            )
                            for winner in fixed
                        ]
                    )
                await uow.commit()
                settled += 1
        return settled


class GetCampaignProgress:
    """A campaign's progress against its goals: posted shares, counted clicks (never the
    ambassadors' own) and credited conversions by type, each beside its target (staff)."""

    def __init__(self, progress: CampaignProgressReader) -> None:
        self._progress = progress

    async def __call__(self, principal: Principal, campaign_id: UUID) -> CampaignProgress:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        found = await self._progress.progress(principal.require_tenant(), campaign_id)
        if found is None:
            raise NotFound("campaign", campaign_id)
        return found
