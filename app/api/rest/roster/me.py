"""/v1/me: the caller's own membership, preferences and social accounts."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api import problem_types as problem
from app.api.pagination import decode_before_cursor, decode_feed_cursor, encode_before_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.content.feed_mappers import feed_json
from app.api.rest.content.feed_schemas import FeedOut
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute
from app.api.rest.roster.mappers import ambassador_out, audience_observation_out, me_out, social_account_out
from app.api.rest.roster.schemas import (
    AmbassadorOut,
    AudienceObservationOut,
    MeOut,
    PreferencesBody,
    SocialAccountCreate,
    SocialAccountOut,
    SocialAccountUpdate,
)
from app.domain.roster.ambassadors import Preferences
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.content.get_feed import FeedRequest, GetFeed
from app.services.roster.manage_social_accounts import (
    AudienceHistoryRequest,
    ConnectSocialAccountCommand,
    UpdateSocialAccountCommand,
)

router = APIRouter(prefix="/v1/me", tags=["me"], route_class=OperationRoute)


@router.get("", summary="Read who you are", responses=NOT_MODIFIED)
async def get_me(principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep) -> MeOut:
    """Who you are: your roles, your roster record and your membership, when they exist. The first
    call with a verified e-mail the roster holds links your token to that employee for good."""
    return conditional(me_out(await services.roster.get_me(principal)))


@router.get(
    "/feed",
    response_model=FeedOut,
    summary="Read your feed",
    response_description="A page of what you may share now, pinned and important content first.",
    responses=problems(*AS_MEMBER),
    description=GetFeed.__doc__,
)
async def get_feed(
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
) -> Response:
    """What you may share now, in your language."""
    request = FeedRequest(after=decode_feed_cursor(cursor) if cursor else None, limit=limit)
    return Response(feed_json(await services.content.get_feed(principal, request)), media_type="application/json")


@router.post(
    "/opt-in",
    summary="Join the programme",
    responses=problems(problem.EMPLOYEE_NOT_LINKED, problem.EMPLOYEE_TERMINATED),
)
async def opt_in(principal: PrincipalDep, services: ServicesDep, response: Response) -> AmbassadorOut:
    """Join the programme, invited or not; your consent is recorded with its time. Opting in while a
    member changes nothing; after leaving, opting in joins again. A terminated employee cannot join."""
    ambassador = await services.roster.opt_in(principal)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.post("/opt-out", summary="Leave the programme", responses=problems(*AS_MEMBER))
async def opt_out(principal: PrincipalDep, services: ServicesDep, response: Response) -> AmbassadorOut:
    """Leave the programme: one call, always allowed; leaving twice changes nothing. Your shares and
    their figures stay; you can opt in again later."""
    ambassador = await services.roster.opt_out(principal)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.put("/preferences", summary="Replace your preferences", responses=problems(*AS_MEMBER))
async def set_preferences(
    body: PreferencesBody, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Replace your preferences as a whole: the languages you read (best first), your topics, how many
    shares a week you want suggested, and whether you appear on leaderboards."""
    preferences = Preferences.parse(
        languages=body.languages,
        topics=body.topics,
        max_shares_per_week=body.max_shares_per_week,
        leaderboard_visible=body.leaderboard_visible,
    )
    ambassador = await services.roster.set_preferences(principal, preferences)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)


@router.get("/social-accounts", summary="List your social accounts", responses=problems(*AS_MEMBER))
async def list_social_accounts(principal: PrincipalDep, services: ServicesDep) -> list[SocialAccountOut]:
    """The social accounts you connected, oldest first; you share on their networks."""
    return [social_account_out(a) for a in await services.roster.list_social_accounts(principal)]


@router.post(
    "/social-accounts",
    status_code=status.HTTP_201_CREATED,
    summary="Connect a social account",
    response_description="The account connected.",
    responses=problems(*AS_MEMBER, problem.DUPLICATE_VALUE),
)
async def connect_social_account(
    body: SocialAccountCreate, principal: PrincipalDep, services: ServicesDep
) -> SocialAccountOut:
    """Connect your account on a network, so that you can share there. The same handle cannot be
    connected twice on one network (`duplicate-value`)."""
    command = ConnectSocialAccountCommand(network=body.network, handle=body.handle, audience_size=body.audience_size)
    return social_account_out(await services.roster.connect_social_account(principal, command))


@router.patch(
    "/social-accounts/{account_id}",
    summary="Change a social account's audience",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def update_social_account(
    account_id: UUID, body: SocialAccountUpdate, principal: PrincipalDep, services: ServicesDep
) -> SocialAccountOut:
    """Say how many people follow you there now: kept in the account's audience history (even when it did
    not change), and taken as the potential reach of the shares you confirm from now on. Anyone else's
    account reads as not found. The audience is yours alone to set, as a whole: no If-Match."""
    command = UpdateSocialAccountCommand(account_id=account_id, audience_size=body.audience_size)
    return social_account_out(await services.roster.update_social_account(principal, command))


@router.get(
    "/social-accounts/{account_id}/audience",
    summary="Read a social account's audience history",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def list_audience_history(
    account_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
) -> ItemPage[AudienceObservationOut]:
    """The audiences you gave one of your accounts, newest first: when you connected it, then each change."""
    request = AudienceHistoryRequest(
        account_id=account_id, before=decode_before_cursor(cursor) if cursor else None, limit=limit
    )
    history = await services.roster.list_audience_history(principal, request)
    return ItemPage(
        items=[audience_observation_out(item) for item in history.items],
        next_cursor=encode_before_cursor(history.next_before),
    )


@router.delete(
    "/social-accounts/{account_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Disconnect a social account",
    response_description="The account is disconnected.",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def disconnect_social_account(account_id: UUID, principal: PrincipalDep, services: ServicesDep) -> None:
    """Disconnect one of your accounts, and its audience history with it; anyone else's account reads as
    not found. Shares you confirmed keep their potential reach."""
    await services.roster.disconnect_social_account(principal, account_id)
