"""The community space: posts by members and staff, their comments and reactions, questions with an
accepted answer, and what moderators hide (with a reason) or restore."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.community.space_refusals import AlreadyModerated, NotAQuestion
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.rewards.catalogue import checked_text

MAX_TITLE = 200
MAX_BODY = 10_000
MAX_COMMENT = 5_000
MAX_REASON = 500


class PostKind(StrEnum):
    """``kudos`` posts are written by the space itself when staff send kudos; people write the others."""

    DISCUSSION = "discussion"
    SUCCESS = "success"
    QUESTION = "question"
    KUDOS = "kudos"


WRITTEN_KINDS = frozenset({PostKind.DISCUSSION, PostKind.SUCCESS, PostKind.QUESTION})


class Reaction(StrEnum):
    """How someone reacts to a post: each person gives each reaction at most once."""

    LIKE = "like"
    CELEBRATE = "celebrate"
    INSIGHTFUL = "insightful"


@dataclass(frozen=True, slots=True, kw_only=True)
class Moderation:
    """Why and by whom an item was hidden; moderators see it, members see nothing of the item."""

    hidden_at: datetime
    hidden_by: str
    reason: str


def checked_reason(reason: str) -> str:
    errors: list[FieldError] = []
    text = checked_text(errors, "reason", reason, MAX_REASON, multiline=True)
    if errors or text is None:
        raise ValidationFailed(Message("Say why, in a reason of 1-{most} characters.", most=MAX_REASON), errors)
    return text


@dataclass(slots=True, kw_only=True)
class _Moderated(TenantAggregate):
    """What posts and comments share: an author, flagged terms, and a moderation."""

    id: UUID
    tenant_id: UUID
    author_id: UUID | None
    body: str
    flagged_terms: tuple[str, ...]
    hidden: Moderation | None
    created_at: datetime
    updated_at: datetime
    version: int = 0
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    _resource = "post"

    def hide(self, reason: str, moderator: str, now: datetime) -> None:
        text = checked_reason(reason)
        if self.hidden is not None:
            raise AlreadyModerated(self._resource, hidden=True)
        self.hidden = Moderation(hidden_at=now, hidden_by=moderator, reason=text)
        self._touch(now)
        self._moderated(now, hidden=True, reason=text, by=moderator)

    def restore(self, reason: str, moderator: str, now: datetime) -> None:
        text = checked_reason(reason)
        if self.hidden is None:
            raise AlreadyModerated(self._resource, hidden=False)
        self.hidden = None
        self._touch(now)
        self._moderated(now, hidden=False, reason=text, by=moderator)

    def _moderated(self, now: datetime, *, hidden: bool, reason: str, by: str) -> None:
        post_id, comment_id = self._place()
        data = {
            "id": str(self.id),
            "post_id": str(post_id),
            "comment_id": str(comment_id) if comment_id is not None else None,
            "hidden": hidden,
            "reason": reason,
            "by": by,
        }
        self._emit(EventType.SPACE_ITEM_MODERATED, now, data)

    def _place(self) -> tuple[UUID, UUID | None]:
        """The post the item belongs to, and its own id when it is a comment: a post is its own place."""
        return self.id, None


@dataclass(slots=True, kw_only=True)
class Post(_Moderated):
    kind: PostKind
    title: str | None
    accepted_comment_id: UUID | None = None
    # A kudos post: the kudos, and the membership it recognises.
    kudos_id: UUID | None = None
    recognised_id: UUID | None = None

    @classmethod
    def publish(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        author_id: UUID | None,
        kind: PostKind,
        title: str | None,
        body: str,
        flagged_terms: tuple[str, ...],
        now: datetime,
        kudos_id: UUID | None = None,
        recognised_id: UUID | None = None,
    ) -> Post:
        """``flagged_terms`` are the sensitive terms the text holds (screened beforehand)."""
        checked_title, checked_body = post_texts(title, body)
        post = cls(
            id=id,
            tenant_id=tenant_id,
            author_id=author_id,
            kind=kind,
            title=checked_title,
            body=checked_body,
            flagged_terms=flagged_terms,
            hidden=None,
            created_at=now,
            updated_at=now,
            kudos_id=kudos_id,
            recognised_id=recognised_id,
        )
        post._emit(EventType.SPACE_POST_PUBLISHED, now, {**post._facts(), "flagged": bool(flagged_terms)})
        return post

    def edit(self, title: str | None, body: str, flagged_terms: tuple[str, ...], now: datetime) -> None:
        self.title, self.body = post_texts(title, body)
        self.flagged_terms = flagged_terms
        self._touch(now)

    def accept(self, comment: Comment, now: datetime) -> None:
        """The question's answer is now ``comment`` (one of its own, shown): accepting another replaces it."""
        if self.kind is not PostKind.QUESTION:
            raise NotAQuestion(self.kind.value)
        self.accepted_comment_id = comment.id
        self._touch(now)
        self._emit(EventType.SPACE_ANSWER_ACCEPTED, now, {**self._facts(), "comment_id": str(comment.id)})

    def forget_answer(self, comment_id: UUID, now: datetime) -> None:
        """A deleted comment is no answer any more."""
        if self.accepted_comment_id == comment_id:
            self.accepted_comment_id = None
            self._touch(now)

    def _facts(self) -> dict[str, str | None]:
        author = str(self.author_id) if self.author_id is not None else None
        return {"id": str(self.id), "kind": self.kind.value, "author_id": author}


def post_texts(title: str | None, body: str) -> tuple[str | None, str]:
    errors: list[FieldError] = []
    checked_title = checked_text(errors, "title", title, MAX_TITLE)
    checked_body = checked_text(errors, "body", body, MAX_BODY, multiline=True)
    if errors or checked_body is None:
        raise ValidationFailed("The post is not valid.", errors)
    return checked_title, checked_body


@dataclass(slots=True, kw_only=True)
class Comment(_Moderated):
    post_id: UUID

    _resource = "comment"

    @classmethod
    def write(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        post_id: UUID,
        author_id: UUID,
        body: str,
        flagged_terms: tuple[str, ...],
        now: datetime,
    ) -> Comment:
        comment = cls(
            id=id,
            tenant_id=tenant_id,
            post_id=post_id,
            author_id=author_id,
            body=comment_text(body),
            flagged_terms=flagged_terms,
            hidden=None,
            created_at=now,
            updated_at=now,
        )
        data = {"id": str(id), "post_id": str(post_id), "author_id": str(author_id), "flagged": bool(flagged_terms)}
        comment._emit(EventType.SPACE_COMMENT_POSTED, now, data)
        return comment

    def edit(self, body: str, flagged_terms: tuple[str, ...], now: datetime) -> None:
        self.body = comment_text(body)
        self.flagged_terms = flagged_terms
        self._touch(now)

    def _place(self) -> tuple[UUID, UUID | None]:
        return self.post_id, self.id


def comment_text(body: str) -> str:
    errors: list[FieldError] = []
    text = checked_text(errors, "body", body, MAX_COMMENT, multiline=True)
    if errors or text is None:
        raise ValidationFailed("The comment is not valid.", errors)
    return text


def reacted_event(tenant_id: UUID, post_id: UUID, employee_id: UUID, reaction: Reaction, now: datetime) -> DomainEvent:
    """A reaction added (only when it was not there already)."""
    data = {"id": str(post_id), "employee_id": str(employee_id), "reaction": reaction.value}
    return DomainEvent(type=EventType.SPACE_POST_REACTED, tenant_id=tenant_id, occurred_at=now, data=data)
