"""Kudos: public recognition staff send an ambassador, shown on their profile (/v1/ambassadors/{id}/kudos,
/v1/me/kudos)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.rewards.catalogue_mappers import kudos_out
from app.api.rest.rewards.donation_schemas import KudosCreate, KudosOut
from app.services.rewards.catalogue_access import CATALOGUE_STAFF
from app.services.rewards.send_kudos import SendKudosCommand

router = APIRouter(tags=["kudos"], route_class=OperationRoute)


@router.post(
    "/v1/ambassadors/{ambassador_id}/kudos",
    dependencies=[allowed(CATALOGUE_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Send kudos to an ambassador",
    response_description="The kudos sent.",
    responses=problems(problem.NOT_FOUND),
)
async def send_kudos(
    ambassador_id: UUID, body: KudosCreate, principal: PrincipalDep, services: ServicesDep
) -> KudosOut:
    """Recognise an ambassador in public, with a message (admin, manager); it shows on their profile and is
    announced as `kudos.sent`."""
    command = SendKudosCommand(ambassador_id=ambassador_id, message=body.message)
    return kudos_out(await services.catalogue.send_kudos(principal, command))


@router.get(
    "/v1/ambassadors/{ambassador_id}/kudos",
    summary="List an ambassador's kudos",
    responses=problems(problem.NOT_FOUND),
)
async def list_kudos(
    ambassador_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[KudosOut]:
    """The kudos on an ambassador's profile, newest first (staff and ambassadors: it is public recognition)."""
    result = await services.catalogue.list_kudos(principal, ambassador_id, page)
    return ItemPage(items=[kudos_out(k) for k in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/v1/me/kudos", summary="List my kudos")
async def list_my_kudos(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[KudosOut]:
    """The kudos on your own profile (ambassadors), newest first."""
    result = await services.catalogue.list_my_kudos(principal, page)
    return ItemPage(items=[kudos_out(k) for k in result.items], next_cursor=encode_cursor(result.next_after))
