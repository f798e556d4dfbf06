"""/v1/ambassadors: programme membership, as staff see it."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.roster.mappers import ambassador_out
from app.api.rest.roster.schemas import AmbassadorOut, AmbassadorUpdate, InvitationCreate
from app.api.rest.texts import SearchText
from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.roster import AmbassadorFilter
from app.services.roster.update_ambassador import UpdateAmbassadorCommand

router = APIRouter(prefix="/v1/ambassadors", tags=["ambassadors"])


@router.post(
    "/invitations",
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(404, 409, 413, 415),
        200: {"description": "An invitation already stood; it is returned unchanged."},
    },
)
async def invite_ambassador(
    body: InvitationCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Invite an employee to join (admin, manager). They join only by opting in themselves."""
    invitation = await services.invite_ambassador(principal, body.employee_id)
    if not invitation.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/v1/ambassadors/{invitation.ambassador.id}"
    set_etag(response, invitation.ambassador.version)
    return ambassador_out(invitation.ambassador)


@router.get("", responses=problems())
async def list_ambassadors(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: MembershipStatus | None = None,
    department: SearchText | None = None,
    location: SearchText | None = None,
    charter_status: CharterStatus | None = None,
) -> ItemPage[AmbassadorOut]:
    """`charter_status=needs_acceptance` finds the members who must accept the charter in force."""
    criteria = AmbassadorFilter(status=status, department=department, location=location, charter_status=charter_status)
    result = await services.list_ambassadors(principal, criteria, page)
    return ItemPage(items=[ambassador_out(a) for a in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{ambassador_id:uuid}", responses=problems(404))
async def get_ambassador(
    ambassador_id: UUID, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    ambassador = await services.get_ambassador(principal, ambassador_id)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.patch("/{ambassador_id:uuid}", responses=problems(404, 409, 412, 413, 415))
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
    ambassador = await services.update_ambassador(principal, command)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)
