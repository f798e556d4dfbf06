"""/v1/ambassadors: programme membership, as staff see it."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.roster.mappers import ambassador_out
from app.api.rest.roster.schemas import AmbassadorOut, AmbassadorUpdate, InvitationCreate
from app.api.rest.texts import SearchText
from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF
from app.ports.roster import AmbassadorFilter
from app.services.roster.update_ambassador import UpdateAmbassadorCommand

router = APIRouter(prefix="/v1/ambassadors", tags=["ambassadors"], route_class=OperationRoute)


@router.post(
    "/invitations",
    dependencies=[allowed(PROGRAMME_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Invite an employee to the programme",
    response_description="The new invitation (a membership in status `invited`).",
    responses={
        200: {"model": AmbassadorOut, "description": "An invitation already stood: that membership, unchanged."},
        **problems(problem.NOT_FOUND, problem.EMPLOYEE_TERMINATED, problem.ALREADY_AMBASSADOR),
    },
)
async def invite_ambassador(
    body: InvitationCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Invite an employee to join (admin, manager). They join only by opting in themselves.
    Inviting someone already invited answers the standing invitation (200); someone who left may
    be invited again; a current member cannot be (`already-ambassador`), nor a terminated employee."""
    invitation = await services.roster.invite_ambassador(principal, body.employee_id)
    if not invitation.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/v1/ambassadors/{invitation.ambassador.id}"
    set_etag(response, invitation.ambassador.version)
    return ambassador_out(invitation.ambassador)


@router.get("", summary="List the programme's members")
async def list_ambassadors(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: MembershipStatus | None = None,
    department: SearchText | None = None,
    location: SearchText | None = None,
    charter_status: CharterStatus | None = None,
) -> ItemPage[AmbassadorOut]:
    """Every membership of the programme, whatever its status (admins, managers, moderators,
    analysts), filtered by status, department or location. `charter_status=needs_acceptance`
    finds the members who must accept the charter in force."""
    criteria = AmbassadorFilter(status=status, department=department, location=location, charter_status=charter_status)
    result = await services.roster.list_ambassadors(principal, criteria, page)
    return ItemPage(items=[ambassador_out(a) for a in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{ambassador_id:uuid}", summary="Read a membership", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_ambassador(
    ambassador_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> AmbassadorOut:
    """A membership with its status, consent, preferences and charter acceptance (admins, managers,
    moderators, analysts). Its `ETag` is the version to send in `If-Match` when changing it."""
    ambassador = await services.roster.get_ambassador(principal, ambassador_id)
    return conditional(ambassador_out(ambassador), ambassador.version)


@router.patch(
    "/{ambassador_id:uuid}",
    dependencies=[allowed(PROGRAMME_STAFF)],
    summary="Pause, resume or annotate a membership",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def update_ambassador(
    ambassador_id: UUID,
    body: AmbassadorUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> AmbassadorOut:
    """Pause or resume a membership, or edit its notes (admin, manager). Honours If-Match."""
    command = UpdateAmbassadorCommand(
        ambassador_id=ambassador_id,
        status=body.status,
        notes=body.notes,
        notes_given="notes" in body.model_fields_set,
        expected_version=expected_version,
    )
    ambassador = await services.roster.update_ambassador(principal, command)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)
