"""The catalogue of domain events, named ``resource.past_tense_verb``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID


class EventType(StrEnum):
    EMPLOYEE_CREATED = "employee.created"
    EMPLOYEE_UPDATED = "employee.updated"
    EMPLOYEE_TERMINATED = "employee.terminated"
    EMPLOYEE_REHIRED = "employee.rehired"
    AMBASSADOR_INVITED = "ambassador.invited"
    AMBASSADOR_JOINED = "ambassador.joined"
    AMBASSADOR_PAUSED = "ambassador.paused"
    AMBASSADOR_RESUMED = "ambassador.resumed"
    AMBASSADOR_LEFT = "ambassador.left"
    TENANT_CREATED = "tenant.created"
    SETTINGS_UPDATED = "settings.updated"
    CHARTER_PUBLISHED = "charter.published"
    CHARTER_ACCEPTED = "charter.accepted"
    CONTENT_SUBMITTED = "content.submitted"
    CONTENT_APPROVED = "content.approved"
    CONTENT_REJECTED = "content.rejected"
    CONTENT_ARCHIVED = "content.archived"
    CAMPAIGN_LAUNCHED = "campaign.launched"
    CAMPAIGN_ARCHIVED = "campaign.archived"
    SHARE_CREATED = "share.created"
    SHARE_POSTED = "share.posted"
    SHARE_CANCELLED = "share.cancelled"
    SHARE_ENGAGEMENT_RECORDED = "share.engagement_recorded"
    # Never in the outbox: the redirect writes its click row and nothing else, in one statement.
    # The worker reads new clicks from their table and hands each to its handlers as this type.
    CLICK_RECORDED = "click.recorded"
    CONVERSION_RECORDED = "conversion.recorded"
    CONVERSION_ATTRIBUTED = "conversion.attributed"
    CONVERSION_INVALIDATED = "conversion.invalidated"
    POINTS_AWARDED = "points.awarded"
    POINTS_REVERSED = "points.reversed"
    REDEMPTION_REQUESTED = "redemption.requested"
    REDEMPTION_APPROVED = "redemption.approved"
    REDEMPTION_REJECTED = "redemption.rejected"
    REDEMPTION_CANCELLED = "redemption.cancelled"
    REDEMPTION_FULFILLED = "redemption.fulfilled"
    DONATION_MADE = "donation.made"
    KUDOS_SENT = "kudos.sent"
    BADGE_EARNED = "badge.earned"
    CHALLENGE_ENDED = "challenge.ended"
    # Written by the notification fan-out for each person told, with their push tokens, for the
    # tenant's own notifier (through the outgoing webhooks).
    NOTIFICATION_CREATED = "notification.created"
    # A member's weekly digest (new contents for them, their impact), for the tenant's mailer.
    DIGEST_PREPARED = "digest.prepared"
    # Outgoing webhooks: an endpoint disabled after failing for days, and the test ping an admin sends
    # to one endpoint (never in the outbox).
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"
    WEBHOOK_ENDPOINT_PINGED = "webhook_endpoint.pinged"
    INVITATION_WAVE_LAUNCHED = "invitation_wave.launched"
    REFERRAL_MADE = "referral.made"
    REFERRAL_CREDITED = "referral.credited"
    TRAINING_MODULE_PUBLISHED = "training_module.published"
    TRAINING_COMPLETED = "training.completed"
    # Incidents: private matters of HR and moderation, never sent to webhooks (NOT_SUBSCRIBABLE).
    INCIDENT_REPORTED = "incident.reported"
    INCIDENT_ASSESSED = "incident.assessed"
    INCIDENT_REMINDER_SENT = "incident.reminder_sent"
    INCIDENT_MEMBERSHIP_PAUSED = "incident.membership_paused"
    INCIDENT_CONTENT_RECALLED = "incident.content_recalled"
    INCIDENT_ESCALATED = "incident.escalated"
    INCIDENT_RESOLVED = "incident.resolved"
    SURVEY_OPENED = "survey.opened"
    SURVEY_CLOSED = "survey.closed"
    SURVEY_ANSWERED = "survey.answered"
    IDEA_SUBMITTED = "idea.submitted"
    IDEA_ACCEPTED = "idea.accepted"
    IDEA_DECLINED = "idea.declined"
    CONTENT_RECALLED = "content.recalled"
    TAKEDOWN_REQUESTED = "takedown.requested"
    TAKEDOWN_CONFIRMED = "takedown.confirmed"
    SPACE_POST_PUBLISHED = "space_post.published"
    SPACE_COMMENT_POSTED = "space_comment.posted"
    SPACE_POST_REACTED = "space_post.reacted"
    SPACE_ANSWER_ACCEPTED = "space_post.answer_accepted"
    SPACE_ITEM_MODERATED = "space_item.moderated"


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainEvent:
    """Something that happened; ``id`` is assigned when the outbox records it."""

    type: EventType
    tenant_id: UUID
    occurred_at: datetime
    data: dict[str, Any] = field(default_factory=dict)
    # The version of the aggregate the event is about, once changed (None for records that never change).
    resource_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedEvent:
    """An event as it was recorded, with its id: an outbox row, or a click row read as
    ``click.recorded``. What the worker hands to handlers."""

    id: UUID
    type: str
    tenant_id: UUID
    occurred_at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)


class EventSource:
    """Mixin for aggregates that record events until the unit of work drains them."""

    pending_events: list[DomainEvent]

    def record(self, event: DomainEvent) -> None:
        self.pending_events.append(event)

    def drain_events(self) -> list[DomainEvent]:
        drained, self.pending_events[:] = list(self.pending_events), []
        return drained
