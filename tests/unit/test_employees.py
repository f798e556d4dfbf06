"""The employee roster entry: hiring, profile changes, departure and identity linking."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import InvalidTransition, PreconditionFailed, ValidationFailed
from app.domain.events import EventType
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus

TENANT = UUID("0190a000-0000-7000-8000-00000000a001")
EMPLOYEE = UUID("0190a000-0000-7000-8000-00000000e001")
MANAGER = UUID("0190a000-0000-7000-8000-00000000e002")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=5)

PROFILE = EmployeeProfile(email="ada@acme.example", given_name="Ada", family_name="Lovelace")


def hire(**profile: Any) -> Employee:
    employee = Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=replace(PROFILE, **profile), now=NOW)
    employee.drain_events()
    return employee


def locs(error: ValidationFailed) -> set[tuple[str | int, ...]]:
    return {field_error.loc for field_error in error.errors}


# --- hiring ---------------------------------------------------------------------------------


def test_hired_employee_is_active_at_version_one() -> None:
    employee = Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=PROFILE, now=NOW)
    assert employee.status is EmployeeStatus.ACTIVE
    assert employee.is_active
    assert employee.terminated_on is None
    assert (employee.version, employee.created_at, employee.updated_at) == (1, NOW, NOW)


def test_hiring_records_employee_created_with_the_roster_snapshot() -> None:
    profile = replace(PROFILE, external_id="HR-7", department="R&D", location="London")
    employee = Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=profile, now=NOW)
    [event] = employee.drain_events()
    assert event.type is EventType.EMPLOYEE_CREATED
    assert (event.tenant_id, event.occurred_at) == (TENANT, NOW)
    assert event.data == {
        "id": str(EMPLOYEE),
        "external_id": "HR-7",
        "email": "ada@acme.example",
        "department": "R&D",
        "location": "London",
        "status": "active",
    }


def test_hiring_normalises_email_domain_language_and_names() -> None:
    employee = hire(email="Ada.Lovelace@ACME.Example", language="EN-gb", given_name="  Ada ", family_name=" Lovelace")
    assert employee.profile.email == "Ada.Lovelace@acme.example"
    assert employee.profile.language == "en-GB"
    assert (employee.profile.given_name, employee.profile.family_name) == ("Ada", "Lovelace")


def test_hiring_reports_every_invalid_field_at_once() -> None:
    profile = EmployeeProfile(email="not-an-address", given_name=" ", family_name="", language="xx-!!", external_id=" ")
    with pytest.raises(ValidationFailed) as raised:
        Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=profile, now=NOW)
    assert locs(raised.value) == {("email",), ("given_name",), ("family_name",), ("language",), ("external_id",)}


@pytest.mark.parametrize("email", ["ada", "ada@", "@acme.example", "ada@@acme.example", "ada lovelace@acme.example"])
def test_hiring_refuses_an_invalid_email(email: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        hire(email=email)
    assert locs(raised.value) == {("email",)}


def test_optional_profile_fields_may_be_left_out() -> None:
    employee = hire()
    assert employee.profile.external_id is None
    assert employee.profile.language is None
    assert employee.profile.hired_on is None


# --- profile changes ------------------------------------------------------------------------


def test_update_changes_the_profile_and_bumps_the_version() -> None:
    employee = hire()
    employee.update({"department": "Sales", "location": "Paris", "manager_id": MANAGER}, LATER)
    assert (employee.profile.department, employee.profile.location) == ("Sales", "Paris")
    assert employee.profile.manager_id == MANAGER
    assert (employee.version, employee.updated_at, employee.created_at) == (2, LATER, NOW)


def test_update_records_employee_updated_with_the_changed_field_names() -> None:
    employee = hire()
    employee.update({"location": "Paris", "department": "Sales"}, LATER)
    [event] = employee.drain_events()
    assert event.type is EventType.EMPLOYEE_UPDATED
    assert event.occurred_at == LATER
    assert event.data == {"id": str(EMPLOYEE), "fields": ["department", "location"]}


def test_update_normalises_like_hiring() -> None:
    employee = hire()
    employee.update({"email": "ada@NEW.example", "language": "fr-fr"}, LATER)
    assert (employee.profile.email, employee.profile.language) == ("ada@new.example", "fr-FR")


def test_update_with_the_current_values_changes_nothing() -> None:
    employee = hire(department="R&D")
    employee.update({"department": "R&D", "email": "ada@ACME.example"}, LATER)
    assert (employee.version, employee.updated_at) == (1, NOW)
    assert employee.drain_events() == []


def test_update_refuses_an_unknown_field() -> None:
    employee = hire()
    with pytest.raises(ValidationFailed) as raised:
        employee.update({"status": "terminated", "salary": 1}, LATER)
    assert locs(raised.value) == {("status",), ("salary",)}
    assert employee.status is EmployeeStatus.ACTIVE


def test_employee_cannot_be_their_own_manager() -> None:
    employee = hire()
    with pytest.raises(ValidationFailed) as raised:
        employee.update({"manager_id": EMPLOYEE}, LATER)
    assert locs(raised.value) == {("manager_id",)}
    assert employee.profile.manager_id is None


def test_invalid_update_leaves_the_profile_untouched() -> None:
    employee = hire()
    with pytest.raises(ValidationFailed):
        employee.update({"email": "nope", "department": "Sales"}, LATER)
    assert employee.profile == hire().profile
    assert employee.version == 1
    assert employee.drain_events() == []


def test_terminated_employee_record_is_frozen() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    with pytest.raises(InvalidTransition) as raised:
        employee.update({"department": "Sales"}, LATER)
    assert raised.value.current == "terminated"
    assert employee.profile.department is None


# --- departure ------------------------------------------------------------------------------


def test_termination_records_the_date_and_bumps_the_version() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    assert employee.status is EmployeeStatus.TERMINATED
    assert not employee.is_active
    assert employee.terminated_on == date(2026, 3, 31)
    assert (employee.version, employee.updated_at) == (2, LATER)


def test_termination_records_employee_terminated() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    [event] = employee.drain_events()
    assert event.type is EventType.EMPLOYEE_TERMINATED
    assert event.data == {"id": str(EMPLOYEE), "terminated_on": "2026-03-31"}


def test_employee_cannot_be_terminated_twice() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    employee.drain_events()
    with pytest.raises(InvalidTransition):
        employee.terminate(on=date(2026, 4, 30), now=LATER)
    assert employee.terminated_on == date(2026, 3, 31)
    assert employee.version == 2
    assert employee.drain_events() == []


def test_snapshot_shows_a_terminated_status() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    assert employee.snapshot()["status"] == "terminated"


# --- identity -------------------------------------------------------------------------------


def test_linking_an_identity_remembers_the_subject_without_an_event() -> None:
    employee = hire()
    employee.link_identity("idp|ada", LATER)
    assert employee.profile.idp_subject == "idp|ada"
    assert (employee.version, employee.updated_at) == (2, LATER)
    assert employee.drain_events() == []


def test_linking_the_same_identity_again_changes_nothing() -> None:
    employee = hire(idp_subject="idp|ada")
    employee.link_identity("idp|ada", LATER)
    assert (employee.version, employee.updated_at) == (1, NOW)


def test_linking_is_allowed_after_termination() -> None:
    employee = hire()
    employee.terminate(on=date(2026, 3, 31), now=NOW)
    employee.link_identity("idp|ada", LATER)
    assert employee.profile.idp_subject == "idp|ada"


# --- versions and events --------------------------------------------------------------------


@pytest.mark.parametrize("expected", [None, 1])
def test_current_or_absent_version_is_accepted(expected: int | None) -> None:
    hire().require_version(expected)


def test_stale_version_is_refused_with_the_current_one_in_the_message() -> None:
    employee = hire()
    employee.update({"department": "Sales"}, LATER)
    with pytest.raises(PreconditionFailed) as raised:
        employee.require_version(1)
    assert "version 2" in raised.value.detail


def test_each_change_bumps_the_version_once() -> None:
    employee = hire()
    employee.update({"department": "Sales"}, LATER)
    employee.link_identity("idp|ada", LATER)
    employee.terminate(on=date(2026, 3, 31), now=LATER)
    assert employee.version == 4


def test_draining_events_empties_the_pending_list() -> None:
    employee = Employee.hire(id=EMPLOYEE, tenant_id=TENANT, profile=PROFILE, now=NOW)
    employee.update({"department": "Sales"}, LATER)
    assert [event.type for event in employee.drain_events()] == [EventType.EMPLOYEE_CREATED, EventType.EMPLOYEE_UPDATED]
    assert employee.drain_events() == []


def test_nobody_leaves_before_they_were_hired() -> None:
    employee = hire(hired_on=date(2026, 3, 2))

    with pytest.raises(ValidationFailed) as raised:
        employee.terminate(on=date(2026, 3, 1), now=LATER)

    assert locs(raised.value) == {("terminated_on",)}
    assert (employee.status, employee.version, employee.drain_events()) == (EmployeeStatus.ACTIVE, 1, [])
    employee.terminate(on=date(2026, 3, 2), now=LATER)
    assert employee.terminated_on == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("name", "blank"),
    [
        ("", True),
        ("   ", True),
        ("\u200b", True),
        ("\ufeff", True),
        ("\u202e", True),
        ("\u2066\u2069", True),
        ("\u200d \u00ad\u180e", True),
        ("\U000e0041", True),
        ("\u200bAda", False),
        ("李", False),
        ("\u0301", False),  # a lone accent still shows
    ],
)
def test_a_name_made_only_of_invisible_characters_is_blank(name: str, blank: bool) -> None:
    if blank:
        with pytest.raises(ValidationFailed) as raised:
            hire(given_name=name)
        assert locs(raised.value) == {("given_name",)}
    else:
        assert hire(given_name=name).profile.given_name == name
