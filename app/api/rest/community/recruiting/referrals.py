"""/v1/me/referrals: the colleagues an ambassador invites to the programme."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.recruiting.mappers import referral_out
from app.api.rest.community.recruiting.schemas import ReferralCreate, ReferralOut
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute

router = APIRouter(prefix="/v1/me/referrals", tags=["recruiting"], route_class=OperationRoute)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Invite a colleague",
    response_description="The referral, pending until your colleague joins.",
    responses={
        200: {"model": ReferralOut, "description": "You had invited this colleague already: that referral."},
        **problems(
            *AS_MEMBER,
            problem.NOT_FOUND,
            problem.EMPLOYEE_TERMINATED,
            problem.ALREADY_AMBASSADOR,
            problem.REFERRAL_LIMIT_REACHED,
        ),
    },
)
async def refer_colleague(
    body: ReferralCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ReferralOut:
    """Invite a colleague to the programme (an active ambassador; a few a day). They get the programme's
    normal invitation, once, and may ignore it: joining is their choice. When they join, the ambassador
    who invited them first is credited (`colleague_joined` points)."""
    made = await services.recruiting.refer_colleague(principal, body.employee_id)
    if not made.created:
        response.status_code = status.HTTP_200_OK
    return referral_out(made.view)


@router.get("", summary="List your referrals", responses=problems(*AS_MEMBER))
async def list_my_referrals(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[ReferralOut]:
    """The colleagues you invited, the latest first, and whether each joined and was credited to you."""
    result = await services.recruiting.list_my_referrals(principal, page)
    return ItemPage(items=[referral_out(r) for r in result.items], next_cursor=encode_cursor(result.next_after))
