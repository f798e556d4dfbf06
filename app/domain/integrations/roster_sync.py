"""What a roster record changes on an employee: the profile fields it gives (the manager and the
departure date aside, which are resolved against the roster), or the profile of a new hire."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.integrations.roster_records import RosterRecord
from app.domain.messages import Message
from app.domain.roster.employees import EmployeeProfile

# Record fields that are profile fields of the same name.
PROFILE_FIELDS = ("external_id", "email", "given_name", "family_name", "department", "location", "language", "hired_on")
HIRE_NEEDS = ("email", "given_name", "family_name")


def profile_changes(record: RosterRecord) -> dict[str, Any]:
    """The profile fields the record gives, ready for ``Employee.update``."""
    return {name: record.get(name) for name in PROFILE_FIELDS if record.gives(name)}


def new_profile(record: RosterRecord) -> EmployeeProfile:
    """The profile of someone the roster does not know yet; the record must name them and their address."""
    missing = [name for name in HIRE_NEEDS if record.get(name) is None]
    if missing:
        raise ValidationFailed(
            "The record cannot add an employee to the roster.",
            [
                FieldError(("data", name), Message("Required for a new employee (and owned by the integration)."))
                for name in missing
            ],
        )
    changes = profile_changes(record)
    return EmployeeProfile(**changes)


def departure_day(record: RosterRecord, fallback: date) -> date:
    """Their last day: the record's ``terminated_on`` when it gives one, else the day the source told of it."""
    given = record.get("terminated_on")
    return given if isinstance(given, date) else fallback


def reports_linked(tenant_id: UUID, report_ids: Sequence[UUID], now: datetime) -> list[DomainEvent]:
    """The ``employee.updated`` of each employee who was waiting for their manager and now has them,
    shaped like the one a profile change emits."""
    data = [{"id": str(report_id), "fields": ["manager_id"]} for report_id in report_ids]
    return [DomainEvent(type=EventType.EMPLOYEE_UPDATED, tenant_id=tenant_id, occurred_at=now, data=d) for d in data]
