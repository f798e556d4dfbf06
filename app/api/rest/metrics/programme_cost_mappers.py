"""Programme costs between REST bodies and the domain."""

from __future__ import annotations

from typing import Any

from app.api.rest.metrics.programme_cost_schemas import CostCreate, CostOut, CostUpdate
from app.domain.metrics.costs import CostFields, ProgrammeCost


def cost_fields(body: CostCreate) -> CostFields:
    return CostFields(
        budget_line=body.budget_line,
        incurred_on=body.incurred_on,
        amount_minor=body.amount_minor,
        currency=body.currency,
        description=body.description,
    )


def cost_changes(body: CostUpdate) -> dict[str, Any]:
    """The fields sent, as the domain names them."""
    return {name: getattr(body, name) for name in body.model_fields_set}


def cost_out(cost: ProgrammeCost) -> CostOut:
    fields = cost.fields
    return CostOut(
        id=cost.id,
        budget_line=fields.budget_line,
        incurred_on=fields.incurred_on,
        amount_minor=fields.amount_minor,
        currency=fields.currency,
        description=fields.description,
        recorded_by=cost.recorded_by,
        version=cost.version,
        created_at=cost.created_at,
        updated_at=cost.updated_at,
    )
