"""Redemptions: an ambassador turning points into a reward of the catalogue.

``requested`` (when the reward needs approval) or straight ``approved``; staff approve, then
``fulfilled`` once handed over; or ``rejected`` by staff (with a reason) before fulfilment, or
``cancelled`` by the ambassador before approval. The points are spent when it is requested; a
rejection or a cancellation gives them back by a refund entry of the ledger, never by an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.rewards.catalogue import Reward, checked_text
from app.domain.rewards.refusals import RedemptionNotApproved

MAX_REASON = 1_000


class RedemptionStatus(StrEnum):
    """Where a redemption stands: requested, approved, fulfilled, rejected or cancelled."""

    REQUESTED = "requested"
    APPROVED = "approved"
    FULFILLED = "fulfilled"
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def holds(self) -> bool:
        """Counts against the per-person limit (and keeps its points spent)."""
        return self not in (RedemptionStatus.REJECTED, RedemptionStatus.CANCELLED)


class RedemptionAction(StrEnum):
    """What may be done to a redemption: staff approve, reject and fulfil; its ambassador cancels."""

    APPROVE = "approve"
    REJECT = "reject"
    CANCEL = "cancel"
    FULFIL = "fulfil"


# What each status allows, and who: staff approve, reject and fulfil; the ambassador cancels.
ALLOWED: dict[RedemptionStatus, tuple[RedemptionAction, ...]] = {
    RedemptionStatus.REQUESTED: (RedemptionAction.APPROVE, RedemptionAction.REJECT, RedemptionAction.CANCEL),
    RedemptionStatus.APPROVED: (RedemptionAction.REJECT, RedemptionAction.FULFIL),
}
_DONE = {
    RedemptionAction.APPROVE: Message("approved"),
    RedemptionAction.REJECT: Message("rejected"),
    RedemptionAction.CANCEL: Message("cancelled"),
    RedemptionAction.FULFIL: Message("fulfilled"),
}


@dataclass(slots=True, kw_only=True)
class Redemption(TenantAggregate):
    id: UUID
    tenant_id: UUID
    reward_id: UUID
    ambassador_id: UUID
    points: int
    status: RedemptionStatus
    spend_entry_id: UUID
    refund_entry_id: UUID | None = None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    fulfilled_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def request(
        cls,
        *,
        id: UUID,  # noqa: A002
        reward: Reward,
        ambassador_id: UUID,
        spend_entry_id: UUID,
        now: datetime,
    ) -> Redemption:
        """A new redemption of ``reward`` at its cost: approved at once unless the reward needs approval."""
        needs_approval = reward.fields.requires_approval
        redemption = cls(
            id=id,
            tenant_id=reward.tenant_id,
            reward_id=reward.id,
            ambassador_id=ambassador_id,
            points=reward.fields.cost,
            status=RedemptionStatus.REQUESTED if needs_approval else RedemptionStatus.APPROVED,
            spend_entry_id=spend_entry_id,
            decided_at=None if needs_approval else now,
            created_at=now,
            updated_at=now,
        )
        redemption._announce(EventType.REDEMPTION_REQUESTED, now)
        if not needs_approval:
            redemption._announce(EventType.REDEMPTION_APPROVED, now)
        return redemption

    def allowed_actions(self) -> tuple[RedemptionAction, ...]:
        return ALLOWED.get(self.status, ())

    @property
    def refunded(self) -> bool:
        """Its points went back to the ambassador (rejected or cancelled)."""
        return not self.status.holds

    def approve(self, actor: str, now: datetime) -> None:
        self._require(RedemptionAction.APPROVE)
        self.status = RedemptionStatus.APPROVED
        self.decided_by, self.decided_at = actor, now
        self._touch(now)
        self._announce(EventType.REDEMPTION_APPROVED, now)

    def reject(self, actor: str, reason: str, now: datetime) -> None:
        errors: list[FieldError] = []
        text = checked_text(errors, "reason", reason, MAX_REASON, multiline=True)
        if errors:
            raise ValidationFailed("Say why the redemption is rejected.", errors)
        self._require(RedemptionAction.REJECT)
        self.status = RedemptionStatus.REJECTED
        self.reason = text
        self.decided_by, self.decided_at = actor, now
        self._touch(now)
        self._announce(EventType.REDEMPTION_REJECTED, now)

    def cancel(self, now: datetime) -> None:
        self._require(RedemptionAction.CANCEL)
        self.status = RedemptionStatus.CANCELLED
        self._touch(now)
        self._announce(EventType.REDEMPTION_CANCELLED, now)

    def fulfil(self, actor: str, now: datetime) -> None:
        if self.status is RedemptionStatus.REQUESTED:
            raise RedemptionNotApproved()
        self._require(RedemptionAction.FULFIL)
        self.status = RedemptionStatus.FULFILLED
        self.decided_by = actor
        self.fulfilled_at = now
        self._touch(now)
        self._announce(EventType.REDEMPTION_FULFILLED, now)

    def refund_recorded(self, entry_id: UUID) -> None:
        self.refund_entry_id = entry_id

    def _require(self, action: RedemptionAction) -> None:
        allowed = self.allowed_actions()
        if action not in allowed:
            raise InvalidTransition("redemption", self.status, _DONE[action], [value.value for value in allowed])

    def _announce(self, type_: EventType, now: datetime) -> None:
        data: dict[str, Any] = {
            "id": str(self.id),
            "reward_id": str(self.reward_id),
            "ambassador_id": str(self.ambassador_id),
            "points": self.points,
            "status": self.status.value,
        }
        if self.reason is not None:
            data["reason"] = self.reason
        self._emit(type_, now, data)
