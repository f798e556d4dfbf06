"""/v1/employees: the roster."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Query, Response, status

from app.api import problem_types as problem
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
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.roster.mappers import employee_out
from app.api.rest.roster.schemas import EmployeeCreate, EmployeeOut, EmployeeUpdate, TerminationRequest
from app.api.rest.texts import SearchText
from app.domain.roster.employees import EmployeeProfile, EmployeeStatus
from app.domain.roster.identity import ROSTER_WRITERS
from app.ports.pagination import DEFAULT_LIMIT, PageRequest
from app.ports.roster import EMPLOYEE_SORT_KEYS, EmployeeFilter, EmployeeSort
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_employee import UpdateEmployeeCommand

router = APIRouter(prefix="/v1/employees", tags=["employees"], route_class=OperationRoute)


async def employee_page(
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    sort: Annotated[EmployeeSort, Query(description=SORT_HELP)] = EmployeeSort.ID,
) -> PageRequest:
    return sorted_page(sort, EMPLOYEE_SORT_KEYS, cursor, limit)


@router.post(
    "",
    dependencies=[allowed(ROSTER_WRITERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Add an employee to the roster",
    response_description="The employee added; `Location` is its address.",
    responses=problems(problem.DUPLICATE_VALUE),
)
async def create_employee(
    body: EmployeeCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> EmployeeOut:
    """Add an employee to the roster (admin, integrator). The e-mail, `external_id` and `idp_subject`
    are each unique in the organisation (`duplicate-value` names the one taken)."""
    employee = await services.roster.create_employee(principal, EmployeeProfile(**body.model_dump()))
    response.headers["Location"] = f"/v1/employees/{employee.id}"
    set_etag(response, employee.version)
    return employee_out(employee)


@router.get("", summary="List the roster")
async def list_employees(
    principal: PrincipalDep,
    services: ServicesDep,
    page: Annotated[PageRequest, Depends(employee_page)],
    department: SearchText | None = None,
    location: SearchText | None = None,
    status: EmployeeStatus | None = None,
    q: Annotated[SearchText | None, Query(max_length=200, description="Matches name or e-mail.")] = None,
) -> ItemPage[EmployeeOut]:
    """Page through the roster (admin, manager, moderator, analyst, integrator), filtered by
    department, location or status; `q` matches names and e-mails. In the order added unless `sort`
    says otherwise: by name (family, then given) or by creation, either way round."""
    criteria = EmployeeFilter(department=department, location=location, status=status, query=q)
    result = await services.roster.list_employees(principal, criteria, page)
    return ItemPage(items=[employee_out(e) for e in result.items], next_cursor=encode_page_cursor(result, page.sort))


@router.get("/{employee_id}", summary="Read an employee", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_employee(
    employee_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> EmployeeOut:
    """One employee of the roster (admin, manager, moderator, analyst, integrator). Its `ETag` is
    the version to send in `If-Match` when changing it."""
    employee = await services.roster.get_employee(principal, employee_id)
    return conditional(employee_out(employee), employee.version)


@router.patch(
    "/{employee_id}",
    dependencies=[allowed(ROSTER_WRITERS)],
    summary="Change an employee",
    responses=problems(problem.NOT_FOUND, problem.DUPLICATE_VALUE, problem.INVALID_TRANSITION),
)
async def update_employee(
    employee_id: UUID,
    body: EmployeeUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> EmployeeOut:
    """Change the fields sent (admin, integrator); null clears an optional field. A terminated
    employee can no longer be edited. Honours If-Match."""
    command = UpdateEmployeeCommand(employee_id=employee_id, changes=body.changes(), expected_version=expected_version)
    employee = await services.roster.update_employee(principal, command)
    set_etag(response, employee.version)
    return employee_out(employee)


@router.post(
    "/{employee_id}/terminate",
    dependencies=[allowed(ROSTER_WRITERS)],
    summary="Record an employee's departure",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def terminate_employee(
    employee_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
    body: Annotated[TerminationRequest | None, Body()] = None,
) -> EmployeeOut:
    """Record a departure (admin, integrator) on `terminated_on` (today by default), which may not
    come before their `hired_on` (`validation-failed` at `terminated_on`); their membership of the
    programme moves to `left`. Honours If-Match."""
    command = TerminateEmployeeCommand(
        employee_id=employee_id,
        terminated_on=body.terminated_on if body else None,
        expected_version=expected_version,
    )
    employee = await services.roster.terminate_employee(principal, command)
    set_etag(response, employee.version)
    return employee_out(employee)
