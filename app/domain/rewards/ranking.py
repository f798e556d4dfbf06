"""Ranks on a leaderboard: standard competition ranking ("1224"), so ambassadors with the same
points share a rank and the next rank counts everyone above it (1, 1, 3).

A page is ordered by points (most first), then by ambassador id, so the order is total and a page
boundary never splits it ambiguously. A page's ranks follow from the last row of the page before
(its position, rank and points), carried in the cursor: no page counts the rows above it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class LeaderboardScope(StrEnum):
    """Who a board ranks: every member, the points of one campaign, one department, one location."""

    PROGRAMME = "programme"
    CAMPAIGN = "campaign"
    DEPARTMENT = "department"
    LOCATION = "location"


@dataclass(frozen=True, slots=True, kw_only=True)
class Standing:
    """Where the last row of a page stands: what the next page's ranks start from."""

    position: int
    rank: int
    points: int
    ambassador_id: UUID


def ranks(points: Sequence[int], after: Standing | None = None) -> list[tuple[int, int]]:
    """(position, rank) of each row of a page, in order (``points`` must not increase)."""
    position = after.position if after else 0
    rank = after.rank if after else 0
    previous = after.points if after else None
    ranked: list[tuple[int, int]] = []
    for value in points:
        position += 1
        if value != previous:
            rank = position
        previous = value
        ranked.append((position, rank))
    return ranked


def rank_of(points: int, above: int) -> int:
    """The rank of a score with ``above`` scores strictly higher on the board."""
    return above + 1
