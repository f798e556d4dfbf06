"""Programme membership: invitations, opt-in and opt-out, staff pause and resume, preferences."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import AlreadyAmbassador, EmployeeTerminated, InvalidTransition, ValidationFailed
from app.domain.events import EventType
from app.domain.networks import Network
from app.domain.roster.ambassadors import (
    MAX_SHARES_PER_WEEK,
    MAX_TOPICS,
    Ambassador,
    MembershipStatus,
    Preferences,
    SocialAccount,
)
from app.domain.roster.employees import Employee, EmployeeProfile

TENANT = UUID("0190a000-0000-7000-8000-00000000a001")
EMPLOYEE = UUID("0190a000-0000-7000-8000-00000000e001")
MEMBERSHIP = UUID("0190a000-0000-7000-8000-00000000b001")
ACCOUNT = UUID("0190a000-0000-7000-8000-00000000c001")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
T2 = T0 + timedelta(days=2)

ACTIVE = MembershipStatus.ACTIVE
INVITED = MembershipStatus.INVITED
PAUSED = MembershipStatus.PAUSED
LEFT = MembershipStatus.LEFT


def employee(*, terminated: bool = False) -> Employee:
    profile = EmployeeProfile(email="ada@acme.example", given_name="Ada", family_name="Lovelace")
    hired = Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=profile, now=T0)
    if terminated:
        hired.terminate(on=date(2026, 3, 1), now=T0)
    return hired


def member(status: MembershipStatus) -> Ambassador:
    """A membership in ``status`` at version 1 with no pending events."""
    return Ambassador(
        id=MEMBERSHIP,
        tenant_id=TENANT,
        employee_id=EMPLOYEE,
        status=status,
        invited_at=T0 if status is INVITED else None,
        invited_by="manager|1" if status is INVITED else None,
        consented_at=T0 if status in (ACTIVE, PAUSED) else None,
        left_at=T0 if status is LEFT else None,
        created_at=T0,
        updated_at=T0,
    )


def event_of(ambassador: Ambassador) -> tuple[EventType, dict[str, Any]]:
    [event] = ambassador.drain_events()
    assert (event.tenant_id, event.occurred_at) == (TENANT, T1)
    return event.type, event.data


def base_data(status: MembershipStatus) -> dict[str, Any]:
    return {"id": str(MEMBERSHIP), "employee_id": str(EMPLOYEE), "status": status.value}


# --- joining --------------------------------------------------------------------------------


def test_invitation_waits_for_the_employee_s_consent() -> None:
    ambassador = Ambassador.invite(id=MEMBERSHIP, employee=employee(), invited_by="manager|1", now=T1)
    assert ambassador.status is INVITED
    assert (ambassador.invited_at, ambassador.invited_by) == (T1, "manager|1")
    assert ambassador.consented_at is None
    assert (ambassador.tenant_id, ambassador.employee_id, ambassador.version) == (TENANT, EMPLOYEE, 1)
    assert event_of(ambassador) == (EventType.AMBASSADOR_INVITED, base_data(INVITED) | {"invited_by": "manager|1"})


def test_volunteer_joins_without_an_invitation() -> None:
    ambassador = Ambassador.volunteer(id=MEMBERSHIP, employee=employee(), now=T1)
    assert ambassador.status is ACTIVE
    assert (ambassador.consented_at, ambassador.invited_at, ambassador.version) == (T1, None, 1)
    assert event_of(ambassador) == (EventType.AMBASSADOR_JOINED, base_data(ACTIVE) | {"invited": False})


def test_new_member_is_hidden_from_leaderboards_by_default() -> None:
    ambassador = Ambassador.volunteer(id=MEMBERSHIP, employee=employee(), now=T1)
    assert ambassador.preferences.leaderboard_visible is False


def test_terminated_employee_cannot_be_invited() -> None:
    with pytest.raises(EmployeeTerminated):
        Ambassador.invite(id=MEMBERSHIP, employee=employee(terminated=True), invited_by="manager|1", now=T1)


def test_terminated_employee_cannot_volunteer() -> None:
    with pytest.raises(EmployeeTerminated):
        Ambassador.volunteer(id=MEMBERSHIP, employee=employee(terminated=True), now=T1)


def test_invited_employee_opts_in_and_becomes_active() -> None:
    ambassador = member(INVITED)
    ambassador.opt_in(employee=employee(), now=T1)
    assert ambassador.status is ACTIVE
    assert ambassador.consented_at == T1
    assert (ambassador.version, ambassador.updated_at) == (2, T1)
    assert event_of(ambassador) == (EventType.AMBASSADOR_JOINED, base_data(ACTIVE) | {"invited": True})


def test_former_member_opts_in_again() -> None:
    ambassador = member(LEFT)
    ambassador.opt_in(employee=employee(), now=T1)
    assert ambassador.status is ACTIVE
    assert (ambassador.consented_at, ambassador.left_at) == (T1, None)
    assert event_of(ambassador) == (EventType.AMBASSADOR_JOINED, base_data(ACTIVE) | {"invited": False})


@pytest.mark.parametrize("status", [ACTIVE, PAUSED])
def test_opting_in_while_a_member_changes_nothing(status: MembershipStatus) -> None:
    ambassador = member(status)
    ambassador.opt_in(employee=employee(), now=T1)
    assert ambassador.status is status
    assert (ambassador.consented_at, ambassador.version, ambassador.updated_at) == (T0, 1, T0)
    assert ambassador.drain_events() == []


@pytest.mark.parametrize("status", [INVITED, LEFT])
def test_terminated_employee_cannot_opt_in(status: MembershipStatus) -> None:
    ambassador = member(status)
    with pytest.raises(EmployeeTerminated):
        ambassador.opt_in(employee=employee(terminated=True), now=T1)
    assert ambassador.status is status
    assert ambassador.version == 1
    assert ambassador.drain_events() == []


# --- invitations ----------------------------------------------------------------------------


def test_inviting_again_keeps_the_standing_invitation() -> None:
    ambassador = member(INVITED)
    assert ambassador.reinvite(invited_by="manager|2", employee=employee(), now=T1) is False
    assert (ambassador.invited_at, ambassador.invited_by, ambassador.version) == (T0, "manager|1", 1)
    assert ambassador.drain_events() == []


def test_former_member_can_be_invited_again() -> None:
    ambassador = member(LEFT)
    assert ambassador.reinvite(invited_by="manager|2", employee=employee(), now=T1) is True
    assert ambassador.status is INVITED
    assert (ambassador.invited_at, ambassador.invited_by, ambassador.version) == (T1, "manager|2", 2)
    assert event_of(ambassador) == (EventType.AMBASSADOR_INVITED, base_data(INVITED) | {"invited_by": "manager|2"})


@pytest.mark.parametrize("status", [ACTIVE, PAUSED])
def test_current_member_cannot_be_invited(status: MembershipStatus) -> None:
    ambassador = member(status)
    with pytest.raises(AlreadyAmbassador) as raised:
        ambassador.reinvite(invited_by="manager|2", employee=employee(), now=T1)
    assert status.value in raised.value.detail
    assert ambassador.status is status


def test_terminated_former_member_cannot_be_invited_again() -> None:
    ambassador = member(LEFT)
    with pytest.raises(EmployeeTerminated):
        ambassador.reinvite(invited_by="manager|2", employee=employee(terminated=True), now=T1)
    assert ambassador.status is LEFT


# --- leaving --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [INVITED, ACTIVE, PAUSED])
def test_opting_out_is_always_allowed(status: MembershipStatus) -> None:
    ambassador = member(status)
    ambassador.opt_out(now=T1)
    assert ambassador.status is LEFT
    assert (ambassador.left_at, ambassador.version, ambassador.updated_at) == (T1, 2, T1)
    assert event_of(ambassador) == (EventType.AMBASSADOR_LEFT, base_data(LEFT) | {"reason": "opted_out"})


def test_departure_is_recorded_as_the_reason_for_leaving() -> None:
    ambassador = member(ACTIVE)
    ambassador.opt_out(now=T1, reason="employee_terminated")
    assert event_of(ambassador) == (EventType.AMBASSADOR_LEFT, base_data(LEFT) | {"reason": "employee_terminated"})


def test_leaving_twice_changes_nothing() -> None:
    ambassador = member(LEFT)
    ambassador.opt_out(now=T1)
    assert (ambassador.left_at, ambassador.version) == (T0, 1)
    assert ambassador.drain_events() == []


def test_leaving_keeps_the_history_of_consent() -> None:
    ambassador = member(ACTIVE)
    ambassador.opt_out(now=T1)
    assert ambassador.consented_at == T0


# --- staff pause and resume -----------------------------------------------------------------


def test_staff_pause_an_active_membership() -> None:
    ambassador = member(ACTIVE)
    ambassador.change_status(PAUSED, T1)
    assert ambassador.status is PAUSED
    assert (ambassador.version, ambassador.updated_at) == (2, T1)
    assert event_of(ambassador) == (EventType.AMBASSADOR_PAUSED, base_data(PAUSED))


def test_staff_resume_a_paused_membership() -> None:
    ambassador = member(PAUSED)
    ambassador.change_status(ACTIVE, T1)
    assert ambassador.status is ACTIVE
    assert event_of(ambassador) == (EventType.AMBASSADOR_RESUMED, base_data(ACTIVE))


@pytest.mark.parametrize("status", list(MembershipStatus))
def test_asking_for_the_current_status_changes_nothing(status: MembershipStatus) -> None:
    ambassador = member(status)
    ambassador.change_status(status, T1)
    assert (ambassador.status, ambassador.version) == (status, 1)
    assert ambassador.drain_events() == []


@pytest.mark.parametrize(
    ("current", "wanted", "allowed"),
    [
        (INVITED, ACTIVE, ()),
        (INVITED, PAUSED, ()),
        (INVITED, LEFT, ()),
        (ACTIVE, INVITED, ("paused",)),
        (ACTIVE, LEFT, ("paused",)),
        (PAUSED, LEFT, ("active",)),
        (PAUSED, INVITED, ("active",)),
        (LEFT, ACTIVE, ()),
        (LEFT, PAUSED, ()),
        (LEFT, INVITED, ()),
    ],
)
def test_staff_cannot_make_joining_or_leaving_decisions(
    current: MembershipStatus, wanted: MembershipStatus, allowed: tuple[str, ...]
) -> None:
    ambassador = member(current)
    with pytest.raises(InvalidTransition) as raised:
        ambassador.change_status(wanted, T1)
    assert raised.value.current == current
    assert raised.value.allowed == allowed
    assert (ambassador.status, ambassador.version) == (current, 1)
    assert ambassador.drain_events() == []


# --- notes and preferences ------------------------------------------------------------------


def test_notes_change_bumps_the_version_without_an_event() -> None:
    ambassador = member(ACTIVE)
    ambassador.set_notes("Great at LinkedIn", T1)
    assert (ambassador.notes, ambassador.version, ambassador.updated_at) == ("Great at LinkedIn", 2, T1)
    ambassador.set_notes(None, T2)
    assert (ambassador.notes, ambassador.version) == (None, 3)
    assert ambassador.drain_events() == []


def test_same_notes_change_nothing() -> None:
    ambassador = member(ACTIVE)
    ambassador.set_notes(None, T1)
    assert (ambassador.version, ambassador.updated_at) == (1, T0)


def test_new_preferences_bump_the_version_and_same_ones_do_not() -> None:
    ambassador = member(ACTIVE)
    chosen = Preferences(languages=("fr",), leaderboard_visible=True)
    ambassador.set_preferences(chosen, T1)
    assert (ambassador.preferences, ambassador.version) == (chosen, 2)
    ambassador.set_preferences(Preferences(languages=("fr",), leaderboard_visible=True), T2)
    assert (ambassador.version, ambassador.updated_at) == (2, T1)
    assert ambassador.drain_events() == []


def parse(**overrides: Any) -> Preferences:
    values: dict[str, Any] = {"languages": [], "topics": [], "max_shares_per_week": None, "leaderboard_visible": False}
    return Preferences.parse(**values | overrides)


def error_locs(**overrides: Any) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationFailed) as raised:
        parse(**overrides)
    return [error.loc for error in raised.value.errors]


def test_preferences_normalise_and_deduplicate_languages_and_topics() -> None:
    preferences = parse(
        languages=["EN-gb", "fr", "en-GB"],
        topics=["  Careers ", "careers", "R&D", "C++ tips", "sales.emea"],
        max_shares_per_week=5,
        leaderboard_visible=True,
    )
    assert preferences == Preferences(
        languages=("en-GB", "fr"),
        topics=("careers", "r&d", "c++ tips", "sales.emea"),
        max_shares_per_week=5,
        leaderboard_visible=True,
    )


def test_invalid_language_is_reported_at_its_position() -> None:
    assert error_locs(languages=["fr", "not a language"]) == [("languages", 1)]


@pytest.mark.parametrize("topic", ["", "   ", "#hashtag", "-leading-dash", "x" * 65, "emoji 🚀"])
def test_invalid_topic_is_reported_at_its_position(topic: str) -> None:
    assert error_locs(topics=["careers", topic]) == [("topics", 1)]


def test_topic_of_64_characters_is_accepted() -> None:
    assert parse(topics=["x" * 64]).topics == ("x" * 64,)


def test_too_many_topics_are_refused() -> None:
    topics = [f"topic {index}" for index in range(MAX_TOPICS + 1)]
    assert error_locs(topics=topics) == [("topics",)]
    assert len(parse(topics=topics[:MAX_TOPICS]).topics) == MAX_TOPICS


@pytest.mark.parametrize("cadence", [None, 0, 1, MAX_SHARES_PER_WEEK])
def test_weekly_share_cadence_within_bounds_is_accepted(cadence: int | None) -> None:
    assert parse(max_shares_per_week=cadence).max_shares_per_week == cadence


@pytest.mark.parametrize("cadence", [-1, MAX_SHARES_PER_WEEK + 1])
def test_weekly_share_cadence_out_of_bounds_is_refused(cadence: int) -> None:
    assert error_locs(max_shares_per_week=cadence) == [("max_shares_per_week",)]


def test_every_invalid_preference_is_reported_at_once() -> None:
    locs = error_locs(languages=["??"], topics=["!"], max_shares_per_week=99)
    assert locs == [("languages", 0), ("topics", 0), ("max_shares_per_week",)]


# --- social accounts ------------------------------------------------------------------------


def connect(handle: str = "in/ada", audience_size: int = 500) -> SocialAccount:
    return SocialAccount.connect(
        id=ACCOUNT,
        tenant_id=TENANT,
        ambassador_id=MEMBERSHIP,
        network=Network.LINKEDIN,
        handle=handle,
        audience_size=audience_size,
        now=T1,
    )


def test_social_account_keeps_the_trimmed_handle() -> None:
    account = connect("  https://www.linkedin.com/in/ada  ", 0)
    assert account.handle == "https://www.linkedin.com/in/ada"
    assert (account.network, account.audience_size, account.created_at) == (Network.LINKEDIN, 0, T1)
    assert (account.tenant_id, account.ambassador_id) == (TENANT, MEMBERSHIP)


@pytest.mark.parametrize("handle", ["", "   ", "x" * 201])
def test_social_account_needs_a_handle_of_at_most_200_characters(handle: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        connect(handle)
    assert [error.loc for error in raised.value.errors] == [("handle",)]


def test_handle_of_200_characters_is_accepted() -> None:
    assert connect("x" * 200).handle == "x" * 200


def test_negative_audience_is_refused_along_with_a_missing_handle() -> None:
    with pytest.raises(ValidationFailed) as raised:
        connect("", -1)
    assert [error.loc for error in raised.value.errors] == [("handle",), ("audience_size",)]
