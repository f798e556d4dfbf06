"""What a member is told: a notification of one kind, caused by one event, read or not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID


class NotificationKind(StrEnum):
    """What a notification is about."""

    NEW_CONTENT = "new_content"
    IMPORTANT_CONTENT = "important_content"
    CHARTER_TO_ACCEPT = "charter_to_accept"
    BADGE_EARNED = "badge_earned"
    REDEMPTION_APPROVED = "redemption_approved"
    REDEMPTION_REJECTED = "redemption_rejected"
    CHALLENGE_STARTED = "challenge_started"
    CHALLENGE_ENDED = "challenge_ended"
    CONTENT_RECALLED = "content_recalled"
    # A private reminder staff sent about an incident: its data holds the message alone.
    INCIDENT_REMINDER = "incident_reminder"
    IDEA_ACCEPTED = "idea_accepted"
    IDEA_DECLINED = "idea_declined"


class ReadState(StrEnum):
    """Where a notification stands in the inbox's order: unread ones come first."""

    UNREAD = "unread"
    READ = "read"


@dataclass(frozen=True, slots=True, kw_only=True)
class Notification:
    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    kind: NotificationKind
    source_event_id: UUID
    data: Mapping[str, Any] = field(default_factory=dict)
    created_at: datetime
    read_at: datetime | None = None

    @property
    def state(self) -> ReadState:
        return ReadState.UNREAD if self.read_at is None else ReadState.READ


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """A notification to write for each person of an audience: same kind, cause and data for all."""

    kind: NotificationKind
    source_event_id: UUID
    data: Mapping[str, Any] = field(default_factory=dict)
