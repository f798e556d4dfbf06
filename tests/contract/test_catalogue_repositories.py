"""The catalogue's repositories on the fakes and on PostgreSQL: units of stock taken and put back,
redemptions held against a limit, donation totals per association, kudos newest first, and every
read scoped to its tenant."""

from __future__ import annotations

from dataclasses import replace

from app.domain.rewards.catalogue import Reward, RewardFields, RewardKind
from app.domain.rewards.donations import Association, AssociationFields, Donation
from app.domain.rewards.kudos import Kudos
from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.redemptions import Redemption, RedemptionStatus
from app.domain.roster.ambassadors import Ambassador
from app.ports.pagination import PageRequest
from app.ports.rewards_catalogue import RedemptionFilter, RewardFilter
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, enrol, hire


async def member(backend: Backend, slug: str = "acme", name: str = "Ada") -> Ambassador:
    tenant = await add_tenant(backend, slug)
    return await enrol(backend, tenant, await hire(backend, tenant, name))


async def add_reward(backend: Backend, ambassador: Ambassador, **fields: object) -> Reward:
    values: dict[str, object] = {"name": "Mug", "kind": RewardKind.GIFT, "cost": 10} | fields
    reward = Reward.create(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        fields=RewardFields(**values),  # type: ignore[arg-type]
        author="manager",
        now=NOW,
    )
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.catalogue.add(reward)
        await uow.commit()
    return reward


async def spend_entry(backend: Backend, ambassador: Ambassador, points: int) -> PointEntry:
    """An award then a spend of ``points``, as a redemption's entry needs."""
    award = PointEntry(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        ambassador_id=ambassador.id,
        points=points,
        kind=EntryKind.ADJUSTMENT,
        rule="adjustment",
        reason="Welcome points",
        occurred_at=NOW,
        recorded_at=NOW,
    )
    spend = replace(award, id=backend.ids.new_id(), points=-points, kind=EntryKind.REDEMPTION, rule="redemption")
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.points.append([award])
        assert await uow.points.spend(ambassador.id, points, spend)
        await uow.commit()
    return spend


async def take(backend: Backend, reward: Reward) -> bool:
    async with backend.uow(reward.tenant_id) as uow:
        taken = await uow.catalogue.take_unit(reward.id)
        await uow.commit()
    return taken


async def stock_of(backend: Backend, reward: Reward) -> int | None:
    async with backend.uow(reward.tenant_id) as uow:
        found = await uow.catalogue.get(reward.id)
    assert found is not None
    return found.fields.stock


async def test_units_are_taken_until_none_is_left_and_put_back(backend: Backend) -> None:
    ada = await member(backend)
    few = await add_reward(backend, ada, stock=2)
    endless = await add_reward(backend, ada, name="Thanks")

    assert [await take(backend, few) for _ in range(3)] == [True, True, False]
    assert await stock_of(backend, few) == 0
    assert all([await take(backend, endless) for _ in range(3)])
    assert await stock_of(backend, endless) is None
    async with backend.uow(ada.tenant_id) as uow:
        await uow.catalogue.return_unit(few.id)
        await uow.catalogue.return_unit(endless.id)
        await uow.commit()
    assert (await stock_of(backend, few), await stock_of(backend, endless)) == (1, None)


async def test_rewards_offered_at_an_instant_are_the_active_ones_inside_their_window(backend: Backend) -> None:
    ada = await member(backend)
    always = await add_reward(backend, ada, name="Always")
    await add_reward(backend, ada, name="Later", available_from=LATER)
    until = await add_reward(backend, ada, name="Until later", available_until=LATER)
    gone = await add_reward(backend, ada, name="Gone")
    gone.archive(NOW)
    async with backend.uow(ada.tenant_id) as uow:
        await uow.catalogue.save(gone)
        await uow.commit()
        offered = await uow.catalogue.list(RewardFilter(available_at=NOW), PageRequest())
        everything = await uow.catalogue.list(RewardFilter(), PageRequest())

    assert [r.id for r in offered.items] == [always.id, until.id]
    assert len(everything.items) == 4


