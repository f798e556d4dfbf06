"""Moderation of the space: hide and restore posts and comments with a reason, and the list of what
the compliance check flagged."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.community_space import CommentView, FlaggedItem, PostView
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.space.access import MODERATORS, author_name, signal


@dataclass(frozen=True, slots=True, kw_only=True)
class ModerationCommand:
    """``hidden`` True hides the item, False restores it; ``comment_id`` None moderates the post."""

    post_id: UUID
    hidden: bool
    reason: str
    comment_id: UUID | None = None
    expected_version: int | None = None


class ModeratePost(UseCase):
    """Moderators (admin, moderator) hide a post, or restore it, saying why. A hidden
    post leaves the feed of everyone else and keeps its comments; moderators still see it with the reason.
    Hiding a hidden post, or restoring a shown one, is refused (``already-moderated``)."""

    async def __call__(self, principal: Principal, command: ModerationCommand) -> PostView:
        principal.require_any(MODERATORS)
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            post = await uow.space.get_post(command.post_id, for_update=True)
            if post is None:
                raise NotFound("post", command.post_id)
            post.require_version(command.expected_version)
            if command.hidden:
                post.hide(command.reason, principal.subject, now)
            else:
                post.restore(command.reason, principal.subject, now)
            await uow.space.save_post(post)
            view = await uow.space.view(post.id, None, include_hidden=True)
            await signal(uow, tenant_id, post.id)
            await uow.commit()
        if view is None:
            raise NotFound("post", command.post_id)
        return view


class ModerateComment(UseCase):
    """Moderators hide or restore a comment as they do a post. A hidden comment that was a question's
    accepted answer is no longer its answer (restoring it does not make it the answer again)."""

    async def __call__(self, principal: Principal, command: ModerationCommand) -> CommentView:
        principal.require_any(MODERATORS)
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        if command.comment_id is None:
            raise NotFound("comment", command.post_id)
        async with self._uow(tenant_id) as uow:
            post = await uow.space.get_post(command.post_id, for_update=True)
            if post is None:
                raise NotFound("post", command.post_id)
            comment = await uow.space.get_comment(command.post_id, command.comment_id, for_update=True)
            if comment is None:
                raise NotFound("comment", command.comment_id)
            comment.require_version(command.expected_version)
            if command.hidden:
                comment.hide(command.reason, principal.subject, now)
                if post.accepted_comment_id == comment.id:
                    post.forget_answer(comment.id, now)
                    await uow.space.save_post(post)
            else:
                comment.restore(command.reason, principal.subject, now)
            await uow.space.save_comment(comment)
            author = await uow.employees.get(comment.author_id) if comment.author_id else None
            await signal(uow, tenant_id, post.id)
            await uow.commit()
        return CommentView(comment=comment, author_name=author_name(author) if author else None)


class ListFlagged(UseCase):
    """For moderators: the posts and comments the compliance check flagged for sensitive terms, newest
    first, hidden or not, with the terms found."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[FlaggedItem]:
        principal.require_any(MODERATORS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.space.flagged(page.newest_first())
