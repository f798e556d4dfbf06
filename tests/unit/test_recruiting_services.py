"""Recruiting's use cases and handler on the in-memory fakes, wired as the application wires them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.community.recruiting import Funnel, ProspectStanding, ReferralStatus, WaveEmployeesRefused
from app.domain.errors import Forbidden
from app.domain.events import EventType, RecordedEvent
from app.domain.roster.identity import Role
from app.ports.community_recruiting import ProspectFilter
from app.ports.pagination import PageRequest
from app.services.community.recruiting.handlers import CreditReferrals
from app.services.community.recruiting.waves import LaunchWaveCommand
from tests.unit.world import World


async def test_a_waves_funnel_measures_members_30_days_after_they_joined(world: World) -> None:
    ada = await world.hire("Ada", idp_subject="idp|ada", department="Sales")
    bob = await world.hire("Bob", department="Sales")
    wave = await world.services.recruiting.launch_wave(world.admin, LaunchWaveCommand(name="Sales", department="Sales"))
    world.clock.advance(timedelta(days=1))
    await world.roster.opt_in(world.person("idp|ada"))

    soon = await world.services.recruiting.get_wave(world.admin, wave.wave.id)
    world.clock.advance(timedelta(days=45))
    later = await world.services.recruiting.get_wave(world.admin, wave.wave.id)

    assert {m.employee_id for m in wave.wave.invited} == {ada.id, bob.id}
    assert soon.funnel == Funnel(invited=2, joined=1, first_share=0, active_after_30_days=0, not_yet_measurable=1)
    assert later.funnel == Funnel(invited=2, joined=1, first_share=0, active_after_30_days=0, not_yet_measurable=0)


async def test_a_wave_cannot_name_another_tenants_employee(world: World) -> None:
    ours = await world.hire("Ada")
    theirs = await world.hire("Zed", tenant=world.globex)
    before = world.events()

    with pytest.raises(WaveEmployeesRefused) as refused:
        await world.services.recruiting.launch_wave(
            world.admin, LaunchWaveCommand(name="Taken over", employee_ids=(ours.id, theirs.id))
        )

    assert refused.value.unknown == (theirs.id,)
    assert world.events() == before
    assert await world.membership_of(ours.id) is None


async def test_prospects_are_for_programme_staff(world: World) -> None:
    await world.hire("Ada")
    listed = await world.services.recruiting.list_prospects(world.admin, ProspectFilter(), PageRequest())

    assert [p.standing for p in listed.items] == [ProspectStanding.NEVER_INVITED]
    with pytest.raises(Forbidden):
        await world.services.recruiting.list_prospects(world.staff(Role.MODERATOR), ProspectFilter(), PageRequest())


async def test_the_referrer_is_credited_once_however_often_the_join_is_delivered(world: World) -> None:
    referrer, _ = await world.member("Ada")
    colleague = await world.hire("Grace", idp_subject="idp|grace")
    await world.services.recruiting.refer_colleague(referrer, colleague.id)
    world.clock.advance(timedelta(hours=1))
    await world.roster.opt_in(world.person("idp|grace"))
    [joined] = [
        r
        for r in world.uow.outbox
        if r.type is EventType.AMBASSADOR_JOINED and r.data["employee_id"] == str(colleague.id)
    ]
    event = RecordedEvent(
        id=joined.id,
        type=joined.type.value,
        tenant_id=joined.tenant_id,
        occurred_at=joined.occurred_at,
        data=joined.data,
    )
    handler = CreditReferrals(world.uow, world.clock, world.ids)

    await handler(event)
    await handler(event)

    [mine] = (await world.services.recruiting.list_my_referrals(referrer, PageRequest())).items
    assert mine.referral.status is ReferralStatus.CREDITED
    points = await world.rewards.get_my_points(referrer, PageRequest())
    assert [entry.rule for entry in points.entries.items] == ["colleague_joined"]
