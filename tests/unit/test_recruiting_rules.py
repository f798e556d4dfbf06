"""Recruiting's rules on their own: the funnel's stages and its 30-day windows, who may invite a
colleague, and how a colleague's referrals settle when they join."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from app.domain.community.recruiting import (
    REFERRALS_PER_DAY,
    CohortMember,
    Funnel,
    InvitationWave,
    Referral,
    ReferralLimitReached,
    ReferralStatus,
    WaveMember,
    WaveOutcome,
    check_referral,
    funnel_of,
    is_active_after_30_days,
    settle,
)
from app.domain.errors import AlreadyAmbassador, EmployeeTerminated, NotAnAmbassador, ValidationFailed
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus

JOINED = datetime(2026, 3, 1, 9, tzinfo=UTC)
TENANT = UUID(int=1)


def days(n: float) -> datetime:
    return JOINED + timedelta(days=n)


def test_the_funnel_counts_each_stage_of_a_cohort() -> None:
    cohort = [
        CohortMember(joined_at=None),
        CohortMember(joined_at=JOINED),
        CohortMember(joined_at=JOINED, first_share_at=days(2)),
        CohortMember(joined_at=JOINED, first_share_at=days(2), shared_in_window=True),
    ]

    assert funnel_of(cohort, days(70)) == Funnel(
        invited=4, joined=3, first_share=2, active_after_30_days=1, not_yet_measurable=0
    )


def test_a_member_within_their_first_30_days_is_not_yet_measurable() -> None:
    member = CohortMember(joined_at=JOINED, first_share_at=days(1), shared_in_window=True)

    assert funnel_of([member], days(29.9)) == Funnel(
        invited=1, joined=1, first_share=1, active_after_30_days=0, not_yet_measurable=1
    )
    assert funnel_of([member], days(30)).active_after_30_days == 1


@pytest.mark.parametrize(
    ("left_at", "active"),
    [(None, True), (days(29), False), (days(30), False), (days(31), True)],
    ids=["still-a-member", "left-before-the-mark", "left-at-the-mark", "left-after-the-mark"],
)
def test_active_after_30_days_needs_the_membership_at_the_mark(left_at: datetime | None, active: bool) -> None:
    member = CohortMember(joined_at=JOINED, left_at=left_at, first_share_at=days(1), shared_in_window=True)

    assert is_active_after_30_days(member, days(61)) is active


def test_active_after_30_days_needs_a_share_in_the_window() -> None:
    member = CohortMember(joined_at=JOINED, first_share_at=days(1), shared_in_window=False)

    assert not is_active_after_30_days(member, days(90))


def _employee(*, active: bool = True) -> Employee:
    profile = EmployeeProfile(email="grace@acme.example", given_name="Grace", family_name="Hopper")
    status = EmployeeStatus.ACTIVE if active else EmployeeStatus.TERMINATED
    return Employee(
        id=UUID(int=7),
        tenant_id=TENANT,
        profile=profile,
        status=status,
        terminated_on=None,
        created_at=JOINED,
        updated_at=JOINED,
    )


def _membership(status: MembershipStatus) -> Ambassador:
    return Ambassador(
        id=UUID(int=9),
        tenant_id=TENANT,
        employee_id=UUID(int=8),
        status=status,
        created_at=JOINED,
        updated_at=JOINED,
    )


def test_an_active_ambassador_may_invite_a_colleague_not_yet_a_member() -> None:
    for standing in (None, _membership(MembershipStatus.INVITED), _membership(MembershipStatus.LEFT)):
        check_referral(
            referrer=_membership(MembershipStatus.ACTIVE), colleague=_employee(), membership=standing, made_today=4
        )


@pytest.mark.parametrize(
    ("referrer", "colleague", "membership", "made", "refusal"),
    [
        (MembershipStatus.PAUSED, True, None, 0, NotAnAmbassador),
        (MembershipStatus.LEFT, True, None, 0, NotAnAmbassador),
        (MembershipStatus.ACTIVE, False, None, 0, EmployeeTerminated),
        (MembershipStatus.ACTIVE, True, MembershipStatus.ACTIVE, 0, AlreadyAmbassador),
        (MembershipStatus.ACTIVE, True, MembershipStatus.PAUSED, 0, AlreadyAmbassador),
        (MembershipStatus.ACTIVE, True, None, REFERRALS_PER_DAY, ReferralLimitReached),
    ],
    ids=["paused", "left", "terminated-colleague", "member", "paused-member", "daily-limit"],
)
def test_a_referral_is_refused(
    referrer: MembershipStatus,
    colleague: bool,
    membership: MembershipStatus | None,
    made: int,
    refusal: type[Exception],
) -> None:
    with pytest.raises(refusal):
        check_referral(
            referrer=_membership(referrer),
            colleague=_employee(active=colleague),
            membership=None if membership is None else _membership(membership),
            made_today=made,
        )


def _referral(n: int, at: datetime, status: ReferralStatus = ReferralStatus.PENDING) -> Referral:
    referral = Referral.make(
        id=UUID(int=n), tenant_id=TENANT, referrer_id=UUID(int=100 + n), employee_id=UUID(int=7), now=at
    )
    if status is ReferralStatus.CREDITED:
        referral.credit(at)
    referral.drain_events()
    return referral


def test_the_earliest_referral_is_credited_and_the_others_passed_over() -> None:
    later, first = _referral(2, days(-1)), _referral(1, days(-3))

    credited = settle([later, first], JOINED)

    assert credited is first
    assert (first.status, later.status) == (ReferralStatus.CREDITED, ReferralStatus.NOT_CREDITED)
    assert [event.type.value for event in first.drain_events()] == ["referral.credited"]
    assert later.drain_events() == []


def test_a_colleague_credited_once_credits_nobody_again() -> None:
    credited_before = _referral(1, days(-30), ReferralStatus.CREDITED)
    pending = _referral(2, days(-1))

    assert settle([credited_before, pending], JOINED) is None
    assert pending.status is ReferralStatus.NOT_CREDITED


def test_a_wave_needs_a_name_on_one_line() -> None:
    member = WaveMember(employee_id=UUID(int=7), ambassador_id=UUID(int=9), outcome=WaveOutcome.INVITED)
    with pytest.raises(ValidationFailed) as refused:
        InvitationWave.launch(
            id=UUID(int=1),
            tenant_id=TENANT,
            name=" \n",
            note=None,
            department=None,
            location=None,
            members=[member],
            created_by="staff|admin",
            now=JOINED,
        )
    assert [error.loc for error in refused.value.errors] == [("name",)]
