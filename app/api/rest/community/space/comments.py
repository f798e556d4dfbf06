"""/v1/space/posts/{post_id}/comments: comments on the space's posts, and their moderation."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.space.mappers import comment_out, post_out
from app.api.rest.community.space.schemas import CommentCreate, CommentOut, ModerationBody, PostOut
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.ports.community_space import CommentView
from app.services.community.space.access import MODERATORS, PARTICIPANTS
from app.services.community.space.comments import CommentCommand, EditCommentCommand
from app.services.community.space.moderation import ModerationCommand

router = APIRouter(prefix="/v1/space/posts/{post_id}/comments", tags=["community space"], route_class=OperationRoute)


def _answer(view: CommentView, response: Response) -> CommentOut:
    body = comment_out(view)
    set_etag(response, view.comment.version, body)
    return body


@router.get(
    "",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Read a post's comments",
    responses=problems(problem.NOT_FOUND, *AS_MEMBER),
)
async def list_comments(
    post_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[CommentOut]:
    """The comments on a post you can read, oldest first; hidden ones show to moderators only, with the
    reason."""
    result = await services.space.list_comments(principal, post_id, page)
    return ItemPage(items=[comment_out(view) for view in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "",
    dependencies=[allowed(PARTICIPANTS)],
    status_code=status.HTTP_201_CREATED,
    summary="Comment on a post",
    response_description="The comment written.",
    responses=problems(problem.NOT_FOUND, problem.POST_NOT_COMPLIANT, *AS_MEMBER),
)
async def comment_on_post(
    post_id: UUID, body: CommentCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> CommentOut:
    """Comment on a post you can read (active ambassadors, and staff on the roster), screened as posts are:
    banned terms refuse it, sensitive ones flag it for moderators."""
    view = await services.space.comment_on_post(principal, CommentCommand(post_id=post_id, body=body.body))
    return _answer(view, response)


@router.put(
    "/{comment_id}",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Change your comment",
    responses=problems(problem.NOT_FOUND, problem.NOT_THE_AUTHOR, problem.POST_NOT_COMPLIANT, *AS_MEMBER),
)
async def edit_comment(
    post_id: UUID,
    comment_id: UUID,
    body: CommentCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CommentOut:
    """Its author replaces the text, screened again. Honours If-Match."""
    command = EditCommentCommand(
        post_id=post_id, comment_id=comment_id, body=body.body, expected_version=expected_version
    )
    return _answer(await services.space.edit_comment(principal, command), response)


@router.delete(
    "/{comment_id}",
    dependencies=[allowed(PARTICIPANTS)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete your comment",
    response_description="The comment is deleted; a question it answered has no accepted answer any more.",
    responses=problems(problem.NOT_FOUND, problem.NOT_THE_AUTHOR, *AS_MEMBER),
)
async def delete_comment(
    post_id: UUID,
    comment_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
) -> None:
    """Its author deletes it. Honours If-Match."""
    await services.space.delete_comment(principal, post_id, comment_id, expected_version)


@router.post(
    "/{comment_id}/accept",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Accept a comment as the answer",
    responses=problems(problem.NOT_FOUND, problem.NOT_THE_AUTHOR, problem.NOT_A_QUESTION, *AS_MEMBER),
)
async def accept_answer(
    post_id: UUID,
    comment_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> PostOut:
    """The question's author, or a moderator (admin, moderator), accepts this comment as its answer,
    replacing any other. Only questions have one. If-Match, when sent, is the question's version; the
    answer is the question."""
    view = await services.space.accept_answer(principal, post_id, comment_id, expected_version)
    body = post_out(view)
    set_etag(response, view.post.version, body)
    return body


async def _moderate(
    hidden: bool,
    post_id: UUID,
    comment_id: UUID,
    body: ModerationBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: int | None,
    response: Response,
) -> CommentOut:
    command = ModerationCommand(
        post_id=post_id, comment_id=comment_id, hidden=hidden, reason=body.reason, expected_version=expected_version
    )
    return _answer(await services.space.moderate_comment(principal, command), response)


@router.post(
    "/{comment_id}/hide",
    dependencies=[allowed(MODERATORS)],
    summary="Hide a comment",
    responses=problems(problem.NOT_FOUND, problem.ALREADY_MODERATED),
)
async def hide_comment(
    post_id: UUID,
    comment_id: UUID,
    body: ModerationBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CommentOut:
    """Moderators (admin, moderator) hide a comment, saying why; a hidden accepted answer is no longer the
    answer. Hiding it twice is refused. Honours If-Match."""
    return await _moderate(True, post_id, comment_id, body, principal, services, expected_version, response)


@router.post(
    "/{comment_id}/restore",
    dependencies=[allowed(MODERATORS)],
    summary="Restore a comment",
    responses=problems(problem.NOT_FOUND, problem.ALREADY_MODERATED),
)
async def restore_comment(
    post_id: UUID,
    comment_id: UUID,
    body: ModerationBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CommentOut:
    """Moderators show a hidden comment again, saying why. Honours If-Match."""
    return await _moderate(False, post_id, comment_id, body, principal, services, expected_version, response)
