"""GraphQL inputs of the programme's costs, converted to the same values REST gives the use cases."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.metrics.programme_cost_types import BudgetLine
from app.api.graphql.scalars import MinorUnits
from app.domain.metrics.costs import CostFields

CLEARABLE = frozenset({"description"})


@strawberry.input(description="A cost of the programme, in its currency.")
class ProgrammeCostInput:
    budget_line: BudgetLine = strawberry.field(description="Which budget line it is on.")
    incurred_on: date = strawberry.field(description="The day it was incurred; the cost KPIs count it then.")
    amount_minor: MinorUnits = strawberry.field(description="What it cost, in minor units (cents) of `currency`.")
    currency: str = strawberry.field(description="ISO 4217 code: the programme's currency (its settings').")
    description: str | None = strawberry.field(default=None, description="What it was for.")


@strawberry.input(description="Only the fields sent change; null clears the description only.")
class ProgrammeCostChangesInput:
    budget_line: strawberry.Maybe[BudgetLine | None] = strawberry.field(description="Which budget line it is on.")
    incurred_on: strawberry.Maybe[date | None] = strawberry.field(description="The day it was incurred.")
    amount_minor: strawberry.Maybe[MinorUnits | None] = strawberry.field(
        description="What it cost, in minor units of the programme's currency."
    )
    currency: strawberry.Maybe[str | None] = strawberry.field(description="ISO 4217: the programme's currency.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it was for; null clears it.")


def cost_fields(data: ProgrammeCostInput) -> CostFields:
    return CostFields(
        budget_line=data.budget_line,
        incurred_on=data.incurred_on,
        amount_minor=int(data.amount_minor),
        currency=data.currency,
        description=data.description,
    )


def cost_changes(data: ProgrammeCostChangesInput) -> dict[str, Any]:
    return sent_changes(data, CLEARABLE)
