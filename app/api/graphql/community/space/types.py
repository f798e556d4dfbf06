"""GraphQL types of the community space: its enums, posts, comments, flagged items, the inputs and
results of its mutations, and their mappers (pages are the generic connections)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from app.api.graphql.enums import domain_enum
from app.domain.community.space import Moderation, PostKind, Reaction
from app.ports.community_space import CommentView, FlaggedItem, PostView

domain_enum(
    PostKind,
    "What a post of the space is.",
    {
        PostKind.DISCUSSION: "A discussion.",
        PostKind.SUCCESS: "A success to share.",
        PostKind.QUESTION: "A question, which may have an accepted answer.",
        PostKind.KUDOS: "Kudos staff sent a member, posted by the space itself.",
    },
    name="SpacePostKind",
)
domain_enum(
    Reaction,
    "A reaction to a post; each person gives each at most once.",
    {Reaction.LIKE: "Like.", Reaction.CELEBRATE: "Celebrate.", Reaction.INSIGHTFUL: "Insightful."},
    name="SpaceReaction",
)


@strawberry.type(description="Why an item is hidden; moderators only.")
class SpaceModeration:
    hidden_at: datetime = strawberry.field(description="When it was hidden.")
    hidden_by: str = strawberry.field(description="The moderator who hid it (their token's subject).")
    reason: str = strawberry.field(description="Why.")


@strawberry.type(description="How many people reacted so, and whether you did.")
class SpaceReactionCount:
    reaction: Reaction = strawberry.field(description="The reaction.")
    count: int = strawberry.field(description="How many people gave it.")
    mine: bool = strawberry.field(description="Whether you gave it.")


@strawberry.type(description="A post of the community space, as you see it.")
class SpacePost:
    uuid: UUID = strawberry.field(description="The post's id (as in REST).")
    kind: PostKind = strawberry.field(description="What it is.")
    title: str | None = strawberry.field(description="Its title, if any.")
    body: str = strawberry.field(description="Its text.")
    author_uuid: UUID | None = strawberry.field(description="The employee who wrote it; null for kudos posts.")
    author_name: str | None = strawberry.field(description="Their name; null for kudos posts.")
    recognised_uuid: UUID | None = strawberry.field(description="For kudos: the membership recognised.")
    comment_count: int = strawberry.field(description="The comments you can read.")
    reactions: list[SpaceReactionCount] = strawberry.field(description="Each reaction given, with its count.")
    accepted_comment_uuid: UUID | None = strawberry.field(description="For a question: its accepted answer.")
    flagged_terms: list[str] = strawberry.field(description="Sensitive terms it holds.")
    moderation: SpaceModeration | None = strawberry.field(description="Why it is hidden (moderators); null: shown.")
    version: int = strawberry.field(description="Send it back as `expectedVersion` to change it safely.")
    created_at: datetime = strawberry.field(description="When it was published.")
    updated_at: datetime = strawberry.field(description="When it last changed.")


@strawberry.type(description="A comment on a post of the space.")
class SpaceComment:
    uuid: UUID = strawberry.field(description="The comment's id (as in REST).")
    post_uuid: UUID = strawberry.field(description="The post it is on.")
    author_uuid: UUID | None = strawberry.field(description="The employee who wrote it.")
    author_name: str | None = strawberry.field(description="Their name.")
    body: str = strawberry.field(description="Its text.")
    flagged_terms: list[str] = strawberry.field(description="Sensitive terms it holds.")
    moderation: SpaceModeration | None = strawberry.field(description="Why it is hidden (moderators); null: shown.")
    version: int = strawberry.field(description="Send it back as `expectedVersion` to change it safely.")
    created_at: datetime = strawberry.field(description="When it was written.")
    updated_at: datetime = strawberry.field(description="When it last changed.")


@strawberry.type(description="A post or comment holding sensitive terms, for moderators.")
class SpaceFlaggedItem:
    uuid: UUID = strawberry.field(description="The item's id: the comment's, or the post's.")
    post_uuid: UUID = strawberry.field(description="The post (itself, or the one commented on).")
    comment_uuid: UUID | None = strawberry.field(description="The comment; null for a post.")
    author_uuid: UUID | None = strawberry.field(description="Who wrote it.")
    body: str = strawberry.field(description="Its text.")
    terms: list[str] = strawberry.field(description="The sensitive terms found.")
    moderation: SpaceModeration | None = strawberry.field(description="Why it is hidden; null: shown.")
    created_at: datetime = strawberry.field(description="When it was written.")


@strawberry.input(description="A post to publish.")
class PublishSpacePostInput:
    kind: PostKind = strawberry.field(description="`DISCUSSION`, `SUCCESS` or `QUESTION`.")
    title: str | None = strawberry.field(default=None, description="An optional title.")
    body: str = strawberry.field(description="What you write; banned terms refuse it, sensitive ones flag it.")


@strawberry.type(description="The post published, changed or answered.")
class SpacePostPayload:
    post: SpacePost = strawberry.field(description="The post, as you see it now.")


@strawberry.type(description="The comment written, changed or moderated.")
class SpaceCommentPayload:
    comment: SpaceComment = strawberry.field(description="The comment, as it is now.")


@strawberry.type(description="What was deleted.")
class SpaceItemDeleted:
    uuid: UUID = strawberry.field(description="The id of the post or comment deleted.")


def _moderation(hidden: Moderation | None) -> SpaceModeration | None:
    if hidden is None:
        return None
    return SpaceModeration(hidden_at=hidden.hidden_at, hidden_by=hidden.hidden_by, reason=hidden.reason)


def post_node(view: PostView) -> SpacePost:
    post = view.post
    return SpacePost(
        uuid=post.id,
        kind=post.kind,
        title=post.title,
        body=post.body,
        author_uuid=post.author_id,
        author_name=view.author_name,
        recognised_uuid=post.recognised_id,
        comment_count=view.comments,
        reactions=[
            SpaceReactionCount(reaction=reaction, count=view.reactions[reaction], mine=reaction in view.mine)
            for reaction in Reaction
            if reaction in view.reactions
        ],
        accepted_comment_uuid=post.accepted_comment_id,
        flagged_terms=list(post.flagged_terms),
        moderation=_moderation(post.hidden),
        version=post.version,
        created_at=post.created_at,
        updated_at=post.updated_at,
    )


def comment_node(view: CommentView) -> SpaceComment:
    comment = view.comment
    return SpaceComment(
        uuid=comment.id,
        post_uuid=comment.post_id,
        author_uuid=comment.author_id,
        author_name=view.author_name,
        body=comment.body,
        flagged_terms=list(comment.flagged_terms),
        moderation=_moderation(comment.hidden),
        version=comment.version,
        created_at=comment.created_at,
        updated_at=comment.updated_at,
    )


def flagged_node(item: FlaggedItem) -> SpaceFlaggedItem:
    return SpaceFlaggedItem(
        uuid=item.id,
        post_uuid=item.post_id,
        comment_uuid=item.comment_id,
        author_uuid=item.author_id,
        body=item.body,
        terms=list(item.terms),
        moderation=_moderation(item.hidden),
        created_at=item.created_at,
    )
