"""In-memory twin of the community space's repository, refusing what the tables' keys refuse."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID

from app.domain.community.space import Comment, Post, Reaction
from app.ports.community_space import CommentView, FeedFilter, FlaggedItem, PostView
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(row: Any) -> Any:
    return replace(row, pending_events=[])


class FakeSpaceRepository(_Repository):
    def _require_employee(self, employee_id: UUID | None) -> None:
        if employee_id is not None and self._tx.employees.get((self._tenant_id, employee_id)) is None:
            raise IntegrityViolationError(f"No employee {employee_id}.")

    def _name(self, employee_id: UUID | None) -> str | None:
        employee = self._tx.employees.get((self._tenant_id, employee_id)) if employee_id else None
        if employee is None:
            return None
        return f"{employee.profile.given_name} {employee.profile.family_name}".strip()

    async def add_post(self, post: Post) -> None:
        self._require_own(post.tenant_id)
        self._require_tenant_row(post.tenant_id)
        self._require_employee(post.author_id)
        if post.kudos_id is not None and any(
            p.kudos_id == post.kudos_id for p in self._tx.space_posts.rows() if p.tenant_id == self._tenant_id
        ):
            raise IntegrityViolationError(f"Kudos {post.kudos_id} already has its post.")
        self._tx.space_posts.put((post.tenant_id, post.id), _copy(post))
        self._tracker.track(post)

    async def get_post(self, post_id: UUID, *, for_update: bool = False) -> Post | None:
        post = self._tx.space_posts.get((self._tenant_id, post_id))
        return _copy(post) if post else None

    async def save_post(self, post: Post) -> None:
        self._require_own(post.tenant_id)
        self._tx.space_posts.put((post.tenant_id, post.id), _copy(post))
        self._tracker.track(post)

    async def delete_post(self, post_id: UUID) -> None:
        self._tx.space_posts.delete((self._tenant_id, post_id))
        for comment in self._tx.space_comments.rows():
            if comment.tenant_id == self._tenant_id and comment.post_id == post_id:
                self._tx.space_comments.delete((self._tenant_id, comment.id))
        for key in self._tx.space_reactions.stored_keys():
            if key[0] == self._tenant_id and key[1] == post_id:
                self._tx.space_reactions.delete(key)

    async def add_comment(self, comment: Comment) -> None:
        self._require_own(comment.tenant_id)
        self._require_employee(comment.author_id)
        if self._tx.space_posts.get((self._tenant_id, comment.post_id)) is None:
            raise IntegrityViolationError(f"No post {comment.post_id}.")
        self._tx.space_comments.put((comment.tenant_id, comment.id), _copy(comment))
        self._tracker.track(comment)

    async def get_comment(self, post_id: UUID, comment_id: UUID, *, for_update: bool = False) -> Comment | None:
        comment = self._tx.space_comments.get((self._tenant_id, comment_id))
        return _copy(comment) if comment and comment.post_id == post_id else None

    async def save_comment(self, comment: Comment) -> None:
        self._require_own(comment.tenant_id)
        self._tx.space_comments.put((comment.tenant_id, comment.id), _copy(comment))
        self._tracker.track(comment)

    async def delete_comment(self, post_id: UUID, comment_id: UUID) -> None:
        if await self.get_comment(post_id, comment_id) is not None:
            self._tx.space_comments.delete((self._tenant_id, comment_id))

    async def react(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        self._require_employee(employee_id)
        if self._tx.space_posts.get((self._tenant_id, post_id)) is None:
            raise IntegrityViolationError(f"No post {post_id}.")
        key = (self._tenant_id, post_id, employee_id, reaction.value)
        if self._tx.space_reactions.get(key) is not None:
            return False
        self._tx.space_reactions.put(key, key)
        return True

    async def unreact(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        key = (self._tenant_id, post_id, employee_id, reaction.value)
        if self._tx.space_reactions.get(key) is None:
            return False
        self._tx.space_reactions.delete(key)
        return True

    async def feed(self, reader_id: UUID | None, where: FeedFilter, page: PageRequest) -> Page[PostView]:
        posts = [
            post
            for post in self._tx.space_posts.rows()
            if post.tenant_id == self._tenant_id
            and (where.include_hidden or post.hidden is None)
            and (where.kind is None or post.kind is where.kind)
            and (not where.unanswered or (post.kind.value == "question" and post.accepted_comment_id is None))
        ]
        found = keyset_page(posts, page)
        return found.with_items([self._view(post, reader_id, where.include_hidden) for post in found.items])

    async def view(self, post_id: UUID, reader_id: UUID | None, *, include_hidden: bool) -> PostView | None:
        post = self._tx.space_posts.get((self._tenant_id, post_id))
        if post is None or (post.hidden is not None and not include_hidden):
            return None
        return self._view(post, reader_id, include_hidden)

    async def comments(self, post_id: UUID, page: PageRequest, *, include_hidden: bool) -> Page[CommentView]:
        found = keyset_page(self._comments(post_id, include_hidden), page)
        return found.with_items(
            [CommentView(comment=_copy(comment), author_name=self._name(comment.author_id)) for comment in found.items]
        )

    async def flagged(self, page: PageRequest) -> Page[FlaggedItem]:
        items = [
            FlaggedItem(
                id=item.id,
                post_id=item.post_id if isinstance(item, Comment) else item.id,
                comment_id=item.id if isinstance(item, Comment) else None,
                author_id=item.author_id,
                body=item.body,
                terms=item.flagged_terms,
                hidden=item.hidden,
                created_at=item.created_at,
            )
            for item in [*self._tx.space_posts.rows(), *self._tx.space_comments.rows()]
            if item.tenant_id == self._tenant_id and item.flagged_terms
        ]
        return keyset_page(items, page)

    def _comments(self, post_id: UUID, include_hidden: bool) -> list[Comment]:
        return [
            comment
            for comment in self._tx.space_comments.rows()
            if comment.tenant_id == self._tenant_id
            and comment.post_id == post_id
            and (include_hidden or comment.hidden is None)
        ]

    def _view(self, post: Post, reader_id: UUID | None, include_hidden: bool) -> PostView:
        reactions = [key for key in self._tx.space_reactions.stored_keys() if key[:2] == (self._tenant_id, post.id)]
        counts = {reaction: sum(1 for key in reactions if key[3] == reaction.value) for reaction in Reaction}
        return PostView(
            post=_copy(post),
            author_name=self._name(post.author_id),
            comments=len(self._comments(post.id, include_hidden)),
            reactions={reaction: count for reaction, count in counts.items() if count},
            mine=frozenset(Reaction(key[3]) for key in reactions if key[2] == reader_id),
        )
