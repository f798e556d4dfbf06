"""Posts of the space: publish, edit, delete, read one, and the feed."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.space import WRITTEN_KINDS, Post, PostKind
from app.domain.community.space_screening import screen
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.messages import Message
from app.domain.roster.identity import Principal
from app.ports.community_space import FeedFilter, PostView
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.community.space.access import (
    Reader,
    author_name,
    is_moderator,
    reader,
    require_author,
    shown_post,
    signal,
    writer,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishPostCommand:
    kind: PostKind
    body: str
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EditPostCommand:
    post_id: UUID
    body: str
    title: str | None = None
    expected_version: int | None = None


class PublishPost(UseCase):
    """Active ambassadors and staff (admin, manager, moderator) on the roster post a discussion, a
    success or a question: a body of 1-10000 characters and an optional title of 1-200. The text passes
    the programme's caption compliance: a banned term refuses it (``post-not-compliant``), a sensitive
    one lets it through flagged for moderators. Followers of the space are signalled."""

    async def __call__(self, principal: Principal, command: PublishPostCommand) -> PostView:
        if command.kind not in WRITTEN_KINDS:
            raise ValidationFailed(
                "The post is not valid.",
                [
                    FieldError(
                        ("kind",),
                        Message("Posts of the kind {kind} are written by the space itself.", kind=command.kind.value),
                    )
                ],
            )
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            flagged = screen(await uow.settings.get(), title=command.title, body=command.body)
            post = Post.publish(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                author_id=author.id,
                kind=command.kind,
                title=command.title,
                body=command.body,
                flagged_terms=flagged,
                now=now,
            )
            await uow.space.add_post(post)
            await signal(uow, tenant_id, post.id)
            await uow.commit()
        return PostView(post=post, author_name=author_name(author), comments=0, reactions={}, mine=frozenset())


class EditPost(UseCase):
    """Its author changes a post's title and body (at the version read), screened again as when posted."""

    async def __call__(self, principal: Principal, command: EditPostCommand) -> PostView:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            seen_by = Reader(author.id, is_moderator(principal))
            post = await shown_post(uow, command.post_id, seen_by, for_update=True)
            require_author(post.author_id, author.id, "post")
            post.require_version(command.expected_version)
            flagged = screen(await uow.settings.get(), title=command.title, body=command.body)
            post.edit(command.title, command.body, flagged, now)
            await uow.space.save_post(post)
            view = await uow.space.view(post.id, author.id, include_hidden=True)
            await signal(uow, tenant_id, post.id)
            await uow.commit()
        if view is None:
            raise NotFound("post", command.post_id)
        return view


class DeletePost(UseCase):
    """Its author deletes a post, with its comments and reactions (at the version read)."""

    async def __call__(self, principal: Principal, post_id: UUID, expected_version: int | None = None) -> None:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            author = await writer(uow, principal, now)
            seen_by = Reader(author.id, is_moderator(principal))
            post = await shown_post(uow, post_id, seen_by, for_update=True)
            require_author(post.author_id, author.id, "post")
            post.require_version(expected_version)
            await uow.space.delete_post(post_id)
            await signal(uow, tenant_id, post_id)
            await uow.commit()


class GetPost(UseCase):
    """A post with its counts; a hidden one only to moderators (admin, moderator), with the reason."""

    async def __call__(self, principal: Principal, post_id: UUID) -> PostView:
        async with self._uow(principal.require_tenant()) as uow:
            seen_by = await reader(uow, principal, self._clock.now())
            view = await uow.space.view(post_id, seen_by.employee_id, include_hidden=seen_by.moderator)
        if view is None:
            raise NotFound("post", post_id)
        return view


class ListPosts(UseCase):
    """The space's feed, newest first: of one kind, or the questions without an accepted answer.
    Hidden posts show to moderators only."""

    async def __call__(
        self, principal: Principal, page: PageRequest, *, kind: PostKind | None = None, unanswered: bool = False
    ) -> Page[PostView]:
        async with self._uow(principal.require_tenant()) as uow:
            seen_by = await reader(uow, principal, self._clock.now())
            where = FeedFilter(kind=kind, unanswered=unanswered, include_hidden=seen_by.moderator)
            return await uow.space.feed(seen_by.employee_id, where, page.newest_first())
