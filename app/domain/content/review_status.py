"""Where a content stands in its review, what moves it on, and the history of those moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.messages import Message


class ContentStatus(StrEnum):
    """Where a content stands in its review, as stored."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    ARCHIVED = "archived"
    RECALLED = "recalled"


class PublicStatus(StrEnum):
    """The status clients read: approved content is ``published`` between its publication and
    expiry instants, ``expired`` after, and ``approved`` while it waits to be published."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    EXPIRED = "expired"
    REJECTED = "rejected"
    ARCHIVED = "archived"
    RECALLED = "recalled"


class ContentAction(StrEnum):
    """What was done to a content, as its history records it."""

    CREATE = "create"
    PROPOSE = "propose"
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    ARCHIVE = "archive"
    RECALL = "recall"


# The actions clients ask for by name, the statuses they start from, and where they lead.
TRANSITIONS: dict[ContentAction, tuple[frozenset[ContentStatus], ContentStatus]] = {
    ContentAction.SUBMIT: (frozenset({ContentStatus.DRAFT, ContentStatus.SUBMITTED}), ContentStatus.IN_REVIEW),
    ContentAction.APPROVE: (frozenset({ContentStatus.SUBMITTED, ContentStatus.IN_REVIEW}), ContentStatus.APPROVED),
    ContentAction.REJECT: (frozenset({ContentStatus.SUBMITTED, ContentStatus.IN_REVIEW}), ContentStatus.REJECTED),
    ContentAction.ARCHIVE: (
        frozenset(set(ContentStatus) - {ContentStatus.ARCHIVED, ContentStatus.RECALLED}),
        ContentStatus.ARCHIVED,
    ),
    # Recalled content was shared (approved) or withdrawn after it was (archived); recalled is final.
    ContentAction.RECALL: (frozenset({ContentStatus.APPROVED, ContentStatus.ARCHIVED}), ContentStatus.RECALLED),
}
# What each action does to a content, in words for people (a refusal says it cannot be done).
PAST_TENSE = {
    ContentAction.SUBMIT: Message("submitted"),
    ContentAction.APPROVE: Message("approved"),
    ContentAction.REJECT: Message("rejected"),
    ContentAction.ARCHIVE: Message("archived"),
    ContentAction.RECALL: Message("recalled"),
}


def allowed_actions(status: ContentStatus) -> list[str]:
    return [action.value for action, (sources, _) in TRANSITIONS.items() if status in sources]


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentTransition:
    """One line of a content's history; ``version`` is the content's version it produced."""

    content_id: UUID
    version: int
    at: datetime
    actor: str
    action: ContentAction
    from_status: ContentStatus | None
    to_status: ContentStatus
    reason: str | None = None
    override_cadence: bool = False
