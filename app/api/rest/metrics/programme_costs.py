"""/v1/programme-costs: what the programme costs, the ground of the cost KPIs and its return on investment."""

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
from app.api.rest.instants import Day
from app.api.rest.metrics.programme_cost_mappers import cost_changes, cost_fields, cost_out
from app.api.rest.metrics.programme_cost_schemas import CostCreate, CostOut, CostUpdate
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.metrics.costs import BudgetLine
from app.ports.metrics import CostFilter
from app.services.metrics.manage_costs import COST_KEEPERS, COST_READERS, DeleteCostCommand, UpdateCostCommand

router = APIRouter(prefix="/v1/programme-costs", tags=["programme costs"], route_class=OperationRoute)


@router.post(
    "",
    dependencies=[allowed(COST_KEEPERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Record a programme cost",
    response_description="The cost recorded; `Location` is its address.",
)
async def record_cost(body: CostCreate, principal: PrincipalDep, services: ServicesDep, response: Response) -> CostOut:
    """Record a dated cost on one of the budget lines (admin). The amount is in the programme's currency,
    which `currency` must name: another is refused with a field error at `currency`."""
    cost = await services.metrics.record_cost(principal, cost_fields(body))
    response.headers["Location"] = f"/v1/programme-costs/{cost.id}"
    set_etag(response, cost.version)
    return cost_out(cost)


@router.get("", dependencies=[allowed(COST_READERS)], summary="List programme costs")
async def list_costs(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    first_day: Annotated[
        Day | None, Query(alias="from", description="Keep only the costs incurred on this day or later.")
    ] = None,
    last_day: Annotated[
        Day | None, Query(alias="to", description="Keep only the costs incurred on this day or earlier.")
    ] = None,
    budget_line: Annotated[BudgetLine | None, Query(description="Keep only the costs on this budget line.")] = None,
) -> ItemPage[CostOut]:
    """Admins, managers and analysts page through the costs, the latest recorded first."""
    criteria = CostFilter(first_day=first_day, last_day=last_day, budget_line=budget_line)
    found = await services.metrics.list_costs(principal, criteria, page)
    return ItemPage(items=[cost_out(cost) for cost in found.items], next_cursor=encode_cursor(found.next_after))


@router.get(
    "/{cost_id}",
    dependencies=[allowed(COST_READERS)],
    summary="Read a programme cost",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_cost(
    cost_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> CostOut:
    """One cost (admin, manager, analyst). Its `ETag` is the version for `If-Match`."""
    cost = await services.metrics.get_cost(principal, cost_id)
    return conditional(cost_out(cost), cost.version)


@router.patch(
    "/{cost_id}",
    dependencies=[allowed(COST_KEEPERS)],
    summary="Change a programme cost",
    responses=problems(problem.NOT_FOUND),
)
async def update_cost(
    cost_id: UUID,
    body: CostUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CostOut:
    """Change the fields sent (admin); a new amount or currency must be in the programme's currency.
    Honours If-Match."""
    command = UpdateCostCommand(cost_id=cost_id, changes=cost_changes(body), expected_version=expected_version)
    cost = await services.metrics.update_cost(principal, command)
    set_etag(response, cost.version)
    return cost_out(cost)


@router.delete(
    "/{cost_id}",
    dependencies=[allowed(COST_KEEPERS)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a programme cost",
    response_description="The cost is deleted; the cost KPIs no longer count it.",
    responses=problems(problem.NOT_FOUND),
)
async def delete_cost(
    cost_id: UUID, principal: PrincipalDep, services: ServicesDep, expected_version: ExpectedVersionDep
) -> None:
    """Delete a cost entered by mistake (admin). Honours If-Match."""
    await services.metrics.delete_cost(principal, DeleteCostCommand(cost_id=cost_id, expected_version=expected_version))