async def test_redemptions_held_count_neither_rejected_nor_cancelled_ones(backend: Backend) -> None:
    ada = await member(backend)
    lunch = await add_reward(backend, ada, cost=5, requires_approval=True)
    stored = []
    for _ in range(3):
        entry = await spend_entry(backend, ada, 5)
        redemption = Redemption.request(
            id=backend.ids.new_id(), reward=lunch, ambassador_id=ada.id, spend_entry_id=entry.id, now=NOW
        )
        async with backend.uow(ada.tenant_id) as uow:
            await uow.redemptions.add(redemption)
            await uow.commit()
        stored.append(redemption)
    stored[0].cancel(LATER)
    stored[0].refund_recorded((await spend_entry(backend, ada, 1)).id)
    async with backend.uow(ada.tenant_id) as uow:
        await uow.redemptions.save(stored[0])
        await uow.commit()
        held = await uow.redemptions.held(ada.id, lunch.id)
        requested = await uow.redemptions.list(RedemptionFilter(status=RedemptionStatus.REQUESTED), PageRequest())
        cancelled = await uow.redemptions.get(stored[0].id)

    assert held == 2
    assert [r.id for r in requested.items] == [stored[1].id, stored[2].id]
    assert cancelled is not None
    assert (cancelled.status, cancelled.version) == (RedemptionStatus.CANCELLED, 2)


async def donate(backend: Backend, who: Ambassador, association: Association, points: int) -> None:
    entry = await spend_entry(backend, who, points)
    donation = Donation(
        id=backend.ids.new_id(),
        tenant_id=who.tenant_id,
        association_id=association.id,
        ambassador_id=who.id,
        points=points,
        entry_id=entry.id,
        created_at=NOW,
    )
    async with backend.uow(who.tenant_id) as uow:
        await uow.donations.add(donation)
        await uow.commit()


async def listed(backend: Backend, who: Ambassador, name: str) -> Association:
    association = Association.create(
        id=backend.ids.new_id(), tenant_id=who.tenant_id, fields=AssociationFields(name=name), now=NOW
    )
    async with backend.uow(who.tenant_id) as uow:
        await uow.associations.add(association)
        await uow.commit()
    return association


async def test_donation_totals_are_per_association_and_per_tenant(backend: Backend) -> None:
    acme = await add_tenant(backend, "acme")
    ada = await enrol(backend, acme, await hire(backend, acme, "Ada"))
    bob = await enrol(backend, acme, await hire(backend, acme, "Bob"))
    eve = await member(backend, "globex", "Eve")
    restos, croix = await listed(backend, ada, "Restos"), await listed(backend, ada, "Croix-Rouge")
    theirs = await listed(backend, eve, "Restos")
    await donate(backend, ada, restos, 7)
    await donate(backend, ada, restos, 3)
    await donate(backend, bob, restos, 5)
    await donate(backend, bob, croix, 1)
    await donate(backend, eve, theirs, 100)

    async with backend.uow(acme.id) as uow:
        totals = await uow.donations.totals()
        bobs = await uow.donations.list(bob.id, PageRequest())

    expected = {(restos.id, 15, 3, 2), (croix.id, 1, 1, 1)}
    assert {(t.association_id, t.points, t.donations, t.donors) for t in totals} == expected
    assert [(d.association_id, d.points) for d in bobs.items] == [(restos.id, 5), (croix.id, 1)]


async def test_kudos_are_listed_newest_first_and_never_across_tenants(backend: Backend) -> None:
    ada = await member(backend)
    eve = await member(backend, "globex", "Eve")
    sent = []
    for message in ("First", "Second"):
        kudos = Kudos.send(
            id=backend.ids.new_id(),
            tenant_id=ada.tenant_id,
            ambassador_id=ada.id,
            message=message,
            sender="manager",
            now=NOW,
        )
        async with backend.uow(ada.tenant_id) as uow:
            await uow.kudos.add(kudos)
            await uow.commit()
        sent.append(kudos)
    async with backend.uow(ada.tenant_id) as uow:
        newest = await uow.kudos.list(ada.id, PageRequest(sort="-id", limit=1))
    async with backend.uow(eve.tenant_id) as uow:
        theirs = await uow.kudos.list(ada.id, PageRequest())

    assert [k.message for k in newest.items] == ["Second"]
    assert newest.next_after == sent[1].id
    assert theirs.items == []
    assert [e.type for e in await backend.outbox() if e.type == "kudos.sent"] == ["kudos.sent", "kudos.sent"]
