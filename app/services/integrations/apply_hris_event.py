"""What one verified HRIS event does to the roster, inside the delivery's unit of work."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from app.domain.integrations.deliveries import DeliveryOutcome
from app.domain.integrations.hris_events import HrisEvent, HrisEventType
from app.domain.integrations.integrations import Integration, IntegrationKey
from app.domain.integrations.refusals import DeliveryRefused
from app.domain.integrations.roster_records import RosterRecord
from app.domain.integrations.roster_sync import departure_day, new_profile, profile_changes, reports_linked
from app.domain.messages import Message
from app.domain.roster.employees import Employee
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWork

# The membership's end when the employee leaves the company, as the ambassador's own opt-out is "opted_out".
DEPARTURE = "departure"
HIRED = HrisEventType.HIRED.value


@dataclass(frozen=True, slots=True)
class Applied:
    outcome: DeliveryOutcome
    reason: str


def _key_value(integration: Integration, record: RosterRecord) -> str:
    if integration.key is IntegrationKey.EMAIL:
        email = record.get("email")
        if not isinstance(email, str):
            raise DeliveryRefused("The integration names employees by e-mail: send their email in data.")
        return email
    return record.external_id


async def _manager(
    uow: UnitOfWork, record: RosterRecord, employee_id: UUID, pending: str | None
) -> tuple[dict[str, UUID | None], str | None]:
    """The manager change the record asks for, and the manager's external id while they are not on the
    roster (then no manager until they arrive)."""
    if not record.gives("manager_external_id"):
        return {}, pending
    wanted = record.get("manager_external_id")
    if wanted is None:
        return {"manager_id": None}, None
    manager_id = await uow.roster_keys.employee_id(IntegrationKey.EXTERNAL_ID, str(wanted))
    if manager_id is None:
        return {"manager_id": None}, str(wanted)
    return {"manager_id": manager_id if manager_id != employee_id else None}, None


async def apply_hris_event(
    uow: UnitOfWork, integration: Integration, event: HrisEvent, *, ids: IdGenerator, now: datetime
) -> Applied:
    """Hired and rehired add or reactivate the employee, updated changes the fields given, terminated ends
    their employment and their membership (reason ``departure``). Only the integration's owned fields
    change; an event older than the last one applied to the employee changes nothing (stale)."""
    record = integration.owned(event.record)
    found = await uow.roster_keys.employee_id(integration.key, _key_value(integration, record))
    employee = await uow.employees.get(found, for_update=True) if found is not None else None
    if employee is not None and employee.is_newer_at_source(event.occurred_at):
        return Applied(DeliveryOutcome.STALE, Message("The source told of a later change to this employee first."))
    if employee is None:
        if event.type not in (HrisEventType.HIRED, HrisEventType.REHIRED):
            raise DeliveryRefused(
                Message(
                    "No employee has this key yet; send {hired} first (a retry may find them).", hired="employee.hired"
                )
            )
        new_id = ids.new_id()
        manager, pending = await _manager(uow, record, new_id, None)
        profile = replace(new_profile(record), manager_id=manager.get("manager_id"))
        employee = Employee.hire(id=new_id, tenant_id=integration.tenant_id, profile=profile, now=now)
        employee.synced(occurred_at=event.occurred_at, pending_manager=pending)
        await uow.employees.add(employee)
        await _link_reports(uow, employee, now)
        return Applied(DeliveryOutcome.APPLIED, Message("Hired."))
    reason = await _change(uow, employee, event, record, now)
    await uow.employees.save(employee)
    return Applied(DeliveryOutcome.APPLIED, reason)


async def _link_reports(uow: UnitOfWork, employee: Employee, now: datetime) -> None:
    if employee.profile.external_id is not None:
        linked = await uow.roster_keys.link_reports(employee.id, employee.profile.external_id, now)
        await uow.outbox.append(reports_linked(employee.tenant_id, linked, now))


async def _change(uow: UnitOfWork, employee: Employee, event: HrisEvent, record: RosterRecord, now: datetime) -> str:
    reason = Message("Updated.")
    if event.type in (HrisEventType.HIRED, HrisEventType.REHIRED) and not employee.is_active:
        employee.rehire(now=now)
        reason = Message("Rehired; their membership of the programme stays ended until they opt in again.")
    if not employee.is_active and event.type is HrisEventType.UPDATED:
        raise DeliveryRefused("This employee has left; send employee.rehired before changing them.")
    manager, pending = await _manager(uow, record, employee.id, employee.pending_manager_external_id)
    if employee.is_active:
        employee.update(profile_changes(record) | manager, now)
    employee.synced(occurred_at=event.occurred_at, pending_manager=pending)
    if event.type is HrisEventType.TERMINATED:
        if not employee.is_active:
            return Message("Already terminated.")
        employee.terminate(on=departure_day(record, event.occurred_at.date()), now=now)
        ambassador = await uow.ambassadors.get_by_employee(employee.id, for_update=True)
        if ambassador is not None:
            ambassador.opt_out(now=now, reason=DEPARTURE)
            await uow.ambassadors.save(ambassador)
        return Message("Terminated; their membership of the programme ended (departure).")
    if event.type is not HrisEventType.UPDATED:
        await _link_reports(uow, employee, now)
    return reason
