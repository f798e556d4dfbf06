"""HRIS events read from the Standard Webhooks envelope, and what a record gives an employee."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import InvalidTransition, ValidationFailed
from app.domain.integrations.hris_events import HrisEventType, read_event
from app.domain.integrations.roster_records import read_record
from app.domain.integrations.roster_sync import departure_day, new_profile, profile_changes
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ADA = {"external_id": "HR-1", "email": "Ada@Acme.Example", "given_name": "Ada", "family_name": "Lovelace"}


def locations(body: Any) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationFailed) as refused:
        read_event(body)
    return sorted(error.loc for error in refused.value.errors)


def test_an_event_reads_its_type_its_time_and_its_record() -> None:
    read = read_event({"type": "employee.hired", "timestamp": "2026-03-02T08:00:00+01:00", "data": ADA})

    assert read.type is HrisEventType.HIRED
    assert read.occurred_at == datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    assert read.record.get("email") == "Ada@acme.example"


def test_every_bad_part_of_an_envelope_is_named() -> None:
    body = {"type": "employee.promoted", "timestamp": "2026-03-02T08:00:00", "data": {"hired_on": "soon"}, "x": 1}

    assert locations(body) == [("data", "external_id"), ("data", "hired_on"), ("timestamp",), ("type",), ("x",)]


@pytest.mark.parametrize("body", [[], "employee.hired", None, 3])
def test_a_body_that_is_no_object_is_refused_as_a_whole(body: Any) -> None:
    assert locations(body) == [("body",)]


def test_a_missing_data_is_named() -> None:
    assert locations({"type": "employee.updated", "timestamp": "2026-03-02T08:00:00Z"}) == [("data",)]


def test_a_new_hire_needs_their_names_and_address() -> None:
    with pytest.raises(ValidationFailed) as refused:
        new_profile(read_record({"external_id": "HR-1", "email": "ada@acme.example"}))

    assert [error.loc for error in refused.value.errors] == [("data", "given_name"), ("data", "family_name")]


def test_a_record_changes_only_the_profile_fields_it_gives() -> None:
    record = read_record({"external_id": "HR-1", "department": "", "manager_external_id": "HR-9"})

    assert profile_changes(record) == {"external_id": "HR-1", "department": None}


def test_the_departure_day_is_the_records_or_the_day_it_was_told() -> None:
    given = read_record({"external_id": "HR-1", "terminated_on": "2026-03-01"})

    assert departure_day(given, date(2026, 3, 5)) == date(2026, 3, 1)
    assert departure_day(read_record({"external_id": "HR-1"}), date(2026, 3, 5)) == date(2026, 3, 5)


def employee() -> Employee:
    profile = EmployeeProfile(email="ada@acme.example", given_name="Ada", family_name="Lovelace")
    return Employee.hire(id=UUID(int=1), tenant_id=UUID(int=2), profile=profile, now=NOW)


def test_an_employee_remembers_the_sources_latest_time_and_finds_older_events_stale() -> None:
    ada = employee()
    ada.synced(occurred_at=NOW, pending_manager="HR-9")
    ada.synced(occurred_at=NOW - timedelta(days=1), pending_manager=None)

    assert ada.source_timestamp == NOW
    assert ada.pending_manager_external_id is None
    assert ada.is_newer_at_source(NOW - timedelta(seconds=1))
    assert not ada.is_newer_at_source(NOW)


def test_a_rehire_reactivates_a_terminated_employee_only() -> None:
    ada = employee()
    with pytest.raises(InvalidTransition):
        ada.rehire(now=NOW)
    ada.terminate(on=date(2026, 3, 1), now=NOW)

    ada.rehire(now=NOW)

    assert (ada.status, ada.terminated_on) == (EmployeeStatus.ACTIVE, None)
    assert [event.type.value for event in ada.drain_events()][-1] == "employee.rehired"


@pytest.mark.parametrize("timestamp", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z", "1899-12-31T23:00:00Z"])
def test_a_timestamp_outside_the_kept_years_is_refused(timestamp: str) -> None:
    assert locations({"type": "employee.updated", "timestamp": timestamp, "data": {"external_id": "HR-1"}}) == [
        ("timestamp",)
    ]
