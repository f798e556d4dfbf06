"""Recruiting's repository on both backends: prospects and their counts, a wave's cohort, referrals."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.community.recruiting import (
    InvitationWave,
    ProspectStanding,
    Referral,
    ReferralStatus,
    WaveMember,
    WaveOutcome,
)
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.tenants import Tenant
from app.ports.community_recruiting import Facet, ProspectFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, enrol, hire

WAVE_AT = NOW + timedelta(days=1)


async def _roster(backend: Backend, tenant: Tenant) -> dict[str, Ambassador | None]:
    """Ada never invited, Grace invited, Alan left, Kathy a member, Mary terminated."""
    await hire(backend, tenant, "Ada", department="R&D", location="London")
    grace = await hire(backend, tenant, "Grace", department="R&D", location="Paris")
    alan = await hire(backend, tenant, "Alan", department="Sales", location="London")
    kathy = await hire(backend, tenant, "Kathy", department="R&D", location="London")
    mary = await hire(backend, tenant, "Mary", department="R&D", location="London")
    invited = Ambassador.invite(id=backend.ids.new_id(), employee=grace, invited_by="staff", now=NOW)
    left = await enrol(backend, tenant, alan)
    left.opt_out(now=NOW)
    member = await enrol(backend, tenant, kathy)
    mary.terminate(on=date(2026, 1, 31), now=NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.add(invited)
        await uow.ambassadors.save(left)
        await uow.employees.save(mary)
        await uow.commit()
    return {"ada": None, "grace": invited, "alan": left, "kathy": member}


async def test_prospects_are_active_employees_without_a_current_membership(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    other = await add_tenant(backend, "globex")
    await _roster(backend, tenant)
    await hire(backend, other, "Zed", department="R&D", location="London")

    async with backend.uow(tenant.id) as uow:
        every = await uow.recruiting.prospects(ProspectFilter(), PageRequest(limit=100))
        london = await uow.recruiting.prospects(ProspectFilter(location="London"), PageRequest(limit=100))
        first = await uow.recruiting.prospects(ProspectFilter(), PageRequest(limit=2))
        rest = await uow.recruiting.prospects(ProspectFilter(), PageRequest(after=first.next_after, limit=2))
        facets = await uow.recruiting.prospect_facets(ProspectFilter())
        invited = await uow.recruiting.prospect_ids(ProspectFilter(standing=ProspectStanding.INVITED), 10)

    standings = {p.given_name: p.standing for p in every.items}
    assert standings == {
        "Ada": ProspectStanding.NEVER_INVITED,
        "Grace": ProspectStanding.INVITED,
        "Alan": ProspectStanding.LEFT,
    }
    assert [p.id for p in every.items] == sorted(p.id for p in every.items)
    assert {p.given_name for p in london.items} == {"Ada", "Alan"}
    assert [p.id for p in [*first.items, *rest.items]] == [p.id for p in every.items]
    assert rest.next_after is None
    assert facets.total == 3
    assert facets.departments == (Facet(value="R&D", count=2), Facet(value="Sales", count=1))
    assert facets.locations == (Facet(value="London", count=2), Facet(value="Paris", count=1))
    assert invited == [next(p.employee_id for p in every.items if p.given_name == "Grace")]


async def test_a_cohort_counts_as_joined_who_opted_in_after_the_wave(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    roster = await _roster(backend, tenant)
    grace, kathy = roster["grace"], roster["kathy"]
    assert grace is not None
    assert kathy is not None
    members = [
        WaveMember(employee_id=grace.employee_id, ambassador_id=grace.id, outcome=WaveOutcome.INVITED),
        WaveMember(employee_id=kathy.employee_id, ambassador_id=kathy.id, outcome=WaveOutcome.INVITED),
    ]
    wave = InvitationWave.launch(
        id=backend.ids.new_id(),
        tenant_id=tenant.id,
        name="Spring",
        note=None,
        department=None,
        location=None,
        members=members,
        created_by="staff",
        now=WAVE_AT,
    )
    async with backend.uow(tenant.id) as uow:
        employee = await uow.employees.get(grace.employee_id)
        assert employee is not None
        grace.opt_in(employee=employee, now=WAVE_AT + timedelta(days=2))
        await uow.ambassadors.save(grace)
        await uow.recruiting.add_wave(wave)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        [cohort] = (await uow.recruiting.cohorts([wave.id])).values()
        stored = await uow.recruiting.get_wave(wave.id)
        listed = await uow.recruiting.list_waves(PageRequest())

    # Kathy joined before the wave: she is in the cohort, not among those it made join.
    assert sorted(m.joined_at is not None for m in cohort) == [False, True]
    assert stored is not None
    assert {m.employee_id for m in stored.invited} == {grace.employee_id, kathy.employee_id}
    assert [w.id for w in listed.items] == [wave.id]


async def test_referrals_are_found_by_referrer_and_colleague(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    roster = await _roster(backend, tenant)
    kathy, grace = roster["kathy"], roster["grace"]
    assert kathy is not None
    assert grace is not None
    referral = Referral.make(
        id=backend.ids.new_id(), tenant_id=tenant.id, referrer_id=kathy.id, employee_id=grace.employee_id, now=NOW
    )
    async with backend.uow(tenant.id) as uow:
        await uow.recruiting.add_referral(referral)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        [found] = await uow.recruiting.referrals_of_colleague(grace.employee_id, for_update=True)
        found.credit(NOW + timedelta(days=1))
        await uow.recruiting.save_referral(found)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        mine = await uow.recruiting.referrals_by(kathy.id, PageRequest())
        same = await uow.recruiting.find_referral(kathy.id, grace.employee_id)
        today = await uow.recruiting.referrals_made_since(kathy.id, NOW)
        tomorrow = await uow.recruiting.referrals_made_since(kathy.id, NOW + timedelta(days=1))

    assert [(r.id, r.status) for r in mine.items] == [(referral.id, ReferralStatus.CREDITED)]
    assert same is not None
    assert same.closed_at == NOW + timedelta(days=1)
    assert (today, tomorrow) == (1, 0)
