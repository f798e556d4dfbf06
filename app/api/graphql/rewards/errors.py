"""The catalogue's expected failures as GraphQL types, and the forms its domain errors take in them."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain import errors as domain
from app.domain.rewards import refusals


@strawberry.type(
    description="The balance holds fewer points than this takes, and a balance never goes below zero: nothing "
    "was taken."
)
class InsufficientPointsError(Error):
    balance: int = strawberry.field(description="The points the balance holds now.")
    cost: int = strawberry.field(description="The points it takes.")


@strawberry.type(description="No unit of this reward is left.")
class OutOfStockError(Error):
    pass


@strawberry.type(description="You already hold as many redemptions of this reward as one person may.")
class RedemptionLimitReachedError(Error):
    per_person_limit: int = strawberry.field(description="How many one person may hold.")


@strawberry.type(description="The reward is archived, or outside its availability window.")
class RewardNotAvailableError(Error):
    pass


@strawberry.type(description="The redemption awaits approval; approve it before fulfilling it.")
class RedemptionNotApprovedError(Error):
    pass


@strawberry.type(description="The association was withdrawn from the programme's list.")
class AssociationNotAvailableError(Error):
    pass


@strawberry.type(description="A version of the rules is scheduled to start later; start this one then or later.")
class RulesAlreadyScheduledError(Error):
    scheduled_from: datetime = strawberry.field(description="When the scheduled version starts.")


INSUFFICIENT_POINTS: GraphQLForm[refusals.InsufficientPoints] = GraphQLForm(
    InsufficientPointsError, lambda e: {"balance": e.balance, "cost": e.cost}
)
OUT_OF_STOCK: GraphQLForm[domain.DomainError] = GraphQLForm(OutOfStockError)
REDEMPTION_LIMIT_REACHED: GraphQLForm[refusals.RedemptionLimitReached] = GraphQLForm(
    RedemptionLimitReachedError, lambda e: {"per_person_limit": e.limit}
)
REWARD_NOT_AVAILABLE: GraphQLForm[domain.DomainError] = GraphQLForm(RewardNotAvailableError)
REDEMPTION_NOT_APPROVED: GraphQLForm[domain.DomainError] = GraphQLForm(RedemptionNotApprovedError)
ASSOCIATION_NOT_AVAILABLE: GraphQLForm[domain.DomainError] = GraphQLForm(AssociationNotAvailableError)
RULES_ALREADY_SCHEDULED: GraphQLForm[refusals.RulesAlreadyScheduled] = GraphQLForm(
    RulesAlreadyScheduledError, lambda e: {"scheduled_from": e.scheduled_from}
)
