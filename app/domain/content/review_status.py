"""Where a content stands in its review, what moves it on, and the history of those moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class ContentStatus(StrEnum):
    """Where a content stands in its review, as stored."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    ARCHIVED = "archived"


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


class ContentAction(StrEnum):
    """What was done to a content, as its history records it."""

    CREATE = "create"
    PROPOSE = "propose"
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    ARCHIVE = "archive"


# The actions clients ask for by name, the statuses they start from, and where they lead.
TRANSITIONS: dict[ContentAction, tuple[frozenset[ContentStatus], ContentStatus]] = {
    ContentAction.SUBMIT: (frozenset({ContentStatus.DRAFT, ContentStatus.SUBMITTED}), ContentStatus.IN_REVIEW),
    ContentAction.APPROVE: (frozenset({ContentStatus.SUBMITTED, ContentStatus.IN_REVIEW}), ContentStatus.APPROVED),
    ContentAction.REJECT: (frozenset({ContentStatus.SUBMITTED, ContentStatus.IN_REVIEW}), ContentStatus.REJECTED),
    ContentAction.ARCHIVE: (frozenset(set(ContentStatus) - {ContentStatus.ARCHIVED}), ContentStatus.ARCHIVED),
}
PAST_TENSE = {
    ContentAction.SUBMIT: "submitted",
    ContentAction.APPROVE: "approved",
    ContentAction.REJECT: "rejected",
    ContentAction.ARCHIVE: "archived",
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
