"""GraphQL entry points of the community space: the feed, a post and its comments, flagged items, and
the mutations that write, react, answer and moderate. The same use cases as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.community.space.errors import AlreadyModeratedError, NotAQuestionError, NotTheAuthorError
from app.api.graphql.community.space.types import (
    PublishSpacePostInput,
    SpaceComment,
    SpaceCommentPayload,
    SpaceFlaggedItem,
    SpaceItemDeleted,
    SpacePost,
    SpacePostPayload,
    comment_node,
    flagged_node,
    post_node,
)
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    ForbiddenError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.domain.community.space import PostKind, Reaction
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT
from app.services.community.space.comments import CommentCommand, EditCommentCommand
from app.services.community.space.moderation import ModerationCommand
from app.services.community.space.posts import EditPostCommand, PublishPostCommand
from app.services.community.space.reactions import ReactionCommand

Info = strawberry.Info[GraphQLContext, None]
PostUuid = Annotated[UUID, strawberry.argument(description="The post's id.")]
CommentUuid = Annotated[UUID, strawberry.argument(description="The comment's id.")]
Reason = Annotated[str, strawberry.argument(description="Why, for the other moderators (1-500 characters).")]
Body = Annotated[str, strawberry.argument(description="The text; screened against the programme's terms.")]
_AS_WRITER = NotLinkedError | NotAnAmbassadorError | ForbiddenError

PublishSpacePostResult = Annotated[
    SpacePostPayload | ValidationError | _AS_WRITER,
    strawberry.union("PublishSpacePostResult", description="The post published, or why not."),
]
ChangeSpacePostResult = Annotated[
    SpacePostPayload | ValidationError | NotFoundError | NotTheAuthorError | PreconditionFailedError | _AS_WRITER,
    strawberry.union("ChangeSpacePostResult", description="The post changed, or why not."),
]
DeleteSpaceItemResult = Annotated[
    SpaceItemDeleted | NotFoundError | NotTheAuthorError | PreconditionFailedError | _AS_WRITER,
    strawberry.union("DeleteSpaceItemResult", description="What was deleted, or why not."),
]
SpaceCommentResult = Annotated[
    SpaceCommentPayload | ValidationError | NotFoundError | NotTheAuthorError | PreconditionFailedError | _AS_WRITER,
    strawberry.union("SpaceCommentResult", description="The comment written or changed, or why not."),
]
ReactToSpacePostResult = Annotated[
    SpacePostPayload | NotFoundError | _AS_WRITER,
    strawberry.union("ReactToSpacePostResult", description="The post with its reactions, or why not."),
]
AcceptSpaceAnswerResult = Annotated[
    SpacePostPayload | NotFoundError | NotTheAuthorError | NotAQuestionError | PreconditionFailedError | _AS_WRITER,
    strawberry.union("AcceptSpaceAnswerResult", description="The question with its answer, or why not."),
]
ModerateSpacePostResult = Annotated[
    SpacePostPayload
    | ValidationError
    | NotFoundError
    | AlreadyModeratedError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("ModerateSpacePostResult", description="The post hidden or restored, or why not."),
]
ModerateSpaceCommentResult = Annotated[
    SpaceCommentPayload
    | ValidationError
    | NotFoundError
    | AlreadyModeratedError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("ModerateSpaceCommentResult", description="The comment hidden or restored, or why not."),
]


@strawberry.type
class SpaceQuery:
    @described.field(
        "The community space's posts, newest first: of one `kind`, or (`unanswered`) the questions without an "
        "accepted answer. Hidden posts show to moderators only."
    )
    async def space_posts(
        self,
        info: Info,
        kind: Annotated[PostKind | None, strawberry.argument(description="Only posts of this kind.")] = None,
        unanswered: Annotated[bool, strawberry.argument(description="Only questions without an answer.")] = False,
        first: First = DEFAULT_LIMIT,
        after: After = None,
    ) -> Connection[SpacePost]:
        context = info.context
        request = page_request(first, after)
        page = await context.services.space.list_posts(context.principal, request, kind=kind, unanswered=unanswered)
        return connection(page, post_node, request)

    @described.field("One post of the space, or null; a hidden one only for moderators.")
    async def space_post(self, info: Info, uuid: PostUuid) -> SpacePost | None:
        context = info.context
        try:
            return post_node(await context.services.space.get_post(context.principal, uuid))
        except NotFound:
            return None

    @described.field(
        "A post's comments, oldest first; hidden ones show to moderators only. Null when there is no such post for you."
    )
    async def space_comments(
        self, info: Info, post_uuid: PostUuid, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[SpaceComment] | None:
        context = info.context
        request = page_request(first, after)
        try:
            page = await context.services.space.list_comments(context.principal, post_uuid, request)
        except NotFound:
            return None
        return connection(page, comment_node, request)

    @described.field("For moderators: posts and comments holding sensitive terms, newest first.")
    async def space_flagged(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[SpaceFlaggedItem]:
        context = info.context
        request = page_request(first, after)
        return connection(await context.services.space.list_flagged(context.principal, request), flagged_node, request)


@strawberry.type
class SpaceMutation:
    @described.mutation("Publish a discussion, a success or a question in the space (active members and staff).")
    async def publish_space_post(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            PublishSpacePostInput, strawberry.argument(description="The post.")
        ],
    ) -> PublishSpacePostResult:
        context = info.context
        command = PublishPostCommand(kind=input.kind, title=input.title, body=input.body)
        return SpacePostPayload(post=post_node(await context.services.space.publish_post(context.principal, command)))

    @described.mutation("Replace the title and body of your post.")
    async def edit_space_post(
        self,
        info: Info,
        uuid: PostUuid,
        body: Body,
        title: Annotated[str | None, strawberry.argument(description="The title; null: none.")] = None,
        expected_version: ExpectedVersion = None,
    ) -> ChangeSpacePostResult:
        context = info.context
        command = EditPostCommand(post_id=uuid, title=title, body=body, expected_version=expected_version)
        return SpacePostPayload(post=post_node(await context.services.space.edit_post(context.principal, command)))

    @described.mutation("Delete your post, with its comments and reactions.")
    async def delete_space_post(
        self, info: Info, uuid: PostUuid, expected_version: ExpectedVersion = None
    ) -> DeleteSpaceItemResult:
        context = info.context
        await context.services.space.delete_post(context.principal, uuid, expected_version)
        return SpaceItemDeleted(uuid=uuid)

    @described.mutation("Comment on a post you can read.")
    async def comment_on_space_post(self, info: Info, post_uuid: PostUuid, body: Body) -> SpaceCommentResult:
        context = info.context
        command = CommentCommand(post_id=post_uuid, body=body)
        view = await context.services.space.comment_on_post(context.principal, command)
        return SpaceCommentPayload(comment=comment_node(view))

    @described.mutation("Replace the text of your comment.")
    async def edit_space_comment(
        self,
        info: Info,
        post_uuid: PostUuid,
        uuid: CommentUuid,
        body: Body,
        expected_version: ExpectedVersion = None,
    ) -> SpaceCommentResult:
        context = info.context
        command = EditCommentCommand(post_id=post_uuid, comment_id=uuid, body=body, expected_version=expected_version)
        view = await context.services.space.edit_comment(context.principal, command)
        return SpaceCommentPayload(comment=comment_node(view))

    @described.mutation("Delete your comment; a question it answered has no accepted answer any more.")
    async def delete_space_comment(
        self, info: Info, post_uuid: PostUuid, uuid: CommentUuid, expected_version: ExpectedVersion = None
    ) -> DeleteSpaceItemResult:
        context = info.context
        await context.services.space.delete_comment(context.principal, post_uuid, uuid, expected_version)
        return SpaceItemDeleted(uuid=uuid)

    @described.mutation(
        "Give (`present: true`) or take back your reaction to a post; doing either twice changes nothing."
    )
    async def react_to_space_post(
        self,
        info: Info,
        post_uuid: PostUuid,
        reaction: Annotated[Reaction, strawberry.argument(description="The reaction.")],
        present: Annotated[bool, strawberry.argument(description="True gives it, false takes it back.")] = True,
    ) -> ReactToSpacePostResult:
        context = info.context
        command = ReactionCommand(post_id=post_uuid, reaction=reaction, present=present)
        return SpacePostPayload(post=post_node(await context.services.space.set_reaction(context.principal, command)))

    @described.mutation("Accept one of a question's comments as its answer (its author, or a moderator).")
    async def accept_space_answer(
        self,
        info: Info,
        post_uuid: PostUuid,
        comment_uuid: CommentUuid,
        expected_version: ExpectedVersion = None,
    ) -> AcceptSpaceAnswerResult:
        context = info.context
        view = await context.services.space.accept_answer(context.principal, post_uuid, comment_uuid, expected_version)
        return SpacePostPayload(post=post_node(view))

    @described.mutation("Hide (`hidden: true`) or restore a post, saying why (admin, moderator).")
    async def moderate_space_post(
        self,
        info: Info,
        uuid: PostUuid,
        hidden: Annotated[bool, strawberry.argument(description="True hides it, false restores it.")],
        reason: Reason,
        expected_version: ExpectedVersion = None,
    ) -> ModerateSpacePostResult:
        context = info.context
        command = ModerationCommand(post_id=uuid, hidden=hidden, reason=reason, expected_version=expected_version)
        return SpacePostPayload(post=post_node(await context.services.space.moderate_post(context.principal, command)))

    @described.mutation("Hide (`hidden: true`) or restore a comment, saying why (admin, moderator).")
    async def moderate_space_comment(
        self,
        info: Info,
        post_uuid: PostUuid,
        uuid: CommentUuid,
        hidden: Annotated[bool, strawberry.argument(description="True hides it, false restores it.")],
        reason: Reason,
        expected_version: ExpectedVersion = None,
    ) -> ModerateSpaceCommentResult:
        context = info.context
        command = ModerationCommand(
            post_id=post_uuid, comment_id=uuid, hidden=hidden, reason=reason, expected_version=expected_version
        )
        view = await context.services.space.moderate_comment(context.principal, command)
        return SpaceCommentPayload(comment=comment_node(view))
