"""The use cases and worker handlers of recognition (badges, leaderboards, challenges), built for
the composition root, the demo and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.recognition import CampaignProgressReader, ChallengeSchedule, LeaderboardReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.handlers import EventHandlers
from app.services.rewards.badges import ListAmbassadorBadges, ListBadges, ListMyBadges, SaveBadge
from app.services.rewards.challenges import GetCampaignProgress, SettleChallenges
from app.services.rewards.leaderboards import ReadLeaderboard
from app.services.rewards.recognition_handlers import AwardBadges, RollUpPoints


@dataclass(frozen=True, slots=True, kw_only=True)
class RecognitionUseCases:
    read_leaderboard: ReadLeaderboard
    list_badges: ListBadges
    list_my_badges: ListMyBadges
    list_ambassador_badges: ListAmbassadorBadges
    save_badge: SaveBadge
    campaign_progress: GetCampaignProgress


def build_recognition(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    *,
    boards: LeaderboardReader,
    progress: CampaignProgressReader,
) -> RecognitionUseCases:
    return RecognitionUseCases(
        read_leaderboard=ReadLeaderboard(boards, clock),
        list_badges=ListBadges(uow, clock, ids),
        list_my_badges=ListMyBadges(uow, clock, ids),
        list_ambassador_badges=ListAmbassadorBadges(uow, clock, ids),
        save_badge=SaveBadge(uow, clock, ids),
        campaign_progress=GetCampaignProgress(progress),
    )


def register_recognition_handlers(
    handlers: EventHandlers, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator
) -> EventHandlers:
    handlers.register(RollUpPoints(uow, clock, ids))
    handlers.register(AwardBadges(uow, clock, ids))
    return handlers


def settle_challenges(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, schedule: ChallengeSchedule
) -> SettleChallenges:
    return SettleChallenges(uow, clock, ids, schedule)
