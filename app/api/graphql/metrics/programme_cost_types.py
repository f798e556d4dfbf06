"""GraphQL types of the programme's costs: the cost, the results of its mutations, and the mapper."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.enums import domain_enum
from app.api.graphql.errors import ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError
from app.api.graphql.scalars import MinorUnits
from app.domain.metrics import costs
from app.domain.metrics.costs import BudgetLine

__all__ = ["BudgetLine"]

domain_enum(
    BudgetLine,
    "The budget lines of an employee advocacy programme.",
    {
        BudgetLine.PLATFORM: "The advocacy platform: licences, integration, hosting.",
        BudgetLine.CONTENT_CREATION: "Contents made to be shared: writing, design, photos, videos.",
        BudgetLine.ANIMATION: "Running the programme: events, training, the programme manager's time.",
        BudgetLine.REWARDS: "Gifts, experiences and donations the ambassadors' points turn into.",
    },
)


@strawberry.type(description="A dated cost of the programme, in minor units of its currency.")
class ProgrammeCost(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this cost safely.")
    budget_line: BudgetLine = strawberry.field(description="Which budget line it is on.")
    incurred_on: date = strawberry.field(description="The day it was incurred.")
    amount_minor: MinorUnits = strawberry.field(description="What it cost, in minor units (cents) of `currency`.")
    currency: str = strawberry.field(
        description="ISO 4217 code of the amount; the cost KPIs count only costs in the programme's currency."
    )
    description: str | None = strawberry.field(description="What it was for, if said.")
    recorded_by: str = strawberry.field(description="Who recorded it (their token's subject).")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this cost (`/v1/programme-costs/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="The cost deleted.")
class DeletedProgrammeCost:
    programme_cost_id: relay.GlobalID = strawberry.field(description="The `id` the cost had; remove it from caches.")


RecordProgrammeCostResult = Annotated[
    ProgrammeCost | ValidationError | ForbiddenError,
    strawberry.union("RecordProgrammeCostResult", description="The cost recorded, or why it was refused."),
]
ChangeProgrammeCostResult = Annotated[
    ProgrammeCost | NotFoundError | ValidationError | PreconditionFailedError | ForbiddenError,
    strawberry.union("ChangeProgrammeCostResult", description="The cost as changed, or why it was not."),
]
DeleteProgrammeCostResult = Annotated[
    DeletedProgrammeCost | NotFoundError | ValidationError | PreconditionFailedError | ForbiddenError,
    strawberry.union("DeleteProgrammeCostResult", description="The cost deleted, or why it was not."),
]


def programme_cost_node(cost: costs.ProgrammeCost) -> ProgrammeCost:
    fields = cost.fields
    return ProgrammeCost(
        id=cost.id,
        version=cost.version,
        budget_line=fields.budget_line,
        incurred_on=fields.incurred_on,
        amount_minor=MinorUnits(fields.amount_minor),
        currency=fields.currency,
        description=fields.description,
        recorded_by=cost.recorded_by,
        created_at=cost.created_at,
        updated_at=cost.updated_at,
    )
