"""From recruiting's domain objects to its REST bodies."""

from __future__ import annotations

from app.api.rest.community.recruiting.schemas import (
    FacetOut,
    FunnelOut,
    ProspectCountsOut,
    ProspectOut,
    ReferralOut,
    WaveOut,
)
from app.domain.community.recruiting import Funnel, Prospect
from app.ports.community_recruiting import ProspectFacets
from app.services.community.recruiting.referrals import ReferralView
from app.services.community.recruiting.waves import WaveView


def prospect_out(prospect: Prospect) -> ProspectOut:
    return ProspectOut(
        employee_id=prospect.employee_id,
        given_name=prospect.given_name,
        family_name=prospect.family_name,
        department=prospect.department,
        location=prospect.location,
        standing=prospect.standing,
        invited_at=prospect.invited_at,
    )


def counts_out(facets: ProspectFacets) -> ProspectCountsOut:
    return ProspectCountsOut(
        total=facets.total,
        departments=[FacetOut(value=f.value, count=f.count) for f in facets.departments],
        locations=[FacetOut(value=f.value, count=f.count) for f in facets.locations],
    )


def funnel_out(funnel: Funnel) -> FunnelOut:
    return FunnelOut(
        invited=funnel.invited,
        joined=funnel.joined,
        first_share=funnel.first_share,
        active_after_30_days=funnel.active_after_30_days,
        not_yet_measurable=funnel.not_yet_measurable,
    )


def wave_out(view: WaveView) -> WaveOut:
    wave = view.wave
    return WaveOut(
        id=wave.id,
        name=wave.name,
        note=wave.note,
        department=wave.department,
        location=wave.location,
        created_by=wave.created_by,
        created_at=wave.created_at,
        invited_employee_ids=[m.employee_id for m in wave.invited],
        skipped_employee_ids=[m.employee_id for m in wave.skipped],
        funnel=funnel_out(view.funnel),
    )


def referral_out(view: ReferralView) -> ReferralOut:
    referral, colleague = view.referral, view.colleague
    return ReferralOut(
        id=referral.id,
        employee_id=referral.employee_id,
        given_name=None if colleague is None else colleague.profile.given_name,
        family_name=None if colleague is None else colleague.profile.family_name,
        status=referral.status,
        created_at=referral.created_at,
        closed_at=referral.closed_at,
    )
