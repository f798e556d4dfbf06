"""Following one's live events on the fakes: the state first, then the state read again on each signal,
notifications passed on, a resync after missed signals, the end at the token's expiry; and who may follow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain.errors import EmployeeNotLinked, Forbidden
from app.domain.live_updates.events import LiveEventKind
from app.domain.roster.identity import Principal, Role
from app.ports.live_updates import LiveSignal, SignalKind
from app.services.live_updates.follow_events import FollowLiveFeed, LiveEvent, OpenLiveFeed
from app.services.rewards.adjust_points import AdjustPointsCommand
from tests.fake_live_updates import FakeLiveListener
from tests.unit.world import World, two_tenants

WAIT = 2.0


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def use_cases(world: World) -> tuple[OpenLiveFeed, FollowLiveFeed, FakeLiveListener]:
    listener = FakeLiveListener()
    return (
        OpenLiveFeed(world.uow, world.clock, world.ids),
        FollowLiveFeed(world.uow, world.clock, world.ids, listener),
        listener,
    )


async def next_event(events: AsyncGenerator[LiveEvent, None]) -> LiveEvent:
    return await asyncio.wait_for(anext(events), WAIT)


async def test_an_ambassador_gets_their_balance_first_then_again_after_each_change(world: World) -> None:
    principal, membership = await world.member("Ada")
    open_feed, follow, listener = use_cases(world)
    feed = await open_feed(principal, points_only=True)
    events = follow(feed)

    first = await next_event(events)
    assert (first.kind, first.points and first.points.balance) == (LiveEventKind.POINTS, 0)

    await world.rewards.adjust_points(
        world.admin, AdjustPointsCommand(ambassador_id=membership.id, points=40, reason="Careers fair")
    )
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=membership.employee_id, kind=SignalKind.POINTS))
    changed = await next_event(events)
    assert changed.points is not None
    assert (changed.kind, changed.points.balance, changed.points.earned) == (LiveEventKind.POINTS, 40, 40)
    assert changed.id != first.id
    await events.aclose()
    assert listener.subscriptions == 0


async def test_notifications_pass_with_their_id_and_a_resync_brings_the_balance_again(world: World) -> None:
    principal, membership = await world.member("Ada")
    open_feed, follow, listener = use_cases(world)
    events = follow(await open_feed(principal))
    assert (await next_event(events)).kind is LiveEventKind.POINTS
    person = {"tenant_id": world.acme.id, "employee_id": membership.employee_id}

    notification = world.ids.new_id()
    listener.publish(LiveSignal(**person, kind=SignalKind.NOTIFICATION, id=notification))
    arrived = await next_event(events)
    assert (arrived.kind, arrived.notification_id, arrived.id) == (
        LiveEventKind.NOTIFICATION,
        notification,
        notification,
    )

    listener.publish(LiveSignal(**person, kind=SignalKind.RESYNC))
    assert [(await next_event(events)).kind for _ in range(2)] == [LiveEventKind.POINTS, LiveEventKind.RESYNC]
    await events.aclose()


async def test_someone_elses_signals_never_reach_the_feed(world: World) -> None:
    principal, _ = await world.member("Ada")
    _, grace = await world.member("Grace")
    open_feed, follow, listener = use_cases(world)
    events = follow(await open_feed(principal))
    await next_event(events)
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=grace.employee_id, kind=SignalKind.POINTS))
    listener.publish(LiveSignal(tenant_id=world.globex.id, employee_id=grace.employee_id, kind=SignalKind.POINTS))
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(anext(events), 0.2)


async def test_a_reconnection_starts_with_the_balance_then_a_resync(world: World) -> None:
    principal, _ = await world.member("Ada")
    open_feed, follow, _ = use_cases(world)
    events = follow(await open_feed(principal), resync_first=True)
    assert [(await next_event(events)).kind for _ in range(2)] == [LiveEventKind.POINTS, LiveEventKind.RESYNC]
    await events.aclose()


async def test_the_feed_ends_when_the_token_expires(world: World) -> None:
    principal, _ = await world.member("Ada")
    expiring = replace(principal, expires_at=world.clock.now() + timedelta(milliseconds=200))
    open_feed, follow, listener = use_cases(world)
    events = follow(await open_feed(expiring))
    assert (await next_event(events)).kind is LiveEventKind.POINTS
    assert (await next_event(events)).kind is LiveEventKind.EXPIRED
    with pytest.raises(StopAsyncIteration):
        await next_event(events)
    assert listener.subscriptions == 0


async def test_someone_who_never_joined_gets_no_points_but_their_notifications(world: World) -> None:
    employee = await world.hire("Linus", idp_subject="idp|linus")
    open_feed, follow, listener = use_cases(world)
    events = follow(await open_feed(world.person("idp|linus")))
    step = asyncio.ensure_future(anext(events))
    await asyncio.wait_for(listener.subscribed.wait(), WAIT)  # the feed subscribes on its first step
    notification = world.ids.new_id()
    listener.publish(LiveSignal(tenant_id=world.acme.id, employee_id=employee.id, kind=SignalKind.POINTS))
    listener.publish(
        LiveSignal(tenant_id=world.acme.id, employee_id=employee.id, kind=SignalKind.NOTIFICATION, id=notification)
    )
    arrived = await asyncio.wait_for(step, WAIT)
    assert (arrived.kind, arrived.notification_id) == (LiveEventKind.NOTIFICATION, notification)
    await events.aclose()


async def test_points_are_followed_by_ambassadors_only_and_a_token_must_be_linked(world: World) -> None:
    open_feed, _, _ = use_cases(world)
    await world.hire("Linus", idp_subject="idp|linus")
    manager = Principal(tenant_id=world.acme.id, subject="idp|linus", roles=frozenset({Role.MANAGER}))
    with pytest.raises(Forbidden):
        await open_feed(manager, points_only=True)
    assert (await open_feed(manager)).follows_points is False
    with pytest.raises(EmployeeNotLinked):
        await open_feed(world.person("idp|nobody"))
    with pytest.raises(Forbidden):
        await open_feed(Principal(tenant_id=None, subject="ops", roles=frozenset({Role.OPERATOR})))
