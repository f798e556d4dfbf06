"""/v1/contents: what ambassadors may share, written by staff or proposed by ambassadors."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_page_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.content.content_mappers import content_changes, content_out, content_values, transition_out
from app.api.rest.content.content_schemas import ContentCreate, ContentOut, ContentTransitionOut, ContentUpdate
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
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.roster.schemas import LanguageTag
from app.api.rest.texts import SearchText
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.review_status import PublicStatus
from app.domain.roster.identity import Role
from app.ports.content import CONTENT_SORT_KEYS, ContentFilter, ContentSort
from app.ports.pagination import DEFAULT_LIMIT, PageRequest
from app.services.content.content_access import CONTENT_EDITORS
from app.services.content.create_content import CreateContentCommand
from app.services.content.update_content import UpdateContentCommand

router = APIRouter(prefix="/v1/contents", tags=["contents"], route_class=OperationRoute)


async def content_page(
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    sort: Annotated[ContentSort, Query(description=SORT_HELP)] = ContentSort.ID,
) -> PageRequest:
    return sorted_page(sort, CONTENT_SORT_KEYS, cursor, limit)


@router.post(
    "",
    dependencies=[allowed(CONTENT_EDITORS | {Role.AMBASSADOR})],
    status_code=status.HTTP_201_CREATED,
    summary="Write or propose a content",
    response_description="The content created (a draft, or a submitted proposal); `Location` is its address.",
    responses=problems(*AS_MEMBER),
)
async def create_content(
    body: ContentCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ContentOut:
    """Write a draft (admin, manager), or propose content as an ambassador who has joined: a
    proposal starts as `submitted`, in the reviewers' queue. Captions must fit each network; the link
    must be https, on one of the programme's allowed link domains."""
    command = CreateContentCommand(values=content_values(body) | {"format": body.format}, language=body.language)
    content = await services.content.create_content(principal, command)
    response.headers["Location"] = f"/v1/contents/{content.id}"
    answer = content_out(content, services.content.current_time())
    set_etag(response, content.version, answer)
    return answer


@router.get("", summary="List contents")
async def list_contents(
    principal: PrincipalDep,
    services: ServicesDep,
    page: Annotated[PageRequest, Depends(content_page)],
    status: Annotated[PublicStatus | None, Query(description="The status as read now.")] = None,
    format: ContentFormat | None = None,  # noqa: A002 - the field's name
    topic: Annotated[SearchText | None, Query(max_length=64)] = None,
    campaign_id: UUID | None = None,
    language: Annotated[LanguageTag | None, Query(description="Has a locale in this language.")] = None,
    objective: Objective | None = None,
) -> ItemPage[ContentOut]:
    """Staff and analysts page through every content; an ambassador through their own proposals.
    `status` is the status as read now (`published` is approved and live). In the order written
    unless `sort` says otherwise: by the publication asked for, either way round."""
    criteria = ContentFilter(
        status=status, format=format, topic=topic, campaign_id=campaign_id, language=language, objective=objective
    )
    result = await services.content.list_contents(principal, criteria, page)
    now = services.content.current_time()
    return ItemPage(
        items=[content_out(c, now) for c in result.items], next_cursor=encode_page_cursor(result, page.sort)
    )


@router.get("/{content_id}", summary="Read a content", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_content(
    content_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> ContentOut:
    """A content with every language's version (staff and analysts; an ambassador their own
    proposals, anyone else's reading as not found). Its `ETag` is the version for `If-Match`; it also
    changes with the status as read now (published, expired)."""
    content = await services.content.get_content(principal, content_id)
    return conditional(content_out(content, services.content.current_time()), content.version, shows_more=True)


@router.patch(
    "/{content_id}",
    dependencies=[allowed(CONTENT_EDITORS)],
    summary="Change a content",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def update_content(
    content_id: UUID,
    body: ContentUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ContentOut:
    """Change the fields sent (admin, manager). Honours If-Match. Editing a rejected content takes
    it back to draft; changing the text, captions, link, media, audience or publication of
    approved content sends it back to review."""
    command = UpdateContentCommand(
        content_id=content_id, changes=content_changes(body), expected_version=expected_version
    )
    content = await services.content.update_content(principal, command)
    answer = content_out(content, services.content.current_time())
    set_etag(response, content.version, answer)
    return answer


@router.get(
    "/{content_id}/history",
    summary="Read a content's review history",
    responses=problems(problem.NOT_FOUND),
)
async def get_content_history(
    content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> list[ContentTransitionOut]:
    """Every transition, oldest first: who, when, from, to, and why."""
    return [transition_out(line) for line in await services.content.get_content_history(principal, content_id)]
