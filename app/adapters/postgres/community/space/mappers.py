"""Rows of the community space to domain objects and back, explicitly."""

from __future__ import annotations

from typing import Any

from app.domain.community.space import Comment, Moderation, Post, PostKind, Reaction
from app.ports.community_space import FlaggedItem


def _moderation(row: Any) -> Moderation | None:
    if row.hidden_at is None:
        return None
    return Moderation(hidden_at=row.hidden_at, hidden_by=row.hidden_by, reason=row.hidden_reason)


def _moderation_values(hidden: Moderation | None) -> dict[str, Any]:
    return {
        "hidden_at": hidden.hidden_at if hidden else None,
        "hidden_by": hidden.hidden_by if hidden else None,
        "hidden_reason": hidden.reason if hidden else None,
    }


def post_values(post: Post) -> dict[str, Any]:
    return {
        "tenant_id": post.tenant_id,
        "id": post.id,
        "kind": post.kind.value,
        "author_id": post.author_id,
        "title": post.title,
        "body": post.body,
        "flagged_terms": list(post.flagged_terms),
        **_moderation_values(post.hidden),
        "accepted_comment_id": post.accepted_comment_id,
        "kudos_id": post.kudos_id,
        "recognised_id": post.recognised_id,
        "created_at": post.created_at,
        "updated_at": post.updated_at,
        "version": post.version,
    }


def post_from_row(row: Any) -> Post:
    return Post(
        id=row.id,
        tenant_id=row.tenant_id,
        kind=PostKind(row.kind),
        author_id=row.author_id,
        title=row.title,
        body=row.body,
        flagged_terms=tuple(row.flagged_terms),
        hidden=_moderation(row),
        accepted_comment_id=row.accepted_comment_id,
        kudos_id=row.kudos_id,
        recognised_id=row.recognised_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def comment_values(comment: Comment) -> dict[str, Any]:
    return {
        "tenant_id": comment.tenant_id,
        "id": comment.id,
        "post_id": comment.post_id,
        "author_id": comment.author_id,
        "body": comment.body,
        "flagged_terms": list(comment.flagged_terms),
        **_moderation_values(comment.hidden),
        "created_at": comment.created_at,
        "updated_at": comment.updated_at,
        "version": comment.version,
    }


def comment_from_row(row: Any) -> Comment:
    return Comment(
        id=row.id,
        tenant_id=row.tenant_id,
        post_id=row.post_id,
        author_id=row.author_id,
        body=row.body,
        flagged_terms=tuple(row.flagged_terms),
        hidden=_moderation(row),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def reaction_counts(row: Any) -> dict[Reaction, int]:
    """The counts of the reactions given (none of a kind: not listed)."""
    counted = {reaction: getattr(row, f"reactions_{reaction.value}") for reaction in Reaction}
    return {reaction: count for reaction, count in counted.items() if count}


def flagged_from_row(row: Any) -> FlaggedItem:
    return FlaggedItem(
        id=row.id,
        post_id=row.post_id,
        comment_id=row.comment_id,
        author_id=row.author_id,
        body=row.body,
        terms=tuple(row.flagged_terms),
        hidden=_moderation(row),
        created_at=row.created_at,
    )
