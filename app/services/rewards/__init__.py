"""Use cases of rewards: points read, adjusted and reviewed, conversions invalidated, reward rules read
and replaced; and the worker's handler that turns events into points. The catalogue, redemptions,
donations and kudos have their own builder, ``build_catalogue`` in ``catalogue_use_cases``; badges,
leaderboards and challenges theirs, ``build_recognition`` in ``recognition``.

``build_rewards`` is how the composition root, the demo and the tests get them;
``register_rewards_handlers`` adds the handler to the worker's registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.handlers import EventHandlers
from app.services.rewards.adjust_points import AdjustPoints
from app.services.rewards.get_points import GetAmbassadorPoints, GetMyPoints
from app.services.rewards.handlers import RewardPoints
from app.services.rewards.invalidate_conversion import InvalidateConversion
from app.services.rewards.review_points import ListWithheldPoints, ReviewPoints
from app.services.rewards.reward_rules import GetRewardRules, ReplaceRewardRules


@dataclass(frozen=True, slots=True, kw_only=True)
class RewardsUseCases:
    get_my_points: GetMyPoints
    get_ambassador_points: GetAmbassadorPoints
    adjust_points: AdjustPoints
    list_withheld_points: ListWithheldPoints
    review_points: ReviewPoints
    invalidate_conversion: InvalidateConversion
    get_reward_rules: GetRewardRules
    replace_reward_rules: ReplaceRewardRules


def build_rewards(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> RewardsUseCases:
    return RewardsUseCases(
        get_my_points=GetMyPoints(uow, clock, ids),
        get_ambassador_points=GetAmbassadorPoints(uow, clock, ids),
        adjust_points=AdjustPoints(uow, clock, ids),
        list_withheld_points=ListWithheldPoints(uow, clock, ids),
        review_points=ReviewPoints(uow, clock, ids),
        invalidate_conversion=InvalidateConversion(uow, clock, ids),
        get_reward_rules=GetRewardRules(uow, clock, ids),
        replace_reward_rules=ReplaceRewardRules(uow, clock, ids),
    )


def register_rewards_handlers(handlers: EventHandlers, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
    handlers.register(RewardPoints(uow, clock, ids))
