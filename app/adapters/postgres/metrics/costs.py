"""PostgreSQL repository of the programme's costs; scoped to the tenant."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.metrics.tables import ProgrammeCostRow
from app.adapters.postgres.repository import _Repository
from app.domain.metrics.costs import BudgetLine, CostFields, ProgrammeCost
from app.ports.metrics import CostFilter
from app.ports.pagination import Page, PageRequest

programme_costs: sa.Table = ProgrammeCostRow.__table__  # type: ignore[attr-defined]
_c = programme_costs.c
_FIXED = ("tenant_id", "id", "recorded_by", "created_at")


def cost_values(cost: ProgrammeCost) -> dict[str, Any]:
    fields = cost.fields
    return {
        "tenant_id": cost.tenant_id,
        "id": cost.id,
        "budget_line": fields.budget_line.value,
        "incurred_on": fields.incurred_on,
        "amount_minor": fields.amount_minor,
        "currency": fields.currency,
        "description": fields.description,
        "recorded_by": cost.recorded_by,
        "version": cost.version,
        "created_at": cost.created_at,
        "updated_at": cost.updated_at,
    }


def cost_from_row(row: Any) -> ProgrammeCost:
    return ProgrammeCost(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=CostFields(
            budget_line=BudgetLine(row.budget_line),
            incurred_on=row.incurred_on,
            amount_minor=row.amount_minor,
            currency=row.currency,
            description=row.description,
        ),
        recorded_by=row.recorded_by,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class PostgresProgrammeCostRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(programme_costs).where(_c.tenant_id == self._tenant_id)

    async def add(self, cost: ProgrammeCost) -> None:
        self._require_own(cost.tenant_id)
        await self._write(sa.insert(programme_costs).values(cost_values(cost)), cost)

    async def save(self, cost: ProgrammeCost) -> None:
        self._require_own(cost.tenant_id)
        values = {name: value for name, value in cost_values(cost).items() if name not in _FIXED}
        statement = sa.update(programme_costs).where(_c.tenant_id == self._tenant_id, _c.id == cost.id).values(values)
        await self._write(statement, cost)

    async def get(self, cost_id: UUID, *, for_update: bool = False) -> ProgrammeCost | None:
        statement = self._select().where(_c.id == cost_id)
        return await self._one(statement.with_for_update() if for_update else statement, cost_from_row)

    async def remove(self, cost_id: UUID) -> None:
        await self._write(sa.delete(programme_costs).where(_c.tenant_id == self._tenant_id, _c.id == cost_id))

    async def list(self, criteria: CostFilter, page: PageRequest) -> Page[ProgrammeCost]:
        statement = self._select()
        if criteria.first_day is not None:
            statement = statement.where(_c.incurred_on >= criteria.first_day)
        if criteria.last_day is not None:
            statement = statement.where(_c.incurred_on <= criteria.last_day)
        if criteria.budget_line is not None:
            statement = statement.where(_c.budget_line == criteria.budget_line.value)
        return await self._page(statement, _c.id, page, cost_from_row)
