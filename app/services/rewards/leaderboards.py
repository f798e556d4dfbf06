"""Read a leaderboard page, with the caller's own standing beside it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.rewards.periods import PeriodKind
from app.domain.rewards.ranking import Standing
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal, Role
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.recognition import LeaderboardPage, LeaderboardQuery, LeaderboardReader, LeaderboardScope
from app.ports.system import Clock
from app.services.base import check_filters

BOARD_READERS = ROSTER_READERS | PROGRAMME_STAFF | frozenset({Role.AMBASSADOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardRequest:
    period: PeriodKind = PeriodKind.MONTH
    scope: LeaderboardScope = LeaderboardScope.PROGRAMME
    campaign_id: UUID | None = None
    department: str | None = None
    location: str | None = None
    limit: int = DEFAULT_LIMIT
    after: Standing | None = None


class ReadLeaderboard:
    """Points earned over a period (this week, month or quarter in the programme's time zone, all
    time, or a campaign's own period), in a scope (the programme, a campaign, a department, a
    location: the caller's own department or location unless one is named). Only active members who
    chose to appear (`leaderboard_visible`) are on the board; ties share a rank (1, 1, 3). The
    caller, when a member, always gets their own rank and points among those visible, whether they
    appear or not. Staff and ambassadors of the tenant may read boards. One statement per page."""

    def __init__(self, boards: LeaderboardReader, clock: Clock) -> None:
        self._boards = boards
        self._clock = clock

    async def __call__(self, principal: Principal, request: LeaderboardRequest) -> LeaderboardPage:
        principal.require_any(BOARD_READERS)
        tenant_id = principal.require_tenant()
        check_filters(department=request.department, location=request.location)
        needs_campaign = request.scope is LeaderboardScope.CAMPAIGN or request.period is PeriodKind.CAMPAIGN
        if needs_campaign and request.campaign_id is None:
            raise ValidationFailed(
                "A campaign's board needs the campaign.",
                [FieldError(("query", "campaign_id"), "Name the campaign whose board to read.")],
            )
        if not needs_campaign and request.campaign_id is not None:
            raise ValidationFailed(
                "A campaign was named for a board that is not a campaign's.",
                [FieldError(("query", "campaign_id"), "Use scope=campaign, or leave campaign_id out.")],
            )
        query = LeaderboardQuery(
            period=request.period,
            scope=request.scope,
            at=self._clock.now(),
            subject=principal.subject,
            campaign_id=request.campaign_id,
            department=request.department,
            location=request.location,
            limit=request.limit,
            after=request.after,
        )
        page = await self._boards.page(tenant_id, query)
        if not page.campaign_found:
            raise NotFound("campaign", request.campaign_id)
        return page
