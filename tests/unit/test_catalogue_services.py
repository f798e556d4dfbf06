"""The catalogue's use cases on the in-memory fakes: redeeming spends and takes a unit, undoing refunds,
donating, kudos, and who may do what."""

from __future__ import annotations

from uuid import UUID

import pytest

from app.domain.errors import DomainError, Forbidden, NotAnAmbassador, NotFound
from app.domain.rewards.catalogue import RewardFields, RewardKind
from app.domain.rewards.donations import AssociationFields
from app.domain.rewards.ledger import ADJUSTMENT_RULE, EntryKind, PointEntry
from app.domain.rewards.redemptions import RedemptionStatus
from app.domain.rewards.refusals import InsufficientPoints, OutOfStock
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import PageRequest
from app.services.rewards.decide_redemption import RedemptionCommand, RejectRedemptionCommand
from app.services.rewards.donate_points import DonateCommand
from app.services.rewards.send_kudos import SendKudosCommand
from tests.unit.world import NOW, World, two_tenants


async def credit(world: World, ambassador_id: UUID, points: int) -> None:
    entry = PointEntry(
        id=world.ids.new_id(),
        tenant_id=world.acme.id,
        ambassador_id=ambassador_id,
        points=points,
        kind=EntryKind.ADJUSTMENT,
        rule=ADJUSTMENT_RULE,
        reason="Welcome points",
        occurred_at=NOW,
        recorded_at=NOW,
    )
    async with world.uow(world.acme.id) as uow:
        await uow.points.append([entry])
        await uow.commit()


async def balance_of(world: World, ambassador_id: UUID) -> int:
    async with world.uow(world.acme.id) as uow:
        return (await uow.points.balance(ambassador_id)).balance


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def manager(world: World) -> Principal:
    return world.staff(Role.MANAGER)


async def test_redeeming_spends_the_cost_takes_a_unit_and_a_rejection_gives_both_back(world: World) -> None:
    ada, member = await world.member("Ada")
    await credit(world, member.id, 100)
    fields = RewardFields(name="Mug", kind=RewardKind.GIFT, cost=60, stock=1, requires_approval=True)
    mug = await world.catalogue.create_reward(manager(world), fields)

    redemption = await world.catalogue.redeem_reward(ada, mug.id)
    assert (redemption.status, await balance_of(world, member.id)) == (RedemptionStatus.REQUESTED, 40)
    with pytest.raises(OutOfStock):
        await world.catalogue.redeem_reward(ada, mug.id)

    rejected = await world.catalogue.reject_redemption(
        manager(world), RejectRedemptionCommand(redemption_id=redemption.id, reason="Out of mugs.")
    )
    assert (rejected.status, await balance_of(world, member.id)) == (RedemptionStatus.REJECTED, 100)
    assert (await world.catalogue.get_reward(manager(world), mug.id)).fields.stock == 1


async def test_refusals_write_nothing(world: World) -> None:
    ada, member = await world.member("Ada")
    await credit(world, member.id, 10)
    dear = await world.catalogue.create_reward(manager(world), RewardFields(name="Pass", kind=RewardKind.GIFT, cost=11))
    before = world.events()

    with pytest.raises(InsufficientPoints) as refused:
        await world.catalogue.redeem_reward(ada, dear.id)

    assert (refused.value.balance, refused.value.cost) == (10, 11)
    assert world.events() == before
    assert await balance_of(world, member.id) == 10


async def test_a_paused_member_cannot_redeem_nor_donate(world: World) -> None:
    ada, member = await world.member("Ada")
    await credit(world, member.id, 100)
    mug = await world.catalogue.create_reward(manager(world), RewardFields(name="Mug", kind=RewardKind.GIFT, cost=10))
    restos = await world.catalogue.create_association(manager(world), AssociationFields(name="Restos"))
    async with world.uow(world.acme.id) as uow:
        paused = await uow.ambassadors.get(member.id)
        assert paused is not None
        paused.change_status(MembershipStatus.PAUSED, NOW)
        await uow.ambassadors.save(paused)
        await uow.commit()

    with pytest.raises(NotAnAmbassador):
        await world.catalogue.redeem_reward(ada, mug.id)
    with pytest.raises(NotAnAmbassador):
        await world.catalogue.donate_points(ada, DonateCommand(association_id=restos.id, points=10))
    assert await balance_of(world, member.id) == 100


@pytest.mark.parametrize("who", ["ambassador", "another tenant's manager"])
async def test_only_the_tenants_staff_approve(world: World, who: str) -> None:
    ada, member = await world.member("Ada")
    await credit(world, member.id, 100)
    fields = RewardFields(name="Lunch", kind=RewardKind.EXPERIENCE, cost=10, requires_approval=True)
    lunch = await world.catalogue.create_reward(manager(world), fields)
    redemption = await world.catalogue.redeem_reward(ada, lunch.id)
    caller = ada if who == "ambassador" else world.staff(Role.MANAGER, tenant=world.globex)
    expected: type[DomainError] = Forbidden if who == "ambassador" else NotFound

    with pytest.raises(expected):
        await world.catalogue.approve_redemption(caller, RedemptionCommand(redemption_id=redemption.id))


async def test_donations_add_up_per_association_and_kudos_reach_the_profile(world: World) -> None:
    ada, member = await world.member("Ada")
    await credit(world, member.id, 100)
    restos = await world.catalogue.create_association(manager(world), AssociationFields(name="Restos"))
    await world.catalogue.donate_points(ada, DonateCommand(association_id=restos.id, points=30))
    await world.catalogue.donate_points(ada, DonateCommand(association_id=restos.id, points=20))
    await world.catalogue.send_kudos(manager(world), SendKudosCommand(ambassador_id=member.id, message="Bravo"))

    [total] = await world.catalogue.get_donation_totals(ada)
    assert (total.points, total.donations, total.donors) == (50, 2, 1)
    assert await balance_of(world, member.id) == 50
    kudos = await world.catalogue.list_my_kudos(ada, PageRequest(sort="-id"))
    assert [k.message for k in kudos.items] == ["Bravo"]
    assert world.events()[-3:] == ["donation.made", "donation.made", "kudos.sent"]
