"""/v1/shares: ambassadors share content through tracked links; staff follow what each share earns."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status

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
from app.api.rest.instants import Instant
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.sharing.mappers import engagement_out, share_out
from app.api.rest.sharing.schemas import EngagementCreate, EngagementRecordedOut, ShareConfirm, ShareCreate, ShareOut
from app.domain.networks import Network
from app.domain.sharing.shares import ShareStatus
from app.ports.pagination import DEFAULT_LIMIT, PageRequest
from app.ports.sharing import SHARE_SORT_KEYS, ShareFilter, ShareSort
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.record_engagement import ENGAGEMENT_REPORTERS, RecordEngagementCommand
from app.services.sharing.share_access import SHARERS, ShareView
from app.services.sharing.share_transitions import CancelShareCommand, ConfirmShareCommand

router = APIRouter(tags=["shares"], route_class=OperationRoute)
OPEN_INTENT: dict[int | str, dict[str, Any]] = {
    200: {"model": ShareOut, "description": "An intent for this content and network was open: that one, unchanged."}
}
MAX_USER_AGENT = 512


def _answer(view: ShareView, response: Response) -> ShareOut:
    body = share_out(view)
    set_etag(response, view.share.version, body)
    return body


async def share_page(
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    sort: Annotated[ShareSort, Query(description=SORT_HELP)] = ShareSort.ID,
) -> PageRequest:
    return sorted_page(sort, SHARE_SORT_KEYS, cursor, limit)


SharePage = Annotated[PageRequest, Depends(share_page)]
Period = Annotated[Instant | None, Query(description="Created at or after this instant.")]
PeriodEnd = Annotated[Instant | None, Query(description="Created before this instant.")]


@router.post(
    "/v1/shares",
    dependencies=[allowed(SHARERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Share a content",
    response_description="The share started: its tracked link, the network's share address and the text to post.",
    responses=OPEN_INTENT
    | problems(
        *AS_MEMBER,
        problem.NOT_FOUND,
        problem.CHARTER_ACCEPTANCE_REQUIRED,
        problem.NETWORK_NOT_ENABLED,
        problem.NETWORK_NOT_CONNECTED,
        problem.CONTENT_NOT_PUBLISHED,
        problem.CONTENT_NOT_SHAREABLE,
        problem.CONTENT_NOT_TARGETED,
        problem.CONTENT_WITHOUT_LINK,
        problem.SHARE_LIMIT_REACHED,
        problem.CAPTION_NOT_COMPLIANT,
        problem.TRAINING_REQUIRED,
    ),
)
async def create_share(
    body: ShareCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    request: Request,
    response: Response,
    user_agent: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> ShareOut:
    """Start sharing a published content on a network you connected (ambassadors who accepted the
    charter in force). The answer holds the tracked link to post, the network's share address and
    the text to paste. Refusals name what to fix: `not-an-ambassador`, `charter-acceptance-required`,
    `network-not-enabled`, `network-not-connected`, `content-not-published`, `content-not-shareable`,
    `content-not-targeted`, `content-without-link`, `share-limit-reached`, `caption-not-compliant`
    (listing each violation). While an intent for the same content and network is open, asking
    again answers it (200) instead of starting another."""
    command = CreateShareCommand(
        content_id=body.content_id,
        network=body.network,
        caption=body.caption,
        # The peer as the server sees it: a trusted proxy's X-Forwarded-For is already applied.
        client_ip=request.client.host if request.client else None,
        user_agent=(user_agent or "")[:MAX_USER_AGENT],
    )
    outcome = await services.sharing.create_share(principal, command)
    if not outcome.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/v1/shares/{outcome.view.share.id}"
    return _answer(outcome.view, response)


@router.get("/v1/shares", summary="List the organisation's shares")
async def list_shares(
    principal: PrincipalDep,
    services: ServicesDep,
    page: SharePage,
    content_id: UUID | None = None,
    campaign_id: UUID | None = None,
    ambassador_id: UUID | None = None,
    network: Network | None = None,
    status: ShareStatus | None = None,
    created_from: Period = None,
    created_to: PeriodEnd = None,
) -> ItemPage[ShareOut]:
    """Every share of the organisation with its figures (admins, managers, moderators, analysts,
    integrators): oldest first unless `sort` orders them by creation or posting, either way round."""
    criteria = ShareFilter(
        content_id=content_id,
        campaign_id=campaign_id,
        ambassador_id=ambassador_id,
        network=network,
        status=status,
        created_from=created_from,
        created_to=created_to,
    )
    found = await services.sharing.list_shares(principal, criteria, page)
    return ItemPage(items=[share_out(view) for view in found.items], next_cursor=encode_page_cursor(found, page.sort))


@router.get("/v1/me/shares", tags=["me"], summary="List your shares", responses=problems(*AS_MEMBER))
async def list_my_shares(
    principal: PrincipalDep,
    services: ServicesDep,
    page: SharePage,
    content_id: UUID | None = None,
    network: Network | None = None,
    status: ShareStatus | None = None,
    created_from: Period = None,
    created_to: PeriodEnd = None,
) -> ItemPage[ShareOut]:
    """Your own shares with their figures, oldest first unless `sort` says otherwise."""
    criteria = ShareFilter(
        content_id=content_id, network=network, status=status, created_from=created_from, created_to=created_to
    )
    found = await services.sharing.list_my_shares(principal, criteria, page)
    return ItemPage(items=[share_out(view) for view in found.items], next_cursor=encode_page_cursor(found, page.sort))


@router.get(
    "/v1/shares/{share_id}",
    summary="Read a share",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_share(
    share_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> ShareOut:
    """A share with its counted and unique clicks, credited conversions by type and latest
    engagement. Ambassadors read their own shares only. Its ETag changes with its version and
    with its figures."""
    view = await services.sharing.get_share(principal, share_id)
    return conditional(share_out(view), view.share.version, shows_more=True)


@router.post(
    "/v1/shares/{share_id}/confirm",
    dependencies=[allowed(SHARERS)],
    summary="Confirm a share was posted",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND, problem.INVALID_TRANSITION, problem.CONTENT_RECALLED),
)
async def confirm_share(
    share_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
    body: ShareConfirm | None = None,
) -> ShareOut:
    """You posted it: the share becomes `posted`. Sending it again changes nothing (or adds the
    post's address if the first confirmation had none). Honours If-Match."""
    command = ConfirmShareCommand(
        share_id=share_id, post_url=body.post_url if body else None, expected_version=expected_version
    )
    return _answer(await services.sharing.confirm_share(principal, command), response)


@router.post(
    "/v1/shares/{share_id}/cancel",
    dependencies=[allowed(SHARERS)],
    summary="Cancel a share intent",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def cancel_share(
    share_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ShareOut:
    """Give up an intent: its tracked link then leads nowhere. A posted share cannot be cancelled.
    Honours If-Match."""
    command = CancelShareCommand(share_id=share_id, expected_version=expected_version)
    return _answer(await services.sharing.cancel_share(principal, command), response)


@router.post(
    "/v1/shares/{share_id}/engagement",
    dependencies=[allowed(SHARERS | ENGAGEMENT_REPORTERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Report a share's engagement",
    response_description="The snapshot recorded, and the share's engagement now.",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND, problem.SHARE_NOT_POSTED),
)
async def record_engagement(
    share_id: UUID, body: EngagementCreate, principal: PrincipalDep, services: ServicesDep
) -> EngagementRecordedOut:
    """Counts observed on the network for a posted share (integrators, or the share's ambassador,
    whose snapshots are marked `self_reported`). Reactions, comments and reshares are each at most
    the impressions, and an ambassador reports impressions in proportion to their audience on the
    network. Every snapshot is kept; the share's current engagement is the integration's snapshot
    observed last, else the ambassador's."""
    counts = {name: getattr(body, name) for name in ("impressions", "reactions", "comments", "reshares")}
    command = RecordEngagementCommand(share_id=share_id, observed_at=body.observed_at, counts=counts)
    recorded = await services.sharing.record_engagement(principal, command)
    return EngagementRecordedOut(snapshot=engagement_out(recorded.snapshot), latest=engagement_out(recorded.latest))
