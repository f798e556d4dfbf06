"""GraphQL types of recruiting: prospects and their counts, waves with their funnel, referrals, the
inputs and results, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.relay import GlobalID

from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import global_id
from app.domain.community.recruiting import Funnel as DomainFunnel
from app.domain.community.recruiting import Prospect as DomainProspect
from app.domain.community.recruiting import ProspectStanding, ReferralStatus
from app.ports.community_recruiting import ProspectFacets
from app.services.community.recruiting.referrals import ReferralMade, ReferralView
from app.services.community.recruiting.waves import WaveView

domain_enum(
    ProspectStanding,
    "Why an active employee is a prospect.",
    {
        ProspectStanding.NEVER_INVITED: "Never invited.",
        ProspectStanding.INVITED: "An invitation stands; they have not joined.",
        ProspectStanding.LEFT: "They were a member and left.",
    },
)
domain_enum(
    ReferralStatus,
    "Where a referral stands.",
    {
        ReferralStatus.PENDING: "The colleague has not joined.",
        ReferralStatus.CREDITED: "The colleague joined: the referral is credited to you.",
        ReferralStatus.NOT_CREDITED: "The colleague joined, credited to someone who invited them first.",
    },
)


@strawberry.type(description="An active employee who is not a member of the programme.")
class Prospect:
    employee_id: GlobalID = strawberry.field(description="The employee's `id`: invite them with it.")
    given_name: str = strawberry.field(description="Their given name.")
    family_name: str = strawberry.field(description="Their family name.")
    department: str | None = strawberry.field(description="Their department, as the roster names it.")
    location: str | None = strawberry.field(description="Their location, as the roster names it.")
    standing: ProspectStanding = strawberry.field(description="Never invited, invited, or left.")
    invited_at: datetime | None = strawberry.field(description="When they were last invited, if they were.")


@strawberry.type(description="How many prospects have one value.")
class Facet:
    value: str | None = strawberry.field(description="The department or location; null for those without one.")
    count: int = strawberry.field(description="How many prospects have it.")


@strawberry.type(description="The prospects a filter matches, in all, by department and by location.")
class ProspectCounts:
    total: int = strawberry.field(description="How many prospects the filter matches.")
    departments: list[Facet] = strawberry.field(description="Their count by department, largest first.")
    locations: list[Facet] = strawberry.field(description="Their count by location, largest first.")


@strawberry.type(description="A cohort's funnel: invited → joined → first share → active after 30 days.")
class Funnel:
    invited: int = strawberry.field(description="The employees the wave invited.")
    joined: int = strawberry.field(description="Those who opted in after the wave's invitation.")
    first_share: int = strawberry.field(description="Those who joined and posted at least one share since.")
    active_after_30_days: int = strawberry.field(
        description="Those still members at their 30-day mark who posted a share in the 30 days after it."
    )
    not_yet_measurable: int = strawberry.field(description="Those who joined less than 30 days ago.")


@strawberry.type(description="An invitation wave, followed as a cohort.")
class InvitationWave:
    uuid: UUID = strawberry.field(description="The wave's id (REST's `id`).")
    name: str = strawberry.field(description="What staff call the wave.")
    note: str | None = strawberry.field(description="Why this wave, for staff.")
    department: str | None = strawberry.field(description="The department whose prospects it invited, if any.")
    location: str | None = strawberry.field(description="The location whose prospects it invited, if any.")
    created_by: str = strawberry.field(description="Who launched it (their identity's subject).")
    created_at: datetime = strawberry.field(description="When it was launched: its invitations' time.")
    invited_employee_ids: list[GlobalID] = strawberry.field(description="The employees it invited: the cohort.")
    skipped_employee_ids: list[GlobalID] = strawberry.field(description="The employees it named who were members.")
    funnel: Funnel = strawberry.field(description="The cohort's funnel as of now.")


@strawberry.type(description="A colleague you invited, and where the referral stands.")
class Referral:
    uuid: UUID = strawberry.field(description="The referral's id (REST's `id`).")
    employee_id: GlobalID = strawberry.field(description="The colleague's employee `id`.")
    given_name: str | None = strawberry.field(description="The colleague's given name.")
    family_name: str | None = strawberry.field(description="The colleague's family name.")
    status: ReferralStatus = strawberry.field(description="Pending, credited to you, or not credited.")
    created_at: datetime = strawberry.field(description="When you invited them.")
    closed_at: datetime | None = strawberry.field(description="When they joined, once they did.")


@strawberry.type(description="The wave launched.")
class WaveLaunched:
    wave: InvitationWave = strawberry.field(description="The wave, its invited and skipped employees.")


@strawberry.type(description="The colleague invited.")
class ColleagueReferred:
    referral: Referral = strawberry.field(description="The referral, pending until they join.")
    created: bool = strawberry.field(description="False when you had invited this colleague already.")


@strawberry.input(description="A wave: either a list of employees, or a department and/or location.")
class LaunchWaveInput:
    name: str = strawberry.field(description="What staff call the wave (1-200 characters).")
    note: str | None = strawberry.field(default=None, description="Why this wave, for staff.")
    employee_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The `id`s of the employees to invite (at most 500)."
    )
    department: str | None = strawberry.field(default=None, description="Invite the prospects of this department.")
    location: str | None = strawberry.field(default=None, description="Invite the prospects of this location.")


def prospect_node(prospect: DomainProspect) -> Prospect:
    return Prospect(
        employee_id=global_id("Employee", prospect.employee_id),
        given_name=prospect.given_name,
        family_name=prospect.family_name,
        department=prospect.department,
        location=prospect.location,
        standing=prospect.standing,
        invited_at=prospect.invited_at,
    )


def counts_node(facets: ProspectFacets) -> ProspectCounts:
    return ProspectCounts(
        total=facets.total,
        departments=[Facet(value=f.value, count=f.count) for f in facets.departments],
        locations=[Facet(value=f.value, count=f.count) for f in facets.locations],
    )


def funnel_node(funnel: DomainFunnel) -> Funnel:
    return Funnel(
        invited=funnel.invited,
        joined=funnel.joined,
        first_share=funnel.first_share,
        active_after_30_days=funnel.active_after_30_days,
        not_yet_measurable=funnel.not_yet_measurable,
    )


def wave_node(view: WaveView) -> InvitationWave:
    wave = view.wave
    return InvitationWave(
        uuid=wave.id,
        name=wave.name,
        note=wave.note,
        department=wave.department,
        location=wave.location,
        created_by=wave.created_by,
        created_at=wave.created_at,
        invited_employee_ids=[global_id("Employee", m.employee_id) for m in wave.invited],
        skipped_employee_ids=[global_id("Employee", m.employee_id) for m in wave.skipped],
        funnel=funnel_node(view.funnel),
    )


def referral_node(view: ReferralView) -> Referral:
    referral, colleague = view.referral, view.colleague
    return Referral(
        uuid=referral.id,
        employee_id=global_id("Employee", referral.employee_id),
        given_name=None if colleague is None else colleague.profile.given_name,
        family_name=None if colleague is None else colleague.profile.family_name,
        status=referral.status,
        created_at=referral.created_at,
        closed_at=referral.closed_at,
    )


def referred_node(made: ReferralMade) -> ColleagueReferred:
    return ColleagueReferred(referral=referral_node(made.view), created=made.created)
