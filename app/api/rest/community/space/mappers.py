"""The space's read models to REST bodies."""

from __future__ import annotations

from app.api.rest.community.space.schemas import CommentOut, FlaggedOut, ModerationOut, PostOut, ReactionCount
from app.domain.community.space import Moderation, Reaction
from app.ports.community_space import CommentView, FlaggedItem, PostView


def moderation_out(hidden: Moderation | None) -> ModerationOut | None:
    if hidden is None:
        return None
    return ModerationOut(hidden_at=hidden.hidden_at, hidden_by=hidden.hidden_by, reason=hidden.reason)


def post_out(view: PostView) -> PostOut:
    post = view.post
    return PostOut(
        id=post.id,
        kind=post.kind,
        title=post.title,
        body=post.body,
        author_id=post.author_id,
        author_name=view.author_name,
        recognised_id=post.recognised_id,
        comment_count=view.comments,
        reactions=[
            ReactionCount(reaction=reaction, count=view.reactions[reaction], mine=reaction in view.mine)
            for reaction in Reaction
            if reaction in view.reactions
        ],
        accepted_comment_id=post.accepted_comment_id,
        flagged_terms=list(post.flagged_terms),
        moderation=moderation_out(post.hidden),
        version=post.version,
        created_at=post.created_at,
        updated_at=post.updated_at,
    )


def comment_out(view: CommentView) -> CommentOut:
    comment = view.comment
    return CommentOut(
        id=comment.id,
        post_id=comment.post_id,
        author_id=comment.author_id,
        author_name=view.author_name,
        body=comment.body,
        flagged_terms=list(comment.flagged_terms),
        moderation=moderation_out(comment.hidden),
        version=comment.version,
        created_at=comment.created_at,
        updated_at=comment.updated_at,
    )


def flagged_out(item: FlaggedItem) -> FlaggedOut:
    return FlaggedOut(
        id=item.id,
        post_id=item.post_id,
        comment_id=item.comment_id,
        author_id=item.author_id,
        body=item.body,
        terms=list(item.terms),
        moderation=moderation_out(item.hidden),
        created_at=item.created_at,
    )
