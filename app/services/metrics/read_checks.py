"""What every metrics read checks: who reads the programme's metrics, whose facts a manager sees,
and the period and choices a caller named (each refused naming what would be accepted)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from app.domain.errors import FieldError, Forbidden
from app.domain.messages import Message
from app.domain.metrics.queries import MAX_PERIOD_DAYS, Period
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.programme.settings import ProgrammeSettings
from app.domain.rewards.periods import known_zones
from app.domain.roster.identity import Principal, Role
from app.ports.unit_of_work import UnitOfWork

# Who reads the programme's metrics (a manager maybe only their department's); everyone else at most
# the top lists and their own impact.
METRIC_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.ANALYST})

Choice = TypeVar("Choice", bound=StrEnum)


def choice(
    kind: type[Choice],
    name: str,
    parameter: str,
    errors: list[FieldError],
    valid: Iterable[Choice] | None = None,
) -> Choice:
    """``name`` as a member of ``kind`` (of ``valid`` when given); else an error naming every valid one,
    and the first of them, so the checks can go on and report every bad parameter at once."""
    accepted = list(valid if valid is not None else kind)
    try:
        found = kind(name)
    except ValueError:
        found = None
    if found is None or found not in accepted:
        choices = ", ".join(member.value for member in accepted)
        template = (
            "Not known: {name}. Use one of: {choices}."
            if found is None
            else "Not offered here: {name}. Use one of: {choices}."
        )
        errors.append(FieldError(("query", parameter), Message(template, name=name, choices=choices)))
        return accepted[0]
    return found


def checked_period(
    first_day: date | None,
    last_day: date | None,
    time_zone: str | None,
    settings: ProgrammeSettings,
    now: datetime,
    errors: list[FieldError],
) -> Period:
    """Local days in ``time_zone`` (the programme's by default); without days, the current month up to
    today. A bad zone or span adds its error (and a stand-in period is answered)."""
    zone_name = time_zone or settings.time_zone
    if zone_name not in known_zones():
        errors.append(FieldError(("query", "tz"), "Name an IANA time zone, such as Europe/Paris or UTC."))
        zone_name = "UTC"
    today = now.astimezone(ZoneInfo(zone_name)).date()
    last = last_day or today
    first = first_day or min(last, today).replace(day=1)
    if first > last:
        errors.append(FieldError(("query", "from"), "The period must start on or before its last day (to)."))
        first = last
    elif (last - first).days + 1 > MAX_PERIOD_DAYS:
        errors.append(
            FieldError(
                ("query", "to"),
                Message("A period covers at most {days} days; read a longer one in parts.", days=MAX_PERIOD_DAYS),
            )
        )
    return Period(first_day=first, last_day=last, time_zone=zone_name)


def check_limit(limit: int | None, most: int, errors: list[FieldError]) -> None:
    if limit is not None and not 1 <= limit <= most:
        errors.append(FieldError(("query", "limit"), Message("Give 1 to {most} rows.", most=most)))


async def department_of(principal: Principal, settings: ProgrammeSettings, uow: UnitOfWork) -> str | None:
    """The department a manager's reads are limited to, when the programme limits managers to their
    own (an admin or analyst role lifts the limit); None for the whole programme."""
    if settings.manager_metrics_scope is ManagerMetricsScope.PROGRAMME:
        return None
    if principal.roles & {Role.ADMIN, Role.ANALYST} or Role.MANAGER not in principal.roles:
        return None
    employee = await uow.employees.find_by_subject(principal.subject)
    if employee is None or not employee.profile.department:
        raise Forbidden(
            "Managers read the metrics of their own department, and no department is on your employee record."
        )
    return employee.profile.department
