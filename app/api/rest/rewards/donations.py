"""/v1/associations and /v1/donations: points given to the associations the programme lists."""

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
from app.api.rest.rewards.catalogue_mappers import (
    association_out,
    changes,
    donation_out,
    donation_total_out,
)
from app.api.rest.rewards.donation_schemas import (
    AssociationCreate,
    AssociationOut,
    AssociationUpdate,
    DonationCreate,
    DonationOut,
    DonationTotals,
)
from app.domain.rewards.donations import Association, AssociationFields, AssociationStatus
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_STAFF
from app.services.rewards.donate_points import DonateCommand
from app.services.rewards.manage_associations import AssociationTransitionCommand, UpdateAssociationCommand

router = APIRouter(tags=["donations"], route_class=OperationRoute)


def _answer(association: Association, response: Response) -> AssociationOut:
    body = association_out(association)
    set_etag(response, association.version, body)
    return body


@router.post(
    "/v1/associations",
    dependencies=[allowed(CATALOGUE_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="List an association",
    response_description="The association listed; `Location` is its address.",
)
async def create_association(
    body: AssociationCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AssociationOut:
    """Add an association ambassadors may give points to (admin, manager)."""
    association = await services.catalogue.create_association(principal, AssociationFields(**changes(body)))
    response.headers["Location"] = f"/v1/associations/{association.id}"
    return _answer(association, response)


@router.get("/v1/associations", summary="List associations")
async def list_associations(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, status: AssociationStatus | None = None
) -> ItemPage[AssociationOut]:
    """Staff (admin, manager) see every association, filtered by status; ambassadors the active ones."""
    result = await services.catalogue.list_associations(principal, status, page)
    return ItemPage(items=[association_out(a) for a in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/v1/associations/{association_id}",
    summary="Read an association",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_association(
    association_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> AssociationOut:
    """One association (staff: any; ambassadors: active ones). Its `ETag` is the version for `If-Match`."""
    association = await services.catalogue.get_association(principal, association_id)
    return conditional(association_out(association), association.version)


@router.patch(
    "/v1/associations/{association_id}",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Change an association",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def update_association(
    association_id: UUID,
    body: AssociationUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> AssociationOut:
    """Change the fields sent (admin, manager). Honours If-Match."""
    command = UpdateAssociationCommand(
        association_id=association_id, changes=changes(body), expected_version=expected_version
    )
    return _answer(await services.catalogue.update_association(principal, command), response)


@router.post(
    "/v1/associations/{association_id}/archive",
    dependencies=[allowed(CATALOGUE_STAFF)],
    summary="Archive an association",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def archive_association(
    association_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> AssociationOut:
    """It receives no more donations (admin, manager); what it received stays in the totals. Honours If-Match."""
    command = AssociationTransitionCommand(association_id=association_id, expected_version=expected_version)
    return _answer(await services.catalogue.archive_association(principal, command), response)


@router.post(
    "/v1/donations",
    dependencies=[allowed(AMBASSADORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Give points to an association",
    response_description="The donation made.",
    responses=problems(
        problem.NOT_FOUND, problem.NOT_AN_AMBASSADOR, problem.ASSOCIATION_NOT_AVAILABLE, problem.INSUFFICIENT_POINTS
    ),
)
async def donate_points(body: DonationCreate, principal: PrincipalDep, services: ServicesDep) -> DonationOut:
    """Turn points into a donation to the association you choose (active ambassadors): they leave your balance
    by a ledger entry of kind `donation`. Nothing is written when the balance is too low."""
    command = DonateCommand(association_id=body.association_id, points=body.points)
    return donation_out(await services.catalogue.donate_points(principal, command))


@router.get("/v1/donations/totals", summary="Read donation totals per association")
async def donation_totals(principal: PrincipalDep, services: ServicesDep) -> DonationTotals:
    """What the programme's ambassadors gave each association: points, donations and donors (staff and
    ambassadors)."""
    totals = await services.catalogue.get_donation_totals(principal)
    return DonationTotals(items=[donation_total_out(total) for total in totals])


@router.get("/v1/me/donations", summary="List my donations")
async def list_my_donations(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[DonationOut]:
    """Your own donations (ambassadors), oldest first."""
    result = await services.catalogue.list_my_donations(principal, page)
    return ItemPage(items=[donation_out(d) for d in result.items], next_cursor=encode_cursor(result.next_after))
