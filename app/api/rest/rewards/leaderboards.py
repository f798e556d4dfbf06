"""/v1/leaderboards: points over a period, ranked, read from the rollups in one statement."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from app.api import problem_types as problem
from app.api.pagination import decode_board_cursor
from app.api.rest.deps import CursorQuery, LimitQuery, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute
from app.api.rest.rewards.recognition_mappers import leaderboard_out
from app.api.rest.rewards.recognition_schemas import LeaderboardOut
from app.api.rest.texts import SearchText
from app.domain.rewards.periods import PeriodKind
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.recognition import LeaderboardScope
from app.services.rewards.leaderboards import LeaderboardRequest

router = APIRouter(prefix="/v1/leaderboards", tags=["leaderboards"], route_class=OperationRoute)


@router.get("", summary="Read a leaderboard", responses=problems(problem.NOT_FOUND))
async def read_leaderboard(
    principal: PrincipalDep,
    services: ServicesDep,
    period: Annotated[
        PeriodKind,
        Query(
            description="`week`, `month`, `quarter` (the current one, in the programme's time zone), "
            "`all_time`, or `campaign` (the campaign's own period)."
        ),
    ] = PeriodKind.MONTH,
    scope: Annotated[
        LeaderboardScope, Query(description="Who is ranked: `programme`, `campaign`, `department`, `location`.")
    ] = LeaderboardScope.PROGRAMME,
    campaign_id: Annotated[
        UUID | None, Query(description="The campaign, for `scope=campaign` or `period=campaign`.")
    ] = None,
    department: Annotated[
        SearchText | None, Query(max_length=100, description="For `scope=department`: which one (yours by default).")
    ] = None,
    location: Annotated[
        SearchText | None, Query(max_length=100, description="For `scope=location`: which one (yours by default).")
    ] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
) -> LeaderboardOut:
    """Points earned over a period, most first (staff and ambassadors). Only active members who chose
    to appear (`leaderboard_visible`) are named; equal points share a rank and the next rank skips
    (standard competition ranking: 1, 1, 3). `me` is the caller's own rank and points among those
    shown, whether or not they appear themselves. Pages follow (points, ambassador id) with a cursor
    that carries the last row's rank, so a page costs one statement however deep it is; a board
    that moves between pages may repeat or skip a member at the boundary."""
    request = LeaderboardRequest(
        period=period,
        scope=scope,
        campaign_id=campaign_id,
        department=department,
        location=location,
        limit=limit,
        after=decode_board_cursor(cursor) if cursor else None,
    )
    page = await services.recognition.read_leaderboard(principal, request)
    return leaderboard_out(page, scope, campaign_id)
