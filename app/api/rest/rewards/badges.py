"""/v1/badges, /v1/me/badges and /v1/ambassadors/{id}/badges: the catalogue and the badges held."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.rewards.recognition_mappers import badge_out, held_badge_out
from app.api.rest.rewards.recognition_schemas import BadgeBody, BadgeOut, BadgesOut, HeldBadgesOut
from app.domain.roster.identity import Role
from app.services.rewards.badges import BadgeChange

router = APIRouter(prefix="/v1", tags=["badges"], route_class=OperationRoute)


@router.get("/badges", summary="List the badge catalogue")
async def list_badges(principal: PrincipalDep, services: ServicesDep) -> BadgesOut:
    """Every badge of the organisation (staff and ambassadors): the defaults every organisation has
    (first share, 10/50/100 shares, first lead, first hire, 100 unique visitors, a four-week streak,
    co-author, challenge winner) and its own, with what earns each."""
    return BadgesOut(items=[badge_out(badge) for badge in await services.recognition.list_badges(principal)])


@router.post(
    "/badges",
    dependencies=[allowed(frozenset({Role.ADMIN}))],
    summary="Add or change a badge",
)
async def save_badge(body: BadgeBody, principal: PrincipalDep, services: ServicesDep) -> BadgeOut:
    """Add a badge of the organisation's own, or change it (admin). For a default badge's key only
    `enabled` counts: a default can be disabled, not redefined. Badges already earned stay earned."""
    change = BadgeChange(
        key=body.key,
        name=body.name,
        description=body.description,
        criterion=body.criterion.model_dump(),
        enabled=body.enabled,
    )
    return badge_out(await services.recognition.save_badge(principal, change))


@router.get("/me/badges", summary="List your badges", responses=problems(problem.EMPLOYEE_NOT_LINKED))
async def list_my_badges(principal: PrincipalDep, services: ServicesDep) -> HeldBadgesOut:
    """The badges you hold, oldest first (empty until you join and earn one)."""
    held = await services.recognition.list_my_badges(principal)
    return HeldBadgesOut(items=[held_badge_out(badge) for badge in held])


@router.get(
    "/ambassadors/{ambassador_id:uuid}/badges",
    summary="List a member's badges",
    responses=problems(problem.NOT_FOUND),
)
async def list_ambassador_badges(ambassador_id: UUID, principal: PrincipalDep, services: ServicesDep) -> HeldBadgesOut:
    """A member's badges as others see them: staff see anyone's; an ambassador sees their own, and
    another member's only when that member is active and chose to appear on boards (else 404, as
    for no member at all)."""
    held = await services.recognition.list_ambassador_badges(principal, ambassador_id)
    return HeldBadgesOut(items=[held_badge_out(badge) for badge in held])
