"""Following the community space on the fakes: each post's signal passed on, never another
organisation's nor a person's own signals, a resync after missed signals, the end at the token's expiry;
and who may follow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain.community.space_signals import SpaceSignal, SpaceSignalKind
from app.domain.errors import Forbidden
from app.domain.roster.identity import Role
from app.ports.live_updates import LiveSignal, SignalKind
from app.services.community.space.access import SPACE_AUDIENCE
from app.services.community.space.live import FollowSpaceFeed, OpenSpaceFeed
from tests.fake_live_updates import FakeLiveListener
from tests.unit.world import World, two_tenants

WAIT = 2.0


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def use_cases(world: World) -> tuple[OpenSpaceFeed, FollowSpaceFeed, FakeLiveListener]:
    listener = FakeLiveListener()
    return (
        OpenSpaceFeed(world.uow, world.clock, world.ids),
        FollowSpaceFeed(world.uow, world.clock, world.ids, listener),
        listener,
    )


async def next_signal(signals: AsyncGenerator[SpaceSignal, None]) -> SpaceSignal:
    return await asyncio.wait_for(anext(signals), WAIT)


async def test_a_post_s_signal_reaches_the_follower_and_other_signals_do_not(world: World) -> None:
    principal, member = await world.member("Ada")
    open_feed, follow, listener = use_cases(world)
    signals = follow(await open_feed(principal))
    step = asyncio.ensure_future(anext(signals))
    await asyncio.wait_for(listener.subscribed.wait(), WAIT)
    post_id = world.ids.new_id()
    listener.publish(
        LiveSignal(tenant_id=world.globex.id, employee_id=SPACE_AUDIENCE, kind=SignalKind.SPACE, id=post_id)
    )
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=member.employee_id, kind=SignalKind.POINTS))
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=SPACE_AUDIENCE, kind=SignalKind.SPACE, id=post_id))
    arrived = await asyncio.wait_for(step, WAIT)
    assert (arrived.kind, arrived.post_id) == (SpaceSignalKind.POST, post_id)
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=SPACE_AUDIENCE, kind=SignalKind.RESYNC))
    assert (await next_signal(signals)).kind is SpaceSignalKind.RESYNC
    await signals.aclose()
    assert listener.subscriptions == 0


async def test_the_feed_ends_when_the_token_expires(world: World) -> None:
    principal, _ = await world.member("Ada")
    expiring = replace(principal, expires_at=world.clock.now() + timedelta(milliseconds=100))
    open_feed, follow, listener = use_cases(world)
    signals = follow(await open_feed(expiring))
    assert (await next_signal(signals)).kind is SpaceSignalKind.EXPIRED
    with pytest.raises(StopAsyncIteration):
        await next_signal(signals)
    assert listener.subscriptions == 0


async def test_staff_follow_the_space_and_an_analyst_may_not(world: World) -> None:
    open_feed, _, _ = use_cases(world)
    feed = await open_feed(world.staff(Role.MODERATOR))
    assert feed.tenant_id == world.acme.id
    with pytest.raises(Forbidden):
        await open_feed(world.staff(Role.ANALYST))
