"""/v1/space/posts: the community space's feed and its posts, with their reactions and answers."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.space.mappers import post_out
from app.api.rest.community.space.schemas import ModerationBody, PostCreate, PostOut, PostUpdate
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.space import PostKind, Reaction
from app.ports.community_space import PostView
from app.services.community.space.access import MODERATORS, PARTICIPANTS
from app.services.community.space.moderation import ModerationCommand
from app.services.community.space.posts import EditPostCommand, PublishPostCommand
from app.services.community.space.reactions import ReactionCommand

router = APIRouter(prefix="/v1/space/posts", tags=["community space"], route_class=OperationRoute)
ReactionPath = Annotated[Reaction, Path(description="The reaction: `like`, `celebrate` or `insightful`.")]


def _answer(view: PostView, response: Response) -> PostOut:
    body = post_out(view)
    set_etag(response, view.post.version, body)
    return body


@router.get(
    "",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Read the space's feed",
    responses=problems(*AS_MEMBER),
)
async def list_posts(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    kind: PostKind | None = None,
    unanswered: bool = False,
) -> ItemPage[PostOut]:
    """The posts of the space, newest first, with their counts of comments and reactions and your own
    reactions; of one `kind`, or (`unanswered`) the questions without an accepted answer. Staff read it,
    and ambassadors who joined; hidden posts show to moderators (admin, moderator) only, with the reason."""
    result = await services.space.list_posts(principal, page, kind=kind, unanswered=unanswered)
    return ItemPage(items=[post_out(view) for view in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "",
    dependencies=[allowed(PARTICIPANTS)],
    status_code=status.HTTP_201_CREATED,
    summary="Publish a post",
    response_description="The post published; `Location` is its address.",
    responses=problems(problem.POST_NOT_COMPLIANT, *AS_MEMBER),
)
async def publish_post(body: PostCreate, principal: PrincipalDep, services: ServicesDep, response: Response) -> PostOut:
    """Post a discussion, a success or a question (active ambassadors, and staff on the roster). The title
    and body pass the programme's caption compliance: a banned term refuses the post, a sensitive one lets it
    through flagged for moderators. Followers of the space are told at once."""
    command = PublishPostCommand(kind=body.kind, title=body.title, body=body.body)
    view = await services.space.publish_post(principal, command)
    response.headers["Location"] = f"/v1/space/posts/{view.post.id}"
    return _answer(view, response)


@router.get(
    "/{post_id}",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Read a post",
    responses=problems(problem.NOT_FOUND, *AS_MEMBER) | NOT_MODIFIED,
)
async def get_post(
    post_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> PostOut:
    """One post with its counts; a hidden one reads as not found but to moderators. Its `ETag` changes with
    the post and with its counts; its version is the one `If-Match` takes."""
    view = await services.space.get_post(principal, post_id)
    return conditional(post_out(view), view.post.version, shows_more=True)


@router.put(
    "/{post_id}",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Change your post",
    responses=problems(problem.NOT_FOUND, problem.NOT_THE_AUTHOR, problem.POST_NOT_COMPLIANT, *AS_MEMBER),
)
async def edit_post(
    post_id: UUID,
    body: PostUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> PostOut:
    """Its author replaces the title and body, screened again. Honours If-Match."""
    command = EditPostCommand(post_id=post_id, title=body.title, body=body.body, expected_version=expected_version)
    return _answer(await services.space.edit_post(principal, command), response)


@router.delete(
    "/{post_id}",
    dependencies=[allowed(PARTICIPANTS)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete your post",
    response_description="The post is deleted, with its comments and reactions.",
    responses=problems(problem.NOT_FOUND, problem.NOT_THE_AUTHOR, *AS_MEMBER),
)
async def delete_post(
    post_id: UUID, principal: PrincipalDep, services: ServicesDep, expected_version: ExpectedVersionDep
) -> None:
    """Its author deletes it, its comments and reactions with it. Honours If-Match."""
    await services.space.delete_post(principal, post_id, expected_version)


@router.put(
    "/{post_id}/reactions/{reaction}",
    dependencies=[allowed(PARTICIPANTS)],
    summary="React to a post",
    responses=problems(problem.NOT_FOUND, *AS_MEMBER),
)
async def add_reaction(
    post_id: UUID, reaction: ReactionPath, principal: PrincipalDep, services: ServicesDep, response: Response
) -> PostOut:
    """Give your `like`, `celebrate` or `insightful` to a post; giving it again changes nothing. Answers the
    post with its counts."""
    command = ReactionCommand(post_id=post_id, reaction=reaction, present=True)
    return _answer(await services.space.set_reaction(principal, command), response)


@router.delete(
    "/{post_id}/reactions/{reaction}",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Take back a reaction",
    responses=problems(problem.NOT_FOUND, *AS_MEMBER),
)
async def remove_reaction(
    post_id: UUID, reaction: ReactionPath, principal: PrincipalDep, services: ServicesDep, response: Response
) -> PostOut:
    """Take back your reaction; taking back one you did not give changes nothing. Answers the post."""
    command = ReactionCommand(post_id=post_id, reaction=reaction, present=False)
    return _answer(await services.space.set_reaction(principal, command), response)


@router.post(
    "/{post_id}/hide",
    dependencies=[allowed(MODERATORS)],
    summary="Hide a post",
    responses=problems(problem.NOT_FOUND, problem.ALREADY_MODERATED),
)
async def hide_post(
    post_id: UUID,
    body: ModerationBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> PostOut:
    """Moderators (admin, moderator) hide a post, saying why: it leaves everyone else's feed. Hiding it twice
    is refused. Honours If-Match."""
    command = ModerationCommand(post_id=post_id, hidden=True, reason=body.reason, expected_version=expected_version)
    return _answer(await services.space.moderate_post(principal, command), response)


@router.post(
    "/{post_id}/restore",
    dependencies=[allowed(MODERATORS)],
    summary="Restore a post",
    responses=problems(problem.NOT_FOUND, problem.ALREADY_MODERATED),
)
async def restore_post(
    post_id: UUID,
    body: ModerationBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> PostOut:
    """Moderators show a hidden post again, saying why. Honours If-Match."""
    command = ModerationCommand(post_id=post_id, hidden=False, reason=body.reason, expected_version=expected_version)
    return _answer(await services.space.moderate_post(principal, command), response)
