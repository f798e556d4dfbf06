"""/v1/redemptions: an ambassador turns points into a reward; staff approve, reject and fulfil."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.rewards.catalogue_mappers import redemption_out
from app.api.rest.rewards.catalogue_schemas import RedemptionCreate, RedemptionOut, RedemptionRejection
from app.domain.rewards.redemptions import Redemption, RedemptionStatus
from app.ports.rewards_catalogue import RedemptionFilter
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_STAFF
from app.services.rewards.decide_redemption import RedemptionCommand, RejectRedemptionCommand

router = APIRouter(tags=["redemptions"], route_class=OperationRoute)
RewardQuery = Annotated[UUID | None, Query(description="Keep only redemptions of this reward.")]
_TRANSITION_PROBLEMS = (problem.NOT_FOUND, problem.INVALID_TRANSITION)


def _answer(redemption: Redemption, response: Response) -> RedemptionOut:
    body = redemption_out(redemption)
    set_etag(response, redemption.version, body)
    return body


@router.post(
    "/v1/redemptions",
    dependencies=[allowed(AMBASSADORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Redeem a reward",
    response_description="The redemption: requested when the reward needs approval, approved otherwise.",
    responses=problems(
        problem.NOT_FOUND,
        problem.NOT_AN_AMBASSADOR,
        problem.REWARD_NOT_AVAILABLE,
        problem.REDEMPTION_LIMIT_REACHED,
        problem.OUT_OF_STOCK,
        problem.INSUFFICIENT_POINTS,
    ),
)
async def redeem_reward(
    body: RedemptionCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> RedemptionOut:
    """Spend the reward's cost on it (active ambassadors). Nothing is written when it is not offered now, when
    you hold as many as one person may, when no unit is left or when your balance is too low."""
    redemption = await services.catalogue.redeem_reward(principal, body.reward_id)
    response.headers["Location"] = f"/v1/redemptions/{redemption.id}"
    return _answer(redemption, response)


@router.get("/v1/redemptions", summary="List redemptions")
async def list_redemptions(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: RedemptionStatus | None = None,
    ambassador_id: UUID | None = None,
    reward_id: RewardQuery = None,
) -> ItemPage[RedemptionOut]:
    """Every redemption (admin, manager), oldest first; `status=requested` is the approval queue."""
    criteria = RedemptionFilter(status=status, ambassador_id=ambassador_id, reward_id=reward_id)
    result = await services.catalogue.list_redemptions(principal, criteria, page)
    return ItemPage(items=[redemption_out(r) for r in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/v1/me/redemptions", summary="List my redemptions")
async def list_my_redemptions(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: RedemptionStatus | None = None,
    reward_id: RewardQuery = None,
) -> ItemPage[RedemptionOut]:
    """Your own redemptions (ambassadors), oldest first."""
    criteria = RedemptionFilter(status=status, reward_id=reward_id)
    result = await services.catalogue.list_my_redemptions(principal, criteria, page)
    return ItemPage(items=[redemption_out(r) for r in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/v1/redemptions/{redemption_id}",
    summary="Read a redemption",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_redemption(
    redemption_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> RedemptionOut:
    """One redemption: staff read any, an ambassador their own. Its `ETag` is the version for `If-Match`."""
    redemption = await services.catalogue.get_redemption(principal, redemption_id)
    return conditional(redemption_out(redemption), redemption.version)


@router.post(
    "/v1/redemptions/{redemption_id}/approve",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Approve a redemption",
    responses=problems(*_TRANSITION_PROBLEMS),
)
async def approve_redemption(
    redemption_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RedemptionOut:
    """Approve a requested redemption (admin, manager). Honours If-Match."""
    command = RedemptionCommand(redemption_id=redemption_id, expected_version=expected_version)
    return _answer(await services.catalogue.approve_redemption(principal, command), response)


@router.post(
    "/v1/redemptions/{redemption_id}/reject",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Reject a redemption",
    responses=problems(*_TRANSITION_PROBLEMS),
)
async def reject_redemption(
    redemption_id: UUID,
    body: RedemptionRejection,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RedemptionOut:
    """Reject it with a reason before it is fulfilled (admin, manager): its points come back by a refund entry
    of the ledger, and its unit back in stock. Honours If-Match."""
    command = RejectRedemptionCommand(
        redemption_id=redemption_id, reason=body.reason, expected_version=expected_version
    )
    return _answer(await services.catalogue.reject_redemption(principal, command), response)


@router.post(
    "/v1/redemptions/{redemption_id}/fulfil",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Fulfil a redemption",
    responses=problems(*_TRANSITION_PROBLEMS, problem.REDEMPTION_NOT_APPROVED),
)
async def fulfil_redemption(
    redemption_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RedemptionOut:
    """Record that the reward was handed over (admin, manager); only an approved redemption. Honours If-Match."""
    command = RedemptionCommand(redemption_id=redemption_id, expected_version=expected_version)
    return _answer(await services.catalogue.fulfil_redemption(principal, command), response)


@router.post(
    "/v1/redemptions/{redemption_id}/cancel",
    dependencies=[allowed(AMBASSADORS)],
    summary="Cancel my redemption",
    responses=problems(*_TRANSITION_PROBLEMS),
)
async def cancel_redemption(
    redemption_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RedemptionOut:
    """Cancel your own redemption while it awaits approval (ambassadors): its points come back by a refund
    entry of the ledger. Honours If-Match."""
    command = RedemptionCommand(redemption_id=redemption_id, expected_version=expected_version)
    return _answer(await services.catalogue.cancel_redemption(principal, command), response)
