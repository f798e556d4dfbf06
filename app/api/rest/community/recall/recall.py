"""/v1/contents/{id}/recall and the take-downs: /v1/me/takedowns for ambassadors, /v1/contents/{id}/takedowns
for staff."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.recall.mappers import content_take_downs_out, take_down_out
from app.api.rest.community.recall.schemas import ContentTakeDownsOut, RecallBody, TakeDownOut
from app.api.rest.content.content_mappers import content_out
from app.api.rest.content.content_schemas import ContentOut
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.recall import TakeDownStatus
from app.ports.community_recall import TakeDownFilter
from app.services.community.recall.recall_content import RECALLERS, RecallContentCommand
from app.services.community.recall.takedowns import AMBASSADORS, TAKEDOWN_FOLLOWERS, ConfirmTakeDownCommand

router = APIRouter(tags=["recall"], route_class=OperationRoute)


@router.post(
    "/v1/contents/{content_id}/recall",
    dependencies=[allowed(RECALLERS)],
    summary="Recall a content",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION, problem.CONTENT_ALREADY_RECALLED),
)
async def recall_content(
    content_id: UUID,
    body: RecallBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ContentOut:
    """Withdraw a content that was shared, with a reason (admin, manager): approved, published, expired or
    archived content becomes `recalled` for good. It leaves the feed and cannot be shared; its tracked links
    answer 410 Gone, or lead to the programme's `recall_notice_url` when set. Every ambassador who posted it
    is then told, with a take-down to confirm. Recalling it again is a 409 `content-already-recalled`.
    Honours If-Match."""
    command = RecallContentCommand(content_id=content_id, reason=body.reason, expected_version=expected_version)
    content = await services.recall.recall_content(principal, command)
    out = content_out(content, services.content.current_time())
    set_etag(response, content.version, out)
    return out


@router.get(
    "/v1/contents/{content_id}/takedowns",
    dependencies=[allowed(TAKEDOWN_FOLLOWERS)],
    summary="Follow a content's take-downs",
    responses=problems(problem.NOT_FOUND),
)
async def list_content_takedowns(
    content_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: TakeDownStatus | None = None,
) -> ContentTakeDownsOut:
    """A recalled content's take-downs, in the order they were asked for, with how many are pending and
    confirmed (admin, manager, moderator)."""
    listed = await services.recall.list_content_takedowns(principal, content_id, TakeDownFilter(status=status), page)
    return content_take_downs_out(listed)


@router.get("/v1/me/takedowns", dependencies=[allowed(AMBASSADORS)], summary="List my take-downs")
async def list_my_takedowns(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: TakeDownStatus | None = None,
) -> ItemPage[TakeDownOut]:
    """Your posts of recalled contents to remove (ambassadors), in the order they were asked for; `status=pending`
    is what is left to do."""
    result = await services.recall.list_my_takedowns(principal, TakeDownFilter(status=status), page)
    return ItemPage(items=[take_down_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "/v1/me/takedowns/{takedown_id}/confirm",
    dependencies=[allowed(AMBASSADORS)],
    summary="Confirm a take-down",
    responses=problems(problem.NOT_FOUND),
)
async def confirm_takedown(takedown_id: UUID, principal: PrincipalDep, services: ServicesDep) -> TakeDownOut:
    """Say you removed your post (ambassadors, your own take-downs). Confirming one already confirmed answers
    it as it is."""
    command = ConfirmTakeDownCommand(take_down_id=takedown_id)
    return take_down_out(await services.recall.confirm_takedown(principal, command))
