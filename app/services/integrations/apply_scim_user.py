"""What a SCIM write does to the roster, inside the request's unit of work: the same profile rules as an
HRIS event's, the manager named by their SCIM id, and ``active`` ending or resuming the employment."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.errors import DuplicateValue, FieldError, ValidationFailed
from app.domain.integrations.integrations import Integration, IntegrationKey
from app.domain.integrations.roster_sync import new_profile, profile_changes
from app.domain.integrations.scim_users import (
    ScimLink,
    ScimUser,
    ScimUserState,
    keeping_employee_number,
    owned_state,
)
from app.domain.roster.employees import Employee
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWork
from app.services.integrations.apply_hris_event import DEPARTURE

USER_NAME_TAKEN = "Another user already has this userName."


async def _manager(uow: UnitOfWork, state: ScimUserState, employee_id: UUID) -> dict[str, Any]:
    if not state.owns_manager:
        return {}
    if state.manager_id is None:
        return {"manager_id": None}
    if state.manager_id == employee_id or await uow.employees.get(state.manager_id) is None:
        raise ValidationFailed(
            "The user is not valid.",
            [FieldError(("manager", "value"), "Give the SCIM id of another user of this organisation.")],
        )
    return {"manager_id": state.manager_id}


async def _claim_user_name(uow: UnitOfWork, user_name: str, employee_id: UUID) -> None:
    holder = await uow.scim_users.find_by_user_name(user_name)
    if holder is not None and holder.employee_id != employee_id:
        raise DuplicateValue("userName", USER_NAME_TAKEN)


async def end_employment(uow: UnitOfWork, employee: Employee, now: datetime) -> None:
    """Their employment ends today and their membership of the programme with it (reason ``departure``)."""
    employee.terminate(on=now.date(), now=now)
    ambassador = await uow.ambassadors.get_by_employee(employee.id, for_update=True)
    if ambassador is not None:
        ambassador.opt_out(now=now, reason=DEPARTURE)
        await uow.ambassadors.save(ambassador)


async def provision(
    uow: UnitOfWork, integration: Integration, state: ScimUserState, *, ids: IdGenerator, now: datetime
) -> ScimUser:
    """A new user: an employee the roster already has (same employee number, else same address) and no
    provider manages is adopted; anyone else is hired."""
    state = owned_state(state, integration.owned_fields)
    await _claim_user_name(uow, state.user_name, employee_id=ids.new_id())
    employee = await _known(uow, state)
    if employee is not None and await uow.scim_users.get(employee.id) is not None:
        raise DuplicateValue("userName", USER_NAME_TAKEN)
    link = ScimLink(
        tenant_id=integration.tenant_id,
        employee_id=employee.id if employee else ids.new_id(),
        user_name=state.user_name,
        external_id=state.external_id,
        created_at=now,
        updated_at=now,
    )
    if employee is None:
        manager = await _manager(uow, state, link.employee_id)
        profile = replace(new_profile(state.record), manager_id=manager.get("manager_id"))
        employee = Employee.hire(id=link.employee_id, tenant_id=integration.tenant_id, profile=profile, now=now)
        if not state.active:
            employee.terminate(on=now.date(), now=now)
        await uow.employees.add(employee)
    else:
        await _change(uow, employee, keeping_employee_number(state), now)
        await uow.employees.save(employee)
    await uow.scim_users.add(link)
    return ScimUser(link, employee)


async def _known(uow: UnitOfWork, state: ScimUserState) -> Employee | None:
    found = None
    if state.gives_employee_number:
        found = await uow.roster_keys.employee_id(IntegrationKey.EXTERNAL_ID, state.record.external_id)
    email = state.record.get("email")
    if found is None and isinstance(email, str):
        found = await uow.roster_keys.employee_id(IntegrationKey.EMAIL, email)
    return await uow.employees.get(found, for_update=True) if found is not None else None


async def replace_user(
    uow: UnitOfWork, integration: Integration, user: ScimUser, state: ScimUserState, now: datetime
) -> None:
    """The user becomes what the state says; ``active: false`` ends the employment, ``true`` resumes it."""
    state = owned_state(state, integration.owned_fields)
    await _claim_user_name(uow, state.user_name, user.employee.id)
    await _change(uow, user.employee, state, now)
    user.link.change(user_name=state.user_name, external_id=state.external_id, now=now)
    await uow.employees.save(user.employee)
    await uow.scim_users.save(user.link)


async def _change(uow: UnitOfWork, employee: Employee, state: ScimUserState, now: datetime) -> None:
    """A departed user is still described by the provider (a move, a new name): the profile follows."""
    if state.active and not employee.is_active:
        employee.rehire(now=now)
    changes = profile_changes(state.record) | await _manager(uow, state, employee.id)
    employee.update(changes, now, after_departure=True)
    if not state.active and employee.is_active:
        await end_employment(uow, employee, now)
