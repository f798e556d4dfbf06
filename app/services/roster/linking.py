"""Finding the caller behind an access token: their employee record (DESIGN: by ``sub``, else by
verified e-mail) and their membership of the programme. Every use case acting as the caller
looks them up here, so the lookup, its locks and its refusals are written once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import EmployeeNotLinked, NotAnAmbassador, NotFound
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Principal
from app.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Caller:
    """The employee behind a token, and their membership (None until they first join)."""

    employee: Employee
    ambassador: Ambassador | None

    @property
    def member(self) -> Ambassador:
        """Their membership, whatever its status; refused when they never joined."""
        if self.ambassador is None:
            raise NotAnAmbassador("You have not joined the ambassador programme; opt in first.")
        return self.ambassador


async def find_linked_employee(uow: UnitOfWork, principal: Principal, now: datetime) -> Employee | None:
    """The principal's employee record, linking it by verified e-mail on first use."""
    employee = await uow.employees.find_by_subject(principal.subject)
    if employee is not None:
        return employee
    if not (principal.email and principal.email_verified):
        return None
    employee = await uow.employees.find_by_email(principal.email)
    # A record already linked to another identity is not this caller's, whatever the e-mail says.
    if employee is None or employee.profile.idp_subject not in (None, principal.subject):
        return None
    employee.link_identity(principal.subject, now)
    await uow.employees.save(employee)
    return employee


async def require_linked_employee(uow: UnitOfWork, principal: Principal, now: datetime) -> Employee:
    employee = await find_linked_employee(uow, principal, now)
    if employee is None:
        raise _not_linked()
    return employee


def _not_linked() -> EmployeeNotLinked:
    return EmployeeNotLinked(
        "Your access token is not linked to an employee of this organisation: "
        "its subject matches no employee's idp_subject and it carries no verified e-mail on the roster."
    )


async def find_caller(
    uow: UnitOfWork, principal: Principal, now: datetime, *, for_update: bool = False, lock_employee: bool = False
) -> Caller | None:
    """The caller with their membership; None when the token is linked to no employee.

    ``for_update`` locks the membership until the transaction ends; ``lock_employee`` locks the
    employee first, which serialises joining with a concurrent invitation or termination."""
    employee = await find_linked_employee(uow, principal, now)
    if employee is None:
        return None
    if lock_employee:
        locked = await uow.employees.get(employee.id, for_update=True)
        if locked is None:
            raise NotFound("employee", employee.id)
        employee = locked
    ambassador = await uow.ambassadors.get_by_employee(employee.id, for_update=for_update or lock_employee)
    return Caller(employee, ambassador)


async def require_caller(
    uow: UnitOfWork, principal: Principal, now: datetime, *, for_update: bool = False, lock_employee: bool = False
) -> Caller:
    """The caller with their membership; refused when the token is linked to no employee."""
    caller = await find_caller(uow, principal, now, for_update=for_update, lock_employee=lock_employee)
    if caller is None:
        raise _not_linked()
    return caller


async def require_membership(uow: UnitOfWork, principal: Principal, now: datetime, *, for_update: bool) -> Ambassador:
    """The caller's membership, whatever its status; refused when they are not linked or never joined."""
    return (await require_caller(uow, principal, now, for_update=for_update)).member
