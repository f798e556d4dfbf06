"""Comments on the space's posts, and the accepted answer of a question."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.space import Comment
from app.domain.community.space_refusals import NotTheAuthor
from app.domain.community.space_screening import screen
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.community_space import CommentView, PostView
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.space.access import (
    Reader,
    author_name,
    is_moderator,
    reader,
    require_author,
    shown_comment,
    shown_post,
    signal,
    writer,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentCommand:
    post_id: UUID
    body: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EditCommentCommand:
    post_id: UUID
    comment_id: UUID
    body: str
    expected_version: int | None = None


class CommentOnPost(UseCase):
    """Active ambassadors and staff comment on a post they see, in 1-5000 characters, screened as posts
    are (banned terms refuse it, sensitive ones flag it). Followers of the space are signalled."""

    async def __call__(self, principal: Principal, command: CommentCommand) -> CommentView:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            await shown_post(uow, command.post_id, Reader(author.id, is_moderator(principal)))
            flagged = screen(await uow.settings.get(), body=command.body)
            comment = Comment.write(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                post_id=command.post_id,
                author_id=author.id,
                body=command.body,
                flagged_terms=flagged,
                now=now,
            )
            await uow.space.add_comment(comment)
            await signal(uow, tenant_id, command.post_id)
            await uow.commit()
        return CommentView(comment=comment, author_name=author_name(author))


class EditComment(UseCase):
    """Its author changes a comment's body (at the version read), screened again."""

    async def __call__(self, principal: Principal, command: EditCommentCommand) -> CommentView:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            seen_by = Reader(author.id, is_moderator(principal))
            await shown_post(uow, command.post_id, seen_by)
            comment = await shown_comment(uow, command.post_id, command.comment_id, seen_by, for_update=True)
            require_author(comment.author_id, author.id, "comment")
            comment.require_version(command.expected_version)
            comment.edit(command.body, screen(await uow.settings.get(), body=command.body), now)
            await uow.space.save_comment(comment)
            await signal(uow, tenant_id, command.post_id)
            await uow.commit()
        return CommentView(comment=comment, author_name=author_name(author))


class DeleteComment(UseCase):
    """Its author deletes a comment (at the version read); an accepted answer deleted is no answer."""

    async def __call__(
        self, principal: Principal, post_id: UUID, comment_id: UUID, expected_version: int | None = None
    ) -> None:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            seen_by = Reader(author.id, is_moderator(principal))
            post = await shown_post(uow, post_id, seen_by, for_update=True)
            comment = await shown_comment(uow, post_id, comment_id, seen_by, for_update=True)
            require_author(comment.author_id, author.id, "comment")
            comment.require_version(expected_version)
            if post.accepted_comment_id == comment_id:
                post.forget_answer(comment_id, now)
                await uow.space.save_post(post)
            await uow.space.delete_comment(post_id, comment_id)
            await signal(uow, tenant_id, post_id)
            await uow.commit()


class ListComments(UseCase):
    """A post's comments, oldest first; hidden ones show to moderators only, with the reason."""

    async def __call__(self, principal: Principal, post_id: UUID, page: PageRequest) -> Page[CommentView]:
        async with self._uow(principal.require_tenant()) as uow:
            seen_by = await reader(uow, principal, self._clock.now())
            await shown_post(uow, post_id, seen_by)
            return await uow.space.comments(post_id, page, include_hidden=seen_by.moderator)


class AcceptAnswer(UseCase):
    """The author of a question, or a moderator (admin, moderator), accepts one of its shown comments as
    its answer, replacing any other (``not-a-question`` on another kind of post)."""

    async def __call__(
        self, principal: Principal, post_id: UUID, comment_id: UUID, expected_version: int | None = None
    ) -> PostView:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            seen_by = await reader(uow, principal, now)
            post = await shown_post(uow, post_id, seen_by, for_update=True)
            if not seen_by.moderator and (seen_by.employee_id is None or post.author_id != seen_by.employee_id):
                raise NotTheAuthor("post")
            post.require_version(expected_version)
            comment = await shown_comment(uow, post_id, comment_id, Reader(seen_by.employee_id, moderator=False))
            post.accept(comment, now)
            await uow.space.save_post(post)
            view = await uow.space.view(post_id, seen_by.employee_id, include_hidden=seen_by.moderator)
            await signal(uow, tenant_id, post_id)
            await uow.commit()
        if view is None:
            raise NotFound("post", post_id)
        return view
