"""The programme's costs: their rules, and their use cases on the in-memory fakes (who keeps and who
reads them, stale changes, filters, tenants)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from app.domain.errors import Forbidden, NotFound, PreconditionFailed, ValidationFailed
from app.domain.metrics.costs import BudgetLine, CostFields, ProgrammeCost
from app.domain.roster.identity import Role
from app.ports.metrics import CostFilter
from app.ports.pagination import PageRequest
from app.services.metrics.manage_costs import DeleteCostCommand, UpdateCostCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from tests.unit.world import World, two_tenants

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def fields(**changes: Any) -> CostFields:
    values: dict[str, Any] = {
        "budget_line": BudgetLine.PLATFORM,
        "incurred_on": date(2026, 3, 1),
        "amount_minor": 120_000,
        "currency": "EUR",
        "description": "  Licence, March  ",
    }
    return CostFields(**(values | changes))


def new_cost(**changes: Any) -> ProgrammeCost:
    return ProgrammeCost.create(
        id=uuid4(), tenant_id=uuid4(), fields=fields(**changes), programme_currency="EUR", author="admin", now=NOW
    )


def refused_at(error: pytest.ExceptionInfo[ValidationFailed]) -> dict[tuple[str | int, ...], str]:
    return {item.loc: item.message for item in error.value.errors}


# The rules


def test_a_cost_is_recorded_in_the_programme_s_currency_with_its_description_trimmed() -> None:
    cost = new_cost()

    assert (cost.fields.amount_minor, cost.fields.currency, cost.fields.description) == (
        120_000,
        "EUR",
        "Licence, March",
    )
    assert (cost.version, cost.recorded_by, cost.created_at) == (1, "admin", NOW)


def test_a_cost_in_another_currency_is_refused_naming_the_programme_s() -> None:
    with pytest.raises(ValidationFailed) as raised:
        new_cost(currency="USD")

    assert "programme's currency, EUR" in refused_at(raised)[("currency",)]


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"amount_minor": -1}, "amount_minor"),
        ({"amount_minor": 10**15 + 1}, "amount_minor"),
        ({"currency": "eur"}, "currency"),
        ({"description": " "}, "description"),
        ({"description": "x" * 501}, "description"),
        ({"description": "bell\a"}, "description"),
        ({"incurred_on": date(1899, 12, 31)}, "incurred_on"),
    ],
)
def test_a_bad_cost_is_refused_at_its_field(changes: dict[str, Any], where: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        new_cost(**changes)

    assert list(refused_at(raised)) == [(where,)]


def test_an_edit_bumps_the_version_only_when_something_changes() -> None:
    cost = new_cost()
    later = NOW + timedelta(days=1)

    cost.edit({"description": "Licence, March"}, "EUR", later)
    assert (cost.version, cost.updated_at) == (1, NOW)
    cost.edit({"amount_minor": 100_000, "budget_line": BudgetLine.ANIMATION}, "EUR", later)
    assert (cost.version, cost.updated_at, cost.fields.amount_minor) == (2, later, 100_000)
    assert cost.fields.budget_line is BudgetLine.ANIMATION


def test_a_cost_left_in_an_earlier_currency_keeps_it_until_its_amount_changes() -> None:
    cost = new_cost()

    cost.edit({"description": "Still in euros"}, "USD", NOW)
    assert cost.fields.currency == "EUR"
    with pytest.raises(ValidationFailed) as raised:
        cost.edit({"amount_minor": 5}, "USD", NOW)
    assert "programme's currency, USD" in refused_at(raised)[("currency",)]
    cost.edit({"amount_minor": 130_000, "currency": "USD"}, "USD", NOW)
    assert (cost.fields.amount_minor, cost.fields.currency) == (130_000, "USD")


def test_fields_that_are_not_the_cost_s_own_cannot_be_changed() -> None:
    with pytest.raises(ValidationFailed) as raised:
        new_cost().edit({"recorded_by": "someone", "version": 9}, "EUR", NOW)

    assert set(refused_at(raised)) == {("recorded_by",), ("version",)}


# The use cases


@pytest.fixture
async def world() -> World:
    return await two_tenants()


async def test_an_admin_keeps_the_costs_and_managers_and_analysts_read_them(world: World) -> None:
    metrics = world.services.metrics
    cost = await metrics.record_cost(world.admin, fields())

    for role in (Role.MANAGER, Role.ANALYST, Role.ADMIN):
        assert (await metrics.get_cost(world.staff(role), cost.id)).fields == cost.fields
    for role in (Role.MANAGER, Role.ANALYST, Role.MODERATOR, Role.INTEGRATOR):
        with pytest.raises(Forbidden):
            await metrics.record_cost(world.staff(role), fields())
    with pytest.raises(Forbidden):
        await metrics.update_cost(world.staff(Role.MANAGER), UpdateCostCommand(cost_id=cost.id, changes={}))
    with pytest.raises(Forbidden):
        await metrics.delete_cost(world.staff(Role.ANALYST), DeleteCostCommand(cost_id=cost.id))
    with pytest.raises(Forbidden):
        await metrics.list_costs(world.staff(Role.MODERATOR), CostFilter(), PageRequest())


async def test_a_cost_follows_the_programme_s_currency(world: World) -> None:
    metrics = world.services.metrics
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes={"currency": "GBP"}))

    with pytest.raises(ValidationFailed) as raised:
        await metrics.record_cost(world.admin, fields())
    assert "programme's currency, GBP" in refused_at(raised)[("currency",)]
    recorded = await metrics.record_cost(world.admin, fields(currency="GBP"))
    assert recorded.fields.currency == "GBP"


async def test_a_stale_change_or_deletion_is_refused_and_changes_nothing(world: World) -> None:
    metrics = world.services.metrics
    cost = await metrics.record_cost(world.admin, fields())
    changed = await metrics.update_cost(
        world.admin, UpdateCostCommand(cost_id=cost.id, changes={"amount_minor": 99}, expected_version=1)
    )
    assert changed.version == 2

    with pytest.raises(PreconditionFailed):
        await metrics.update_cost(
            world.admin, UpdateCostCommand(cost_id=cost.id, changes={"amount_minor": 1}, expected_version=1)
        )
    with pytest.raises(PreconditionFailed):
        await metrics.delete_cost(world.admin, DeleteCostCommand(cost_id=cost.id, expected_version=1))
    assert (await metrics.get_cost(world.admin, cost.id)).fields.amount_minor == 99
    await metrics.delete_cost(world.admin, DeleteCostCommand(cost_id=cost.id, expected_version=2))
    with pytest.raises(NotFound):
        await metrics.get_cost(world.admin, cost.id)


async def test_costs_are_listed_latest_recorded_first_within_the_days_and_line_asked(world: World) -> None:
    metrics = world.services.metrics
    march = await metrics.record_cost(world.admin, fields(incurred_on=date(2026, 3, 1)))
    rewards = await metrics.record_cost(
        world.admin, fields(incurred_on=date(2026, 3, 20), budget_line=BudgetLine.REWARDS)
    )
    april = await metrics.record_cost(world.admin, fields(incurred_on=date(2026, 4, 2)))

    every = await metrics.list_costs(world.admin, CostFilter(), PageRequest(limit=2))
    assert [cost.id for cost in every.items] == [april.id, rewards.id]
    rest = await metrics.list_costs(world.admin, CostFilter(), PageRequest(after=every.next_after, limit=2))
    assert ([cost.id for cost in rest.items], rest.next_after) == ([march.id], None)
    in_march = CostFilter(first_day=date(2026, 3, 1), last_day=date(2026, 3, 31))
    assert [c.id for c in (await metrics.list_costs(world.admin, in_march, PageRequest())).items] == [
        rewards.id,
        march.id,
    ]
    on_rewards = CostFilter(budget_line=BudgetLine.REWARDS)
    assert [c.id for c in (await metrics.list_costs(world.admin, on_rewards, PageRequest())).items] == [rewards.id]
    with pytest.raises(ValidationFailed) as raised:
        await metrics.list_costs(
            world.admin, CostFilter(first_day=date(2026, 4, 1), last_day=date(2026, 3, 1)), PageRequest()
        )
    assert list(refused_at(raised)) == [("query", "to")]


async def test_another_tenant_s_cost_reads_as_missing(world: World) -> None:
    metrics = world.services.metrics
    theirs = await metrics.record_cost(world.staff(Role.ADMIN, tenant=world.globex), fields())

    with pytest.raises(NotFound):
        await metrics.get_cost(world.admin, theirs.id)
    with pytest.raises(NotFound):
        await metrics.update_cost(world.admin, UpdateCostCommand(cost_id=theirs.id, changes={"amount_minor": 1}))
    with pytest.raises(NotFound):
        await metrics.delete_cost(world.admin, DeleteCostCommand(cost_id=theirs.id))
    assert (await metrics.list_costs(world.admin, CostFilter(), PageRequest())).items == []
