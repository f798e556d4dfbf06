"""/v1/contents: what ambassadors may share, written by staff or proposed by ambassadors."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.content.content_schemas import ContentCreate, ContentOut, ContentTransitionOut, ContentUpdate
from app.api.rest.content.mappers import content_changes, content_out, content_values, transition_out
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.roster.schemas import LanguageTag
from app.api.rest.texts import SearchText
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.review_status import PublicStatus
from app.ports.content import ContentFilter
from app.services.content.create_content import CreateContentCommand
from app.services.content.update_content import UpdateContentCommand

router = APIRouter(prefix="/v1/contents", tags=["contents"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(413, 415))
async def create_content(
    body: ContentCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ContentOut:
    """Write a draft (admin, manager), or propose content as an ambassador who has joined: a
    proposal starts as `submitted`, in the reviewers' queue."""
    command = CreateContentCommand(values=content_values(body) | {"format": body.format}, language=body.language)
    content = await services.create_content(principal, command)
    response.headers["Location"] = f"/v1/contents/{content.id}"
    set_etag(response, content.version)
    return content_out(content, services.current_time())


@router.get("", responses=problems())
async def list_contents(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: Annotated[PublicStatus | None, Query(description="The status as read now.")] = None,
    format: ContentFormat | None = None,  # noqa: A002 - the field's name
    topic: Annotated[SearchText | None, Query(max_length=64)] = None,
    campaign_id: UUID | None = None,
    language: Annotated[LanguageTag | None, Query(description="Has a locale in this language.")] = None,
    objective: Objective | None = None,
) -> ItemPage[ContentOut]:
    """Staff and analysts page through every content; an ambassador through their own proposals."""
    criteria = ContentFilter(
        status=status, format=format, topic=topic, campaign_id=campaign_id, language=language, objective=objective
    )
    result = await services.list_contents(principal, criteria, page)
    now = services.current_time()
    return ItemPage(items=[content_out(c, now) for c in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{content_id}", responses=problems(404))
async def get_content(
    content_id: UUID, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ContentOut:
    content = await services.get_content(principal, content_id)
    set_etag(response, content.version)
    return content_out(content, services.current_time())


@router.patch("/{content_id}", responses=problems(404, 409, 412, 413, 415))
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
    content = await services.update_content(principal, command)
    set_etag(response, content.version)
    return content_out(content, services.current_time())


@router.get("/{content_id}/history", responses=problems(404))
async def content_history(
    content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> list[ContentTransitionOut]:
    """Every transition, oldest first: who, when, from, to, and why."""
    return [transition_out(line) for line in await services.get_content_history(principal, content_id)]
