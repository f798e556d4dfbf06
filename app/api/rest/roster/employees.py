"""/v1/employees: the roster."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Query, Response, status

from app.api.pagination import encode_page_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import (
    NOT_MODIFIED,
    SORT_HELP,
    ConditionalReadDep,
    CursorQuery,
    ExpectedVersionDep,
    LimitQuery,
    PrincipalDep,
    ServicesDep,
    set_etag,
    sorted_page,
)
from app.api.rest.openapi import problems
from app.api.rest.roster.mappers import employee_out
from app.api.rest.roster.schemas import EmployeeCreate, EmployeeOut, EmployeeUpdate, TerminationRequest
from app.domain.roster.employees import EmployeeProfile, EmployeeStatus
from app.ports.pagination import DEFAULT_LIMIT, PageRequest
from app.ports.roster import EMPLOYEE_SORT_KEYS, EmployeeFilter, EmployeeSort
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_employee import UpdateEmployeeCommand

router = APIRouter(prefix="/v1/employees", tags=["employees"])


async def employee_page(
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    sort: Annotated[EmployeeSort, Query(description=SORT_HELP)] = EmployeeSort.ID,
) -> PageRequest:
    return sorted_page(sort, EMPLOYEE_SORT_KEYS, cursor, limit)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 413, 415))
async def create_employee(
    body: EmployeeCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> EmployeeOut:
    """Add an employee to the roster (admin, integrator)."""
    employee = await services.roster.create_employee(principal, EmployeeProfile(**body.model_dump()))
    response.headers["Location"] = f"/v1/employees/{employee.id}"
    set_etag(response, employee.version)
    return employee_out(employee)


@router.get("", responses=problems())
async def list_employees(
    principal: PrincipalDep,
    services: ServicesDep,
    page: Annotated[PageRequest, Depends(employee_page)],
    department: str | None = None,
    location: str | None = None,
    status: EmployeeStatus | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Matches name or e-mail.")] = None,
) -> ItemPage[EmployeeOut]:
    """Page through the roster (admin, manager, moderator, analyst, integrator), in the order added
    unless `sort` says otherwise: by name (family, then given) or by creation, either way round."""
    criteria = EmployeeFilter(department=department, location=location, status=status, query=q)
    result = await services.roster.list_employees(principal, criteria, page)
    return ItemPage(items=[employee_out(e) for e in result.items], next_cursor=encode_page_cursor(result, page.sort))


@router.get("/{employee_id}", responses=problems(404) | NOT_MODIFIED)
async def get_employee(
    employee_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> EmployeeOut:
    employee = await services.roster.get_employee(principal, employee_id)
    return conditional(employee_out(employee), employee.version)


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
    employee = await services.roster.update_employee(principal, command)
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
    employee = await services.roster.terminate_employee(principal, command)
    set_etag(response, employee.version)
    return employee_out(employee)
