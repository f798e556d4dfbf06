"""Problem types of the rules of rewards' catalogue: redemptions and donations."""

from __future__ import annotations

from datetime import UTC, datetime

from app.api.graphql.rewards import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.rewards.catalogue_problems import PersonLimit, PointsShortfall
from app.domain.messages import Message
from app.domain.rewards import refusals

INSUFFICIENT_POINTS = of_error(
    refusals.InsufficientPoints,
    409,
    "Not enough points",
    means="The balance holds fewer points (`balance`) than a redemption, a donation or a downward adjustment "
    "takes (`cost`): a balance never goes below zero, so nothing was taken.",
    fix="Earn the missing points first, or take at most `balance`.",
    example=refusals.InsufficientPoints(120, 300),
    rest=PointsShortfall.of,
    graphql=gql.INSUFFICIENT_POINTS,
)
OUT_OF_STOCK = of_error(
    refusals.OutOfStock,
    409,
    "Reward out of stock",
    means="No unit of the reward is left; nothing was spent.",
    fix="Choose another reward, or ask staff to restock this one.",
    example=refusals.OutOfStock(),
    graphql=gql.OUT_OF_STOCK,
)
REDEMPTION_LIMIT_REACHED = of_error(
    refusals.RedemptionLimitReached,
    409,
    "Redemption limit reached",
    means="You already hold `per_person_limit` redemptions of this reward (rejected and cancelled ones aside).",
    fix="Choose another reward.",
    example=refusals.RedemptionLimitReached(1),
    rest=PersonLimit.of,
    graphql=gql.REDEMPTION_LIMIT_REACHED,
)
REWARD_NOT_AVAILABLE = of_error(
    refusals.RewardNotAvailable,
    409,
    "Reward not available",
    means="The reward was archived, or is offered only in a window that does not hold the present instant.",
    fix="Redeem it inside its window (`detail` says when), or choose another reward.",
    example=refusals.RewardNotAvailable(
        Message(
            "This reward was offered until {end}; choose another one.",
            end=datetime(2030, 1, 1, tzinfo=UTC).isoformat(),
        )
    ),
    graphql=gql.REWARD_NOT_AVAILABLE,
)
REDEMPTION_NOT_APPROVED = of_error(
    refusals.RedemptionNotApproved,
    409,
    "Redemption not approved",
    means="Only an approved redemption is fulfilled; this one awaits approval.",
    fix="Approve it (or reject it) first.",
    example=refusals.RedemptionNotApproved(),
    graphql=gql.REDEMPTION_NOT_APPROVED,
)
ASSOCIATION_NOT_AVAILABLE = of_error(
    refusals.AssociationNotAvailable,
    409,
    "Association not available",
    means="The association was archived: it receives no more donations.",
    fix="Give to another association the programme lists.",
    example=refusals.AssociationNotAvailable(),
    graphql=gql.ASSOCIATION_NOT_AVAILABLE,
)
RULES_ALREADY_SCHEDULED = of_error(
    refusals.RulesAlreadyScheduled,
    409,
    "Rules already scheduled",
    means="A version of the reward rules is scheduled to start after the moment this one was asked to start; "
    "versions follow one another in time.",
    fix="Start this version at the scheduled one's start or later (read both with the reward rules).",
    example=refusals.RulesAlreadyScheduled(datetime(2025, 4, 1, tzinfo=UTC)),
    graphql=gql.RULES_ALREADY_SCHEDULED,
)
