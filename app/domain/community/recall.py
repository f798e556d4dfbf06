"""Recall: a content withdrawn after it was shared, and the take-downs of its posts.

Recalling is a transition of the content (``Content.recall``, with its history line); the posts
ambassadors made of it become take-downs, one per posted share, each pending until its ambassador
confirms they removed the post. A take-down is confirmed once: confirming again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import Conflict
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.networks import Network


class ContentAlreadyRecalled(Conflict):
    """A recalled content is recalled once; its take-downs follow that one recall."""

    code = "content-already-recalled"

    def __init__(self, recalled_at: datetime) -> None:
        super().__init__(
            Message(
                "This content was already recalled on {recalled_at}; follow its take-downs instead of recalling "
                "it again.",
                recalled_at=recalled_at.isoformat(),
            )
        )
        self.recalled_at = recalled_at


@dataclass(frozen=True, slots=True, kw_only=True)
class Recall:
    """Why, by whom and when a content was recalled."""

    reason: str
    recalled_by: str
    recalled_at: datetime


class TakeDownStatus(StrEnum):
    """Pending until the ambassador confirms they removed their post."""

    PENDING = "pending"
    CONFIRMED = "confirmed"


@dataclass(slots=True, kw_only=True)
class TakeDown(TenantAggregate):
    """One posted share of a recalled content, to be removed by the ambassador who posted it."""

    id: UUID
    tenant_id: UUID
    content_id: UUID
    share_id: UUID
    ambassador_id: UUID
    network: Network
    post_url: str | None
    reason: str
    status: TakeDownStatus = TakeDownStatus.PENDING
    confirmed_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def request(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        content_id: UUID,
        share_id: UUID,
        ambassador_id: UUID,
        network: Network,
        post_url: str | None,
        reason: str,
        now: datetime,
    ) -> TakeDown:
        take_down = cls(
            id=id,
            tenant_id=tenant_id,
            content_id=content_id,
            share_id=share_id,
            ambassador_id=ambassador_id,
            network=network,
            post_url=post_url,
            reason=reason,
            created_at=now,
            updated_at=now,
        )
        take_down._announce(EventType.TAKEDOWN_REQUESTED, now)
        return take_down

    def confirm(self, now: datetime) -> bool:
        """Record that the post was removed; False (and nothing changed) when it already was."""
        if self.status is TakeDownStatus.CONFIRMED:
            return False
        self.status = TakeDownStatus.CONFIRMED
        self.confirmed_at = now
        self._touch(now)
        self._announce(EventType.TAKEDOWN_CONFIRMED, now)
        return True

    def _announce(self, type_: EventType, now: datetime) -> None:
        self._emit(
            type_,
            now,
            {
                "id": str(self.id),
                "content_id": str(self.content_id),
                "share_id": str(self.share_id),
                "ambassador_id": str(self.ambassador_id),
                "network": self.network.value,
                "post_url": self.post_url,
                "reason": self.reason,
                "status": self.status.value,
            },
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TakeDownProgress:
    """How far the take-downs of a recalled content went."""

    pending: int
    confirmed: int

    @property
    def total(self) -> int:
        return self.pending + self.confirmed
