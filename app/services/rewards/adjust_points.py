"""Admins adjust an ambassador's points, up or down, always saying why."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.messages import Message
from app.domain.rewards.ledger import ADJUSTMENT_RULE, EntryKind, PointEntry
from app.domain.rewards.refusals import InsufficientPoints
from app.domain.roster.identity import Principal, Role
from app.domain.values import has_control_characters, is_blank
from app.services.base import UseCase

MAX_ADJUSTMENT = 1_000_000
MAX_REASON = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class AdjustPointsCommand:
    ambassador_id: UUID
    points: int
    reason: str


def checked_reason(reason: str) -> str:
    text = reason.strip()
    if is_blank(text) or len(text) > MAX_REASON or has_control_characters(text, multiline=True):
        raise ValidationFailed(
            Message("Say why."),
            [
                FieldError(
                    ("reason",), Message("Say why, in 1-{most} characters without control characters.", most=MAX_REASON)
                )
            ],
        )
    return text


class AdjustPoints(UseCase):
    """Admins only. ``points`` is signed and never 0; a downward adjustment needs a balance that holds it
    (refused as insufficient-points otherwise). The entry records who adjusted and why."""

    async def __call__(self, principal: Principal, command: AdjustPointsCommand) -> PointEntry:
        principal.require_any(frozenset({Role.ADMIN}))
        tenant_id = principal.require_tenant()
        reason = checked_reason(command.reason)
        if command.points == 0 or abs(command.points) > MAX_ADJUSTMENT:
            raise ValidationFailed(
                Message("An adjustment moves some points."),
                [
                    FieldError(
                        ("points",),
                        Message("A whole number of points, not 0, at most {most} either way.", most=MAX_ADJUSTMENT),
                    )
                ],
            )
        now = self._clock.now()
        entry = PointEntry(
            id=self._ids.new_id(),
            tenant_id=tenant_id,
            ambassador_id=command.ambassador_id,
            points=command.points,
            kind=EntryKind.ADJUSTMENT,
            rule=ADJUSTMENT_RULE,
            reason=reason,
            actor=principal.subject,
            occurred_at=now,
            recorded_at=now,
        )
        async with self._uow(tenant_id) as uow:
            if await uow.ambassadors.get(command.ambassador_id) is None:
                raise NotFound("ambassador", command.ambassador_id)
            if command.points < 0:
                balance = await uow.points.balance(command.ambassador_id)
                if balance.balance < -command.points:
                    raise InsufficientPoints(balance=balance.balance, cost=-command.points)
            stored = await uow.points.append([entry])
            if stored[0].points != entry.points:
                # The balance moved since it was read: refuse rather than take less than asked.
                balance = await uow.points.balance(command.ambassador_id)
                raise InsufficientPoints(balance=balance.balance - stored[0].points, cost=-command.points)
            await uow.commit()
        return stored[0]
