"""/v1/rewards: the rewards catalogue; /v1/redemptions: turning points into its rewards."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

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
from app.api.rest.rewards.catalogue_mappers import changes, reward_out
from app.api.rest.rewards.catalogue_schemas import RewardCreate, RewardOut, RewardUpdate
from app.domain.rewards.catalogue import Reward, RewardFields, RewardStatus
from app.services.rewards.catalogue_access import CATALOGUE_STAFF
from app.services.rewards.manage_rewards import RewardTransitionCommand, UpdateRewardCommand

router = APIRouter(prefix="/v1/rewards", tags=["rewards"], route_class=OperationRoute)


def _answer(reward: Reward, response: Response, services: ServicesDep) -> RewardOut:
    body = reward_out(reward, services.catalogue.current_time())
    set_etag(response, reward.version, body)
    return body


@router.post(
    "",
    dependencies=[allowed(CATALOGUE_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Add a reward to the catalogue",
    response_description="The reward added; `Location` is its address.",
    responses=problems(problem.NOT_FOUND, problem.ASSOCIATION_NOT_AVAILABLE),
)
async def create_reward(
    body: RewardCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> RewardOut:
    """Add a symbolic gift, an experience or a donation (admin, manager). A donation names one of the
    programme's active associations; stock, limit per person and window are optional."""
    reward = await services.catalogue.create_reward(principal, RewardFields(**changes(body)))
    response.headers["Location"] = f"/v1/rewards/{reward.id}"
    return _answer(reward, response, services)


@router.get("", summary="List rewards")
async def list_rewards(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: RewardStatus | None = None,
) -> ItemPage[RewardOut]:
    """Staff (admin, manager) page through the whole catalogue, filtered by status; ambassadors through the
    rewards offered now (active and inside their window, those out of stock included)."""
    result = await services.catalogue.list_rewards(principal, status, page)
    now = services.catalogue.current_time()
    return ItemPage(items=[reward_out(r, now) for r in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{reward_id}", summary="Read a reward", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_reward(
    reward_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> RewardOut:
    """One reward: staff read any; ambassadors those offered now. Its `ETag` is the version for `If-Match`;
    it also changes with the stock and with `available_now`."""
    reward = await services.catalogue.get_reward(principal, reward_id)
    return conditional(reward_out(reward, services.catalogue.current_time()), reward.version, shows_more=True)


@router.patch(
    "/{reward_id}",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Change a reward",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION, problem.ASSOCIATION_NOT_AVAILABLE),
)
async def update_reward(
    reward_id: UUID,
    body: RewardUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RewardOut:
    """Change the fields sent (admin, manager); setting `stock` sets the units left. Honours If-Match."""
    command = UpdateRewardCommand(reward_id=reward_id, changes=changes(body), expected_version=expected_version)
    return _answer(await services.catalogue.update_reward(principal, command), response, services)


@router.post(
    "/{reward_id}/archive",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Archive a reward",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def archive_reward(
    reward_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> RewardOut:
    """Withdraw it from the catalogue (admin, manager); redemptions already made go on. Honours If-Match."""
    command = RewardTransitionCommand(reward_id=reward_id, expected_version=expected_version)
    return _answer(await services.catalogue.archive_reward(principal, command), response, services)
