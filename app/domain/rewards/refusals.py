"""Refusals of rewards' rules."""

from __future__ import annotations

from app.domain.errors import Conflict
from app.domain.messages import Message


class InsufficientPoints(Conflict):
    """Taking points the balance does not hold: a balance never goes below zero."""

    code = "insufficient-points"

    def __init__(self, needed: int, balance: int) -> None:
        super().__init__(
            Message(
                "This needs {needed} points and the balance holds {balance}; earn more points or ask for fewer.",
                needed=needed,
                balance=balance,
            )
        )
        self.needed = needed
        self.balance = balance
