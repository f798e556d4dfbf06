"""Refusals of rewards' rules, and why a redemption or a donation is refused: each names what the
ambassador (or staff) can do next."""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import Conflict
from app.domain.messages import Message


class InsufficientPoints(Conflict):
    """The balance holds fewer points than a redemption, a donation or a downward adjustment takes."""

    code = "insufficient-points"

    def __init__(self, balance: int, cost: int) -> None:
        super().__init__(
            Message(
                "This takes {cost} points but the balance holds only {balance}; earn more points first, or take fewer.",
                cost=cost,
                balance=balance,
            )
        )
        self.balance = balance
        self.cost = cost


class RulesAlreadyScheduled(Conflict):
    """A version of the rules is scheduled to start after the moment a new one was asked to: versions follow
    one another in time, so the new one starts then or later."""

    code = "rules-already-scheduled"

    def __init__(self, scheduled_from: datetime) -> None:
        super().__init__(
            Message(
                "A version of the rules is already scheduled from {scheduled_from}; start this one then or later.",
                scheduled_from=scheduled_from.isoformat().replace("+00:00", "Z"),
            )
        )
        self.scheduled_from = scheduled_from


class OutOfStock(Conflict):
    code = "out-of-stock"

    def __init__(self) -> None:
        super().__init__("No unit of this reward is left; choose another one, or ask staff to restock it.")


class RedemptionLimitReached(Conflict):
    """The ambassador already holds as many redemptions of the reward as one person may."""

    code = "redemption-limit-reached"

    def __init__(self, limit: int) -> None:
        super().__init__(
            Message(
                "You already hold {limit} redemptions of this reward, as many as one person may; "
                "choose another reward.",
                limit=limit,
            )
        )
        self.limit = limit


class RewardNotAvailable(Conflict):
    """Archived, or outside its availability window."""

    code = "reward-not-available"


class RedemptionNotApproved(Conflict):
    """Only an approved redemption is fulfilled."""

    code = "redemption-not-approved"

    def __init__(self) -> None:
        super().__init__("This redemption awaits approval: approve it (or reject it) before fulfilling it.")


class AssociationNotAvailable(Conflict):
    """Donations go to associations the programme still lists."""

    code = "association-not-available"

    def __init__(self) -> None:
        super().__init__("This association was withdrawn from the programme's list; choose another one.")
