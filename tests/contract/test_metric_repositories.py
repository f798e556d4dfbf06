"""The metrics' own repositories on the fakes and on PostgreSQL: programme costs (filters, order, changes,
removal, tenants), the audience history of social accounts, and a share's potential reach."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.costs import BudgetLine, CostFields, ProgrammeCost
from app.domain.roster.ambassadors import SocialAccount
from app.domain.roster.tenants import Tenant
from app.ports.metrics import CostFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, connect, enrol, hire


async def add_cost(
    backend: Backend, tenant: Tenant, day: date, line: BudgetLine = BudgetLine.PLATFORM
) -> ProgrammeCost:
    fields = CostFields(budget_line=line, incurred_on=day, amount_minor=1000, currency="EUR", description="Licence")
    cost = ProgrammeCost.create(
        id=backend.ids.new_id(), tenant_id=tenant.id, fields=fields, programme_currency="EUR", author="admin", now=NOW
    )
    async with backend.uow(tenant.id) as uow:
        await uow.programme_costs.add(cost)
        await uow.commit()
    return cost


async def test_costs_are_filtered_by_day_and_line_and_paged_in_either_order(backend: Backend) -> None:
    acme = await add_tenant(backend)
    march = await add_cost(backend, acme, date(2026, 3, 1))
    late_march = await add_cost(backend, acme, date(2026, 3, 31), BudgetLine.REWARDS)
    april = await add_cost(backend, acme, date(2026, 4, 1))

    async with backend.uow(acme.id) as uow:
        oldest = await uow.programme_costs.list(CostFilter(), PageRequest(limit=2))
        newest = await uow.programme_costs.list(CostFilter(), PageRequest(limit=2).newest_first())
        after = await uow.programme_costs.list(
            CostFilter(), PageRequest(after=newest.next_after, limit=2).newest_first()
        )
        in_march = await uow.programme_costs.list(
            CostFilter(first_day=date(2026, 3, 1), last_day=date(2026, 3, 31)), PageRequest()
        )
        rewards = await uow.programme_costs.list(CostFilter(budget_line=BudgetLine.REWARDS), PageRequest())

    assert [cost.id for cost in oldest.items] == [march.id, late_march.id]
    assert [cost.id for cost in newest.items] == [april.id, late_march.id]
    assert ([cost.id for cost in after.items], after.next_after) == ([march.id], None)
    assert [cost.id for cost in in_march.items] == [march.id, late_march.id]
    assert rewards.items == [late_march]


async def test_a_cost_is_changed_and_removed_within_its_tenant_only(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ours = await add_cost(backend, acme, date(2026, 3, 1))
    theirs = await add_cost(backend, globex, date(2026, 3, 1))

    async with backend.uow(acme.id) as uow:
        cost = await uow.programme_costs.get(ours.id, for_update=True)
        assert cost == ours
        assert cost is not None
        cost.edit({"amount_minor": 2500, "description": None}, "EUR", LATER)
        await uow.programme_costs.save(cost)
        assert await uow.programme_costs.get(theirs.id) is None
        await uow.programme_costs.remove(theirs.id)
        assert (await uow.programme_costs.list(CostFilter(), PageRequest())).items == [cost]
        await uow.commit()

    async with backend.uow(acme.id) as uow:
        stored = await uow.programme_costs.get(ours.id)
        assert stored is not None
        assert (stored.fields.amount_minor, stored.fields.description, stored.version, stored.updated_at) == (
            2500,
            None,
            2,
            LATER,
        )
        await uow.programme_costs.remove(ours.id)
        await uow.commit()
    async with backend.uow(acme.id) as uow:
        assert await uow.programme_costs.get(ours.id) is None
    async with backend.uow(globex.id) as uow:
        assert await uow.programme_costs.get(theirs.id) == theirs


async def account_of(backend: Backend, slug: str = "acme") -> SocialAccount:
    tenant = await add_tenant(backend, slug)
    member = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    return await connect(backend, member, "ada")


def observed(account: SocialAccount, days: int, size: int) -> AudienceObservation:
    return AudienceObservation(
        tenant_id=account.tenant_id,
        social_account_id=account.id,
        observed_at=NOW + timedelta(days=days),
        audience_size=size,
    )


async def test_audiences_are_kept_newest_first_and_the_last_given_at_an_instant_wins(backend: Backend) -> None:
    account = await account_of(backend)
    async with backend.uow(account.tenant_id) as uow:
        for days, size in ((0, 100), (7, 150), (7, 160), (14, 220)):
            await uow.audience.record(observed(account, days, size))
        await uow.social_accounts.save(replace(account, audience_size=220))
        await uow.commit()

    async with backend.uow(account.tenant_id) as uow:
        first = await uow.audience.list(account.id, None, 2)
        rest = await uow.audience.list(account.id, first.next_before, 2)
        stored = await uow.social_accounts.get(account.id)

    assert [(item.observed_at, item.audience_size) for item in first.items] == [
        (NOW + timedelta(days=14), 220),
        (NOW + timedelta(days=7), 160),
    ]
    assert ([item.audience_size for item in rest.items], rest.next_before) == ([100], None)
    assert stored is not None
    assert stored.audience_size == 220


async def test_an_account_s_audience_history_goes_with_it_and_stays_in_its_tenant(backend: Backend) -> None:
    ours, theirs = await account_of(backend, "acme"), await account_of(backend, "globex")
    for account in (ours, theirs):
        async with backend.uow(account.tenant_id) as uow:
            await uow.audience.record(observed(account, 0, 100))
            await uow.commit()

    async with backend.uow(ours.tenant_id) as uow:
        assert (await uow.audience.list(theirs.id, None, 10)).items == []
        await uow.social_accounts.remove(ours.id)
        await uow.commit()
    async with backend.uow(ours.tenant_id) as uow:
        assert (await uow.audience.list(ours.id, None, 10)).items == []
    async with backend.uow(theirs.tenant_id) as uow:
        assert [item.audience_size for item in (await uow.audience.list(theirs.id, None, 10)).items] == [100]
