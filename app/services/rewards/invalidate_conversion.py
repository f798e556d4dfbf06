"""Report a conversion invalid: the points its credits earned are reversed by the worker."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import InvalidTransition, NotFound
from app.domain.events import DomainEvent, EventType
from app.domain.roster.identity import Principal, Role
from app.ports.rewards import ConversionInvalidation
from app.services.base import UseCase
from app.services.rewards.adjust_points import checked_reason

INVALIDATORS = frozenset({Role.ADMIN, Role.INTEGRATOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class InvalidateConversionCommand:
    conversion_id: UUID
    reason: str


class InvalidateConversion(UseCase):
    """Integrators and admins, with a reason (a lead found to be spam, an application withdrawn). Recorded
    once (a second report is refused as an invalid transition) with ``conversion.invalidated``; the worker
    then reverses every point the conversion's credits earned, and a credit not judged yet earns none."""

    async def __call__(self, principal: Principal, command: InvalidateConversionCommand) -> ConversionInvalidation:
        principal.require_any(INVALIDATORS)
        tenant_id = principal.require_tenant()
        reason = checked_reason(command.reason)
        now = self._clock.now()
        invalidation = ConversionInvalidation(
            conversion_id=command.conversion_id, reason=reason, invalidated_at=now, invalidated_by=principal.subject
        )
        async with self._uow(tenant_id) as uow:
            if await uow.conversions.get(command.conversion_id) is None:
                raise NotFound("conversion", command.conversion_id)
            if not await uow.reward_facts.invalidate(invalidation):
                raise InvalidTransition("conversion", "invalidated", "invalidated", [])
            data = {"conversion_id": str(command.conversion_id), "reason": reason}
            await uow.outbox.append(
                [DomainEvent(type=EventType.CONVERSION_INVALIDATED, tenant_id=tenant_id, occurred_at=now, data=data)]
            )
            await uow.commit()
        return invalidation
