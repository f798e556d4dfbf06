"""Keep the programme's costs (admins) and read them (admins, managers, analysts): the dated entries the
cost KPIs and the return on investment are computed from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.metrics.costs import CostFields, ProgrammeCost
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import CostFilter
from app.ports.pagination import Page, PageRequest
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.metrics.read_metrics import METRIC_READERS

COST_KEEPERS = frozenset({Role.ADMIN})
COST_READERS = METRIC_READERS


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCostCommand:
    cost_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeleteCostCommand:
    cost_id: UUID
    expected_version: int | None = None


async def _cost_for_change(uow: UnitOfWork, cost_id: UUID, expected_version: int | None) -> ProgrammeCost:
    cost = await uow.programme_costs.get(cost_id, for_update=True)
    if cost is None:
        raise NotFound("programme cost", cost_id)
    cost.require_version(expected_version)
    return cost


class RecordCost(UseCase):
    """Admins only. The amount is in whole minor units of the programme's currency, which the cost names
    (another currency is refused at ``currency``); the description is optional."""

    async def __call__(self, principal: Principal, fields: CostFields) -> ProgrammeCost:
        principal.require_any(COST_KEEPERS)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            cost = ProgrammeCost.create(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                fields=fields,
                programme_currency=settings.currency,
                author=principal.subject,
                now=self._clock.now(),
            )
            await uow.programme_costs.add(cost)
            await uow.commit()
        return cost


class UpdateCost(UseCase):
    """Admins only; only the fields sent change. A new amount or currency must be in the programme's
    currency; a cost recorded before the programme changed currency keeps its own otherwise."""

    async def __call__(self, principal: Principal, command: UpdateCostCommand) -> ProgrammeCost:
        principal.require_any(COST_KEEPERS)
        async with self._uow(principal.require_tenant()) as uow:
            cost = await _cost_for_change(uow, command.cost_id, command.expected_version)
            settings = await uow.settings.get()
            before = cost.version
            cost.edit(command.changes, settings.currency, self._clock.now())
            if cost.version != before:
                await uow.programme_costs.save(cost)
                await uow.commit()
        return cost


class DeleteCost(UseCase):
    """Admins only: the entry is gone, and the KPIs no longer count it."""

    async def __call__(self, principal: Principal, command: DeleteCostCommand) -> None:
        principal.require_any(COST_KEEPERS)
        async with self._uow(principal.require_tenant()) as uow:
            cost = await _cost_for_change(uow, command.cost_id, command.expected_version)
            await uow.programme_costs.remove(cost.id)
            await uow.commit()


class GetCost(UseCase):
    """Admins, managers and analysts read any cost of the programme."""

    async def __call__(self, principal: Principal, cost_id: UUID) -> ProgrammeCost:
        principal.require_any(COST_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            cost = await uow.programme_costs.get(cost_id)
        if cost is None:
            raise NotFound("programme cost", cost_id)
        return cost


class ListCosts(UseCase):
    """Admins, managers and analysts page through the costs, the latest recorded first, filtered by the
    days they were incurred (both ends included) and by budget line."""

    async def __call__(self, principal: Principal, criteria: CostFilter, page: PageRequest) -> Page[ProgrammeCost]:
        principal.require_any(COST_READERS)
        first, last = criteria.first_day, criteria.last_day
        if first is not None and last is not None and first > last:
            raise ValidationFailed(
                "The period is not valid.",
                [FieldError(("query", "to"), "The period must start on or before its last day (to).")],
            )
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.programme_costs.list(criteria, page.newest_first())
