"""GraphQL entry points of the programme's costs: read them (admin, manager, analyst), keep them (admin)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import global_id, uuid_of
from app.api.graphql.metrics import programme_cost_inputs as inputs
from app.api.graphql.metrics.programme_cost_types import (
    BudgetLine,
    ChangeProgrammeCostResult,
    DeletedProgrammeCost,
    DeleteProgrammeCostResult,
    ProgrammeCost,
    RecordProgrammeCostResult,
    programme_cost_node,
)
from app.domain.errors import NotFound
from app.ports.metrics import CostFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.metrics.manage_costs import DeleteCostCommand, UpdateCostCommand

Info = strawberry.Info[GraphQLContext, None]
CostId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The cost's `id`.")]


@strawberry.type
class ProgrammeCostQuery:
    @described.field("Page through the programme's costs, the latest recorded first (admin, manager, analyst).")
    async def programme_costs(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        first_day: Annotated[
            date | None,
            strawberry.argument(name="from", description="Only the costs incurred on this day or later."),
        ] = None,
        last_day: Annotated[
            date | None, strawberry.argument(name="to", description="Only the costs incurred on this day or earlier.")
        ] = None,
        budget_line: Annotated[
            BudgetLine | None, strawberry.argument(description="Only the costs on this budget line.")
        ] = None,
    ) -> Connection[ProgrammeCost]:
        page = page_request(first, after)
        criteria = CostFilter(first_day=first_day, last_day=last_day, budget_line=budget_line)
        found = await info.context.services.metrics.list_costs(info.context.principal, criteria, page)
        return connection(found, programme_cost_node, page)

    @described.field("One cost of the programme, or null (admin, manager, analyst).")
    async def programme_cost(self, info: Info, cost_id: CostId) -> ProgrammeCost | None:
        metrics = info.context.services.metrics
        try:
            found = await metrics.get_cost(info.context.principal, uuid_of(cost_id, "ProgrammeCost", ("id",)))
        except NotFound:
            return None
        return programme_cost_node(found)


@strawberry.type
class ProgrammeCostMutation:
    @described.mutation(
        "Record a dated cost on one of the budget lines (admin), in the programme's currency, which `currency` "
        "must name."
    )
    async def record_programme_cost(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.ProgrammeCostInput, strawberry.argument(description="The cost.")
        ],
    ) -> RecordProgrammeCostResult:
        cost = await info.context.services.metrics.record_cost(info.context.principal, inputs.cost_fields(input))
        return programme_cost_node(cost)

    @described.mutation("Change the fields sent (admin); a new amount or currency must be in the programme's currency.")
    async def update_programme_cost(
        self,
        info: Info,
        cost_id: CostId,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.ProgrammeCostChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeProgrammeCostResult:
        command = UpdateCostCommand(
            cost_id=uuid_of(cost_id, "ProgrammeCost", ("id",)),
            changes=inputs.cost_changes(input),
            expected_version=expected_version,
        )
        return programme_cost_node(await info.context.services.metrics.update_cost(info.context.principal, command))

    @described.mutation("Delete a cost entered by mistake (admin); the cost KPIs no longer count it.")
    async def delete_programme_cost(
        self, info: Info, cost_id: CostId, expected_version: ExpectedVersion = None
    ) -> DeleteProgrammeCostResult:
        uuid = uuid_of(cost_id, "ProgrammeCost", ("id",))
        command = DeleteCostCommand(cost_id=uuid, expected_version=expected_version)
        await info.context.services.metrics.delete_cost(info.context.principal, command)
        return DeletedProgrammeCost(programme_cost_id=global_id("ProgrammeCost", uuid))
