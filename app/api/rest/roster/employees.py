"""/v1/employees: the roster."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response, status

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.roster.mappers import employee_out
from app.api.rest.roster.schemas import EmployeeCreate, EmployeeOut, EmployeeUpdate, TerminationRequest
from app.api.rest.texts import SearchText
from app.domain.roster.employees import EmployeeProfile, EmployeeStatus
from app.ports.roster import EmployeeFilter
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_employee import UpdateEmployeeCommand

router = APIRouter(prefix="/v1/employees", tags=["employees"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 413, 415))
async def create_employee(
    body: EmployeeCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> EmployeeOut:
    """Add an employee to the roster (admin, integrator)."""
    employee = await services.create_employee(principal, EmployeeProfile(**body.model_dump()))
    response.headers["Location"] = f"/v1/employees/{employee.id}"
    set_etag(response, employee.version)
    return employee_out(employee)


@router.get("", responses=problems())
async def list_employees(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    department: SearchText | None = None,
    location: SearchText | None = None,
    status: EmployeeStatus | None = None,
    q: Annotated[SearchText | None, Query(max_length=200, description="Matches name or e-mail.")] = None,
) -> ItemPage[EmployeeOut]:
    """Page through the roster (admin, manager, moderator, analyst, integrator)."""
    criteria = EmployeeFilter(department=department, location=location, status=status, query=q)
    result = await services.list_employees(principal, criteria, page)
    return ItemPage(items=[employee_out(e) for e in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{employee_id}", responses=problems(404))
async def get_employee(
    employee_id: UUID, principal: PrincipalDep, services: ServicesDep, response: Response
) -> EmployeeOut:
    employee = await services.get_employee(principal, employee_id)
    set_etag(response, employee.version)
    return employee_out(employee)


@router.patch("/{employee_id}", responses=problems(404, 409, 412, 413, 415))
async def update_employee(
    employee_id: UUID,
    body: EmployeeUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> EmployeeOut:
    """Change the fields sent (admin, integrator). Honours If-Match."""
    command = UpdateEmployeeCommand(employee_id=employee_id, changes=body.changes(), expected_version=expected_version)
    employee = await services.update_employee(principal, command)
    set_etag(response, employee.version)
    return employee_out(employee)


@router.post("/{employee_id}/terminate", responses=problems(404, 409, 412, 413, 415))
async def terminate_employee(
    employee_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
    body: Annotated[TerminationRequest | None, Body()] = None,
) -> EmployeeOut:
    """Record a departure (admin, integrator); their membership moves to `left`."""
    command = TerminateEmployeeCommand(
        employee_id=employee_id,
        terminated_on=body.terminated_on if body else None,
        expected_version=expected_version,
    )
    employee = await services.terminate_employee(principal, command)
    set_etag(response, employee.version)
    return employee_out(employee)
