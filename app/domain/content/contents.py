"""Content: what ambassadors may share, and its review.

Staff content starts as a draft; an ambassador's proposal starts as ``submitted``. Review ends
in ``approved`` or ``rejected``; a rejected content goes back to draft when it is edited.
``published`` and ``expired`` are never stored: they are how approved content reads at a given
instant (``public_status``), so no job has to run for content to go live or to expire.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.community.recall import ContentAlreadyRecalled, Recall
from app.domain.content.cadence import Scheduled, cadence_conflict
from app.domain.content.content_fields import ContentFields, ContentRules
from app.domain.content.review_status import (
    PAST_TENSE,
    TRANSITIONS,
    ContentAction,
    ContentStatus,
    ContentTransition,
    PublicStatus,
    allowed_actions,
)
from app.domain.errors import CadenceExceeded, FieldError, InvalidTransition, SelfApproval, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MAX_REASON = 2_000


class ReviewRules(ContentRules, Protocol):
    """The settings approval follows (``ProgrammeSettings`` fits)."""

    @property
    def weekly_content_budget(self) -> int: ...
    @property
    def four_eyes_review(self) -> bool: ...


@dataclass(slots=True, kw_only=True)
class Content(TenantAggregate):
    id: UUID
    tenant_id: UUID
    fields: ContentFields
    status: ContentStatus
    created_by: str
    last_edited_by: str
    proposed: bool = False
    approved_at: datetime | None = None
    approved_by: str | None = None
    recalled: Recall | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)
    pending_history: list[ContentTransition] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        fields: ContentFields,
        author: str,
        proposed: bool,
        rules: ContentRules,
        now: datetime,
        shorthand: bool = False,
    ) -> Content:
        """Staff content starts as a draft; an ambassador's proposal goes straight to review as ``submitted``."""
        content = cls(
            id=id,
            tenant_id=tenant_id,
            fields=fields.validated(rules, shorthand=shorthand),
            status=ContentStatus.SUBMITTED if proposed else ContentStatus.DRAFT,
            created_by=author,
            last_edited_by=author,
            proposed=proposed,
            created_at=now,
            updated_at=now,
        )
        action = ContentAction.PROPOSE if proposed else ContentAction.CREATE
        content._log(action, None, author, now)
        if proposed:
            content._announce(EventType.CONTENT_SUBMITTED, now, {"proposed": True})
        return content

    @property
    def live_from(self) -> datetime | None:
        """When approved content enters the feed: its ``publish_at``, or its approval if that came later."""
        if self.status is not ContentStatus.APPROVED or self.approved_at is None:
            return None
        publish_at = self.fields.publish_at
        return max(publish_at, self.approved_at) if publish_at is not None else self.approved_at

    def public_status(self, now: datetime) -> PublicStatus:
        live_from = self.live_from
        if live_from is None:
            return PublicStatus(self.status.value)
        expires_at = self.fields.expires_at
        if expires_at is not None and now >= expires_at:
            return PublicStatus.EXPIRED
        return PublicStatus.PUBLISHED if now >= live_from else PublicStatus.APPROVED

    def edit(self, changes: Mapping[str, Any], *, editor: str, rules: ContentRules, now: datetime) -> None:
        """Apply a partial change. A rejected content goes back to draft; approved content whose
        shared text, link, media, audience or schedule changes goes back to review."""
        if self.status in (ContentStatus.ARCHIVED, ContentStatus.RECALLED):
            raise InvalidTransition("content", self.status, "edited", [])
        shorthand = any(name in changes for name in ("title", "body", "captions"))
        updated = self.fields.with_changes(changes).validated(rules, set(changes), shorthand=shorthand)
        if updated == self.fields:
            return
        before = self.status
        needs_review = before is ContentStatus.APPROVED and updated.review_key() != self.fields.review_key()
        self.fields = updated
        self.last_edited_by = editor
        self._touch(now)
        if before is ContentStatus.REJECTED:
            self.status = ContentStatus.DRAFT
            self._log(ContentAction.EDIT, before, editor, now)
        elif needs_review:
            self.status = ContentStatus.IN_REVIEW
            self.approved_at = self.approved_by = None
            self._log(ContentAction.EDIT, before, editor, now, reason="Approved content changed; back to review.")
            self._announce(EventType.CONTENT_SUBMITTED, now, {"after_edit": True})

    def submit(self, *, actor: str, now: datetime) -> None:
        self._move(ContentAction.SUBMIT, actor, now)
        self._announce(EventType.CONTENT_SUBMITTED, now, {"proposed": self.proposed})

    def approve(
        self,
        *,
        reviewer: str,
        rules: ReviewRules,
        scheduled: Iterable[Scheduled],
        now: datetime,
        override_cadence: bool = False,
    ) -> None:
        """``scheduled`` are the other approved shareable contents going live around this one.

        With four-eyes review, nobody approves content they wrote or last edited. Going over the
        weekly budget for someone in the audience is refused unless ``override_cadence`` (admins).
        """
        self._require(ContentAction.APPROVE)
        if rules.four_eyes_review and reviewer in (self.created_by, self.last_edited_by):
            raise SelfApproval("Four-eyes review is on: someone other than its author or last editor must approve it.")
        overridden = False
        if self.fields.shareable:
            publish_at = self.fields.publish_at
            live_from = max(publish_at, now) if publish_at is not None else now
            candidate = Scheduled(content_id=self.id, live_from=live_from, targeting=self.fields.targeting)
            conflict = cadence_conflict(candidate, scheduled, rules.weekly_content_budget)
            if conflict is not None and not override_cadence:
                raise CadenceExceeded(
                    Message(
                        "Approving this content would put {count} shareable contents between {starts_at} and "
                        "{ends_at} in front of the same ambassadors; the weekly budget is {budget}. Publish it "
                        "another week, narrow its audience, or ask an admin to override the cadence.",
                        count=conflict.count,
                        starts_at=conflict.starts_at.isoformat(),
                        ends_at=conflict.ends_at.isoformat(),
                        budget=rules.weekly_content_budget,
                    ),
                    conflicting=conflict.content_ids,
                    window_start=conflict.starts_at,
                    window_end=conflict.ends_at,
                    budget=rules.weekly_content_budget,
                )
            overridden = conflict is not None
        reason = "Weekly content budget overridden." if overridden else None
        self._move(ContentAction.APPROVE, reviewer, now, reason=reason, override_cadence=overridden)
        self.approved_at, self.approved_by = now, reviewer
        live = self.live_from
        self._announce(
            EventType.CONTENT_APPROVED,
            now,
            {"live_from": live.isoformat() if live else None, "override_cadence": overridden},
        )

    def reject(self, *, reviewer: str, reason: str, now: datetime) -> None:
        text = _reason(reason, "A rejection needs a reason.")
        self._require(ContentAction.REJECT)
        self._move(ContentAction.REJECT, reviewer, now, reason=text)
        self._announce(EventType.CONTENT_REJECTED, now, {"reason": text})

    def archive(self, *, actor: str, now: datetime) -> None:
        self._move(ContentAction.ARCHIVE, actor, now)
        self._announce(EventType.CONTENT_ARCHIVED, now, {})

    def recall(self, *, actor: str, reason: str, now: datetime) -> None:
        """Withdraw shared content for a reason: approved (published or expired) or archived content
        becomes ``recalled`` for good; its history keeps who, when and why. Recalling it again is refused."""
        text = _reason(reason, "A recall needs a reason.")
        if self.recalled is not None:
            raise ContentAlreadyRecalled(self.recalled.recalled_at)
        self._move(ContentAction.RECALL, actor, now, reason=text)
        self.recalled = Recall(reason=text, recalled_by=actor, recalled_at=now)
        self._announce(EventType.CONTENT_RECALLED, now, {"reason": text})

    def drain_history(self) -> list[ContentTransition]:
        drained, self.pending_history[:] = list(self.pending_history), []
        return drained

    def _require(self, action: ContentAction) -> None:
        sources, _ = TRANSITIONS[action]
        if self.status not in sources:
            raise InvalidTransition("content", self.status, PAST_TENSE[action], allowed_actions(self.status))

    def _move(
        self,
        action: ContentAction,
        actor: str,
        now: datetime,
        *,
        reason: str | None = None,
        override_cadence: bool = False,
    ) -> None:
        self._require(action)
        before, self.status = self.status, TRANSITIONS[action][1]
        if self.status is not ContentStatus.APPROVED:
            self.approved_at = self.approved_by = None
        self._touch(now)
        self._log(action, before, actor, now, reason=reason, override_cadence=override_cadence)

    def _log(
        self,
        action: ContentAction,
        before: ContentStatus | None,
        actor: str,
        now: datetime,
        *,
        reason: str | None = None,
        override_cadence: bool = False,
    ) -> None:
        self.pending_history.append(
            ContentTransition(
                content_id=self.id,
                version=self.version,
                at=now,
                actor=actor,
                action=action,
                from_status=before,
                to_status=self.status,
                reason=reason,
                override_cadence=override_cadence,
            )
        )

    def _announce(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        payload = {"id": str(self.id), "status": self.status.value, "format": self.fields.format.value}
        self._emit(type_, now, payload | data)


def _reason(reason: str, detail: str) -> str:
    text = reason.strip()
    if is_blank(text) or len(text) > MAX_REASON or has_control_characters(text, multiline=True):
        raise ValidationFailed(
            detail,
            [
                FieldError(
                    ("reason",), Message("Say why, in 1-{most} characters without control characters.", most=MAX_REASON)
                )
            ],
        )
    return text
