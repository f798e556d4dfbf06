"""Budgets of requests: how many a caller may make in a window, counted where every replica sees them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol


@dataclass(frozen=True, slots=True)
class Quota:
    """``amount`` requests per window of ``window_seconds``, under the policy ``name`` clients are told."""

    name: str
    amount: int
    window_seconds: int


class Usage(NamedTuple):
    """What one counted request left of a quota for one key. A named tuple, not a frozen dataclass:
    one is made for every request counted, and it costs a fifth of one to make."""

    quota: Quota
    allowed: bool
    remaining: int
    # Whole seconds until the window ends and the budget is full again (at least 1).
    resets_in: int


class RateLimiter(Protocol):
    async def hit(self, quota: Quota, key: str) -> Usage | None:
        """Count one request of ``key`` (a caller, an organisation, an address) against ``quota``.

        None when the counters cannot be reached: the request is then served uncounted, since a
        budget that cannot be read is no reason to refuse everyone."""
        ...
