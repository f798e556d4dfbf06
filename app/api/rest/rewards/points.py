"""/v1/me/points and /v1/ambassadors/{id}/points: balances with their explained entries, admins'
adjustments, and the review of points the velocity guard withheld."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.rewards.points_schemas import AdjustmentCreate, PointEntryOut, PointsStatementOut, ReviewCreate
from app.domain.rewards.ledger import PointEntry
from app.domain.roster.identity import Role
from app.services.rewards.adjust_points import AdjustPointsCommand
from app.services.rewards.get_points import PointsStatement
from app.services.rewards.review_points import REVIEWERS, ReviewPointsCommand

router = APIRouter(tags=["points"], route_class=OperationRoute)


def entry_out(entry: PointEntry) -> PointEntryOut:
    return PointEntryOut(
        id=entry.id,
        ambassador_id=entry.ambassador_id,
        points=entry.points,
        kind=entry.kind,
        status=entry.status,
        rule=entry.rule,
        rule_set_version=entry.rule_set_version,
        source_event_id=entry.source_event_id,
        source_event_type=entry.source_event_type,
        share_id=entry.share_id,
        campaign_id=entry.campaign_id,
        conversion_id=entry.conversion_id,
        multiplier=entry.multiplier,
        cap_hit=entry.cap_hit,
        reason=entry.reason,
        reverses=entry.reverses,
        actor=entry.actor,
        occurred_at=entry.occurred_at,
        recorded_at=entry.recorded_at,
        reviewed_at=entry.reviewed_at,
    )


def statement_out(statement: PointsStatement) -> PointsStatementOut:
    return PointsStatementOut(
        ambassador_id=statement.balance.ambassador_id,
        balance=statement.balance.balance,
        earned=statement.balance.earned,
        items=[entry_out(entry) for entry in statement.entries.items],
        next_cursor=encode_cursor(statement.entries.next_after),
    )


@router.get("/v1/me/points", summary="Read my points", responses=problems(problem.NOT_AN_AMBASSADOR))
async def get_my_points(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> PointsStatementOut:
    """Your balance (never below zero), the points you ever earned, and your entries newest first, each
    saying which rule earned it, under which version, from which event, with which multiplier and
    whether a cap cut it short. Points appear within seconds of what earned them."""
    return statement_out(await services.rewards.get_my_points(principal, page))


@router.get(
    "/v1/ambassadors/{ambassador_id}/points",
    summary="Read an ambassador's points",
    responses=problems(problem.NOT_FOUND),
)
async def get_ambassador_points(
    ambassador_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> PointsStatementOut:
    """Staff (admin, manager, moderator, analyst): an ambassador's balance and entries, newest first."""
    return statement_out(await services.rewards.get_ambassador_points(principal, ambassador_id, page))


@router.post(
    "/v1/ambassadors/{ambassador_id}/points/adjustments",
    dependencies=[allowed({Role.ADMIN})],
    status_code=status.HTTP_201_CREATED,
    summary="Adjust an ambassador's points",
    response_description="The adjustment entry; the balance moved with it.",
    responses=problems(problem.NOT_FOUND, problem.INSUFFICIENT_POINTS),
)
async def adjust_points(
    ambassador_id: UUID, body: AdjustmentCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> PointEntryOut:
    """Admins add or take away points, always with a reason the ambassador sees. Taking more than the
    balance holds is refused with 409 `insufficient-points`."""
    command = AdjustPointsCommand(ambassador_id=ambassador_id, points=body.points, reason=body.reason)
    entry = await services.rewards.adjust_points(principal, command)
    response.headers["Location"] = f"/v1/ambassadors/{ambassador_id}/points"
    return entry_out(entry)


@router.get("/v1/points/withheld", summary="List withheld points")
async def list_withheld_points(
    principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[PointEntryOut]:
    """Admins and moderators: entries the velocity guard withheld (many clicks on one share from few
    visitors in a short time), oldest first, awaiting a decision."""
    result = await services.rewards.list_withheld_points(principal, page)
    return ItemPage(items=[entry_out(entry) for entry in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "/v1/points/withheld/{entry_id}/review",
    dependencies=[allowed(REVIEWERS)],
    summary="Release or reverse withheld points",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def review_points(
    entry_id: UUID, body: ReviewCreate, principal: PrincipalDep, services: ServicesDep
) -> PointEntryOut:
    """Admins and moderators decide once: `release` counts the points from now on (`points.awarded`),
    `reverse` means they never count. An entry already decided is refused with 409 `invalid-transition`."""
    command = ReviewPointsCommand(entry_id=entry_id, decision=body.decision)
    return entry_out(await services.rewards.review_points(principal, command))
