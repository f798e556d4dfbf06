"""/v1/me: the caller's own membership, preferences and social accounts."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api.pagination import decode_feed_cursor
from app.api.rest.content.feed_mappers import feed_json
from app.api.rest.content.feed_schemas import FeedOut
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.roster.mappers import ambassador_out, me_out, social_account_out
from app.api.rest.roster.schemas import AmbassadorOut, MeOut, PreferencesBody, SocialAccountCreate, SocialAccountOut
from app.domain.roster.ambassadors import Preferences
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.content.get_feed import FeedRequest, GetFeed
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand

router = APIRouter(prefix="/v1/me", tags=["me"])


@router.get("", responses=problems() | NOT_MODIFIED)
async def get_me(principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep) -> MeOut:
    """Who you are: your roles, your roster record and your membership, when they exist. Its ETag
    is a digest of the whole answer, which gathers several resources."""
    return conditional(me_out(await services.roster.get_me(principal)))


@router.get("/feed", response_model=FeedOut, responses=problems(409), description=GetFeed.__doc__)
async def get_feed(
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
) -> Response:
    """What you may share now, in your language."""
    request = FeedRequest(after=decode_feed_cursor(cursor) if cursor else None, limit=limit)
    return Response(feed_json(await services.content.get_feed(principal, request)), media_type="application/json")


@router.post("/opt-in", responses=problems(409))
async def opt_in(principal: PrincipalDep, services: ServicesDep, response: Response) -> AmbassadorOut:
    """Join the programme, invited or not. Your consent is recorded with its time."""
    ambassador = await services.roster.opt_in(principal)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.post("/opt-out", responses=problems(409))
async def opt_out(principal: PrincipalDep, services: ServicesDep, response: Response) -> AmbassadorOut:
    """Leave the programme. Always allowed."""
    ambassador = await services.roster.opt_out(principal)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.put("/preferences", responses=problems(409, 413, 415))
async def set_preferences(
    body: PreferencesBody, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Replace your preferences as a whole."""
    preferences = Preferences.parse(
        languages=body.languages,
        topics=body.topics,
        max_shares_per_week=body.max_shares_per_week,
        leaderboard_visible=body.leaderboard_visible,
    )
    ambassador = await services.roster.set_preferences(principal, preferences)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.get("/social-accounts", responses=problems(409))
async def list_social_accounts(principal: PrincipalDep, services: ServicesDep) -> list[SocialAccountOut]:
    return [social_account_out(a) for a in await services.roster.list_social_accounts(principal)]


@router.post("/social-accounts", status_code=status.HTTP_201_CREATED, responses=problems(409, 413, 415))
async def connect_social_account(
    body: SocialAccountCreate, principal: PrincipalDep, services: ServicesDep
) -> SocialAccountOut:
    command = ConnectSocialAccountCommand(network=body.network, handle=body.handle, audience_size=body.audience_size)
    return social_account_out(await services.roster.connect_social_account(principal, command))


@router.delete("/social-accounts/{account_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409))
async def disconnect_social_account(account_id: UUID, principal: PrincipalDep, services: ServicesDep) -> None:
    await services.roster.disconnect_social_account(principal, account_id)
