"""Finding the employee behind an access token (DESIGN: by ``sub``, else by verified e-mail)."""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import EmployeeNotLinked, NotAnAmbassador
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Principal
from app.ports.unit_of_work import UnitOfWork


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
        raise EmployeeNotLinked(
            "Your access token is not linked to an employee of this organisation: "
            "its subject matches no employee's idp_subject and it carries no verified e-mail on the roster."
        )
    return employee


async def require_membership(uow: UnitOfWork, principal: Principal, now: datetime) -> Ambassador:
    employee = await require_linked_employee(uow, principal, now)
    ambassador = await uow.ambassadors.get_by_employee(employee.id, for_update=True)
    if ambassador is None:
        raise NotAnAmbassador("You have not joined the ambassador programme; opt in first.")
    return ambassador
