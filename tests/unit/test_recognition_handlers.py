"""The worker's recognition handlers on the in-memory fakes: rollups per period and campaign, badges
earned once, and a board read through the use case with a hidden member's own rank."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from app.domain.events import EventType, RecordedEvent
from app.domain.rewards.periods import PeriodKind
from app.domain.roster.ambassadors import Preferences
from app.services.rewards.leaderboards import LeaderboardRequest
from app.services.rewards.recognition_handlers import AwardBadges, RollUpPoints
from tests.unit.world import NOW, World, two_tenants


def event(world: World, type_: EventType, **data: Any) -> RecordedEvent:
    return RecordedEvent(id=world.ids.new_id(), type=type_.value, tenant_id=world.acme.id, occurred_at=NOW, data=data)


def awarded(world: World, ambassador_id: UUID, points: int, **data: Any) -> RecordedEvent:
    fields = {"ambassador_id": str(ambassador_id), "points": points, "occurred_at": NOW.isoformat()} | data
    return event(world, EventType.POINTS_AWARDED, **fields)


async def show(world: World, principal: Any, visible: bool) -> None:
    await world.roster.set_preferences(principal, Preferences(leaderboard_visible=visible))


async def test_points_roll_up_once_in_each_period_and_a_hidden_member_sees_only_their_own_rank() -> None:
    world = await two_tenants()
    ada, ada_member = await world.member("Ada")
    bob, bob_member = await world.member("Bob")
    await show(world, ada, True)
    rollup = RollUpPoints(world.uow, world.clock, world.ids)
    first = awarded(world, ada_member.id, 30)

    await rollup(first)
    await rollup(first)
    await rollup(awarded(world, bob_member.id, 50))
    await rollup(
        event(
            world, EventType.POINTS_REVERSED, ambassador_id=str(bob_member.id), points=-5, occurred_at=NOW.isoformat()
        )
    )

    read = world.services.recognition.read_leaderboard
    by_ada = await read(ada, LeaderboardRequest(period=PeriodKind.WEEK))
    by_bob = await read(bob, LeaderboardRequest(period=PeriodKind.ALL_TIME))
    assert [(row.rank, row.points) for row in by_ada.rows] == [(1, 30)]
    assert by_ada.me is not None
    assert (by_ada.me.rank, by_ada.me.points) == (1, 30)
    assert [row.ambassador_id for row in by_bob.rows] == [ada_member.id]
    assert by_bob.me is not None
    assert (by_bob.me.rank, by_bob.me.points, by_bob.me.visible) == (1, 45, False)


async def test_a_first_share_earns_its_badge_once_and_the_tenth_the_next() -> None:
    world = await two_tenants()
    ada, member = await world.member("Ada")
    badges = AwardBadges(world.uow, world.clock, world.ids)
    posted = [event(world, EventType.SHARE_POSTED, ambassador_id=str(member.id)) for _ in range(10)]

    await badges(posted[0])
    await badges(posted[0])
    after_one = [held.badge.key for held in await world.services.recognition.list_my_badges(ada)]
    for share in posted[1:]:
        await badges(share)
    after_ten = [held.badge.key for held in await world.services.recognition.list_my_badges(ada)]

    assert after_one == ["first-share"]
    assert after_ten == ["first-share", "shares-10"]
    assert world.events().count("badge.earned") == 2


async def test_a_lead_credited_to_two_members_counts_for_each_and_a_signup_for_none() -> None:
    world = await two_tenants()
    ada, ada_member = await world.member("Ada")
    bob, bob_member = await world.member("Bob")
    badges = AwardBadges(world.uow, world.clock, world.ids)
    credited = [{"ambassador_id": str(ada_member.id)}, {"ambassador_id": str(bob_member.id)}]

    await badges(event(world, EventType.CONVERSION_ATTRIBUTED, type="signup", credits=credited))
    none_yet = await world.services.recognition.list_my_badges(ada)
    await badges(event(world, EventType.CONVERSION_ATTRIBUTED, type="lead", credits=credited))

    assert none_yet == []
    for principal in (ada, bob):
        assert [held.badge.key for held in await world.services.recognition.list_my_badges(principal)] == ["first-lead"]


async def test_a_campaign_period_counts_only_points_earned_inside_it() -> None:
    world = await two_tenants()
    _, member = await world.member("Ada")
    rollup = RollUpPoints(world.uow, world.clock, world.ids)
    campaign = world.ids.new_id()  # no such campaign: only the calendar periods count it
    late = (NOW + timedelta(days=1)).isoformat()

    await rollup(awarded(world, member.id, 12, campaign_id=str(campaign), occurred_at=late))

    rows = {key[2] for key in world.uow.database.recognition if key[0] == "rollup" and key[4] == campaign}
    assert rows == {"week", "month", "quarter", "all_time"}
