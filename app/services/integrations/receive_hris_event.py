"""Take one delivery from an HRIS: verify it, apply it to the roster once, and log what it did."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

import structlog

from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.integrations.deliveries import MAX_WEBHOOK_ID_LENGTH, Delivery, DeliveryOutcome
from app.domain.integrations.hris_events import HrisEvent, read_event
from app.domain.integrations.integrations import Integration, IntegrationKind
from app.domain.integrations.refusals import UnverifiedDelivery
from app.domain.messages import Message
from app.ports.integrations import Credentials, SecretBox
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.integrations.apply_hris_event import Applied, apply_hris_event

log = structlog.get_logger("relais.integrations")

UNVERIFIED = Message(
    "The delivery is not signed with a valid secret of this integration (or its webhook-timestamp is more "
    "than 5 minutes from now); sign it as Standard Webhooks says, with the integration's current secret."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HrisDelivery:
    integration_id: UUID
    body: bytes
    headers: Mapping[str, str]


class _AlreadyProcessed(Exception):
    """A twin of the delivery committed first: this one's changes are rolled back."""


class ReceiveHrisEvent(UseCase):
    """No access token: the Standard Webhooks signature proves the sender. An unverified delivery writes
    nothing, not even to the log (anyone could send one). A verified one is applied in one transaction
    with its log entry, once per webhook-id: the same id again is a duplicate and changes nothing. A
    payload that is not a valid event, or an event the roster refuses, is logged as refused."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, credentials: Credentials, box: SecretBox
    ) -> None:
        super().__init__(uow, clock, ids)
        self._credentials = credentials
        self._box = box

    async def __call__(self, delivery: HrisDelivery) -> Delivery:
        integration = await self._verified(delivery)
        webhook_id = delivery.headers["webhook-id"][:MAX_WEBHOOK_ID_LENGTH]
        try:
            event = read_event(_parsed(delivery.body))
        except ValidationFailed as failure:
            await self._log(integration, webhook_id, None, DeliveryOutcome.REFUSED, _why(failure))
            raise
        try:
            return await self._apply(integration, webhook_id, event)
        except _AlreadyProcessed:
            return await self._log(integration, webhook_id, event, DeliveryOutcome.DUPLICATE, _DUPLICATE)
        except DomainError as refusal:
            await self._log(integration, webhook_id, event, DeliveryOutcome.REFUSED, _why(refusal))
            raise

    async def _verified(self, delivery: HrisDelivery) -> Integration:
        async with self._uow(None) as uow:
            integration = await uow.integrations.find_for_intake(delivery.integration_id)
        now = self._clock.now()
        if integration is not None and integration.kind is IntegrationKind.HRIS_WEBHOOK:
            secrets = [self._box.open(c.sealed_secret) for c in integration.valid_credentials(now) if c.sealed_secret]
            if self._credentials.verify_webhook(delivery.body, delivery.headers, secrets):
                return integration
        # Told to the operators' log, not the delivery log: an unverified sender must not fill a table.
        log.warning("unverified delivery refused", integration_id=str(delivery.integration_id))
        raise UnverifiedDelivery(UNVERIFIED)

    async def _apply(self, integration: Integration, webhook_id: str, event: HrisEvent) -> Delivery:
        now = self._clock.now()
        async with self._uow(integration.tenant_id) as uow:
            if await uow.deliveries.processed(integration.id, webhook_id) is not None:
                raise _AlreadyProcessed
            applied: Applied = await apply_hris_event(uow, integration, event, ids=self._ids, now=now)
            delivery = self._delivery(integration, webhook_id, event, applied.outcome, applied.reason)
            if not await uow.deliveries.add(delivery):
                raise _AlreadyProcessed
            await uow.commit()
        return delivery

    async def _log(
        self, integration: Integration, webhook_id: str, event: HrisEvent | None, outcome: DeliveryOutcome, why: str
    ) -> Delivery:
        delivery = self._delivery(integration, webhook_id, event, outcome, why)
        async with self._uow(integration.tenant_id) as uow:
            await uow.deliveries.add(delivery)
            await uow.commit()
        return delivery

    def _delivery(
        self, integration: Integration, webhook_id: str, event: HrisEvent | None, outcome: DeliveryOutcome, why: str
    ) -> Delivery:
        return Delivery(
            id=self._ids.new_id(),
            tenant_id=integration.tenant_id,
            integration_id=integration.id,
            webhook_id=webhook_id,
            event_type=event.type.value if event else None,
            external_id=event.record.external_id if event else None,
            occurred_at=event.occurred_at if event else None,
            outcome=outcome,
            reason=why,
            received_at=self._clock.now(),
        )


_DUPLICATE = Message("This webhook-id was processed before; nothing changed.")


def _parsed(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError:
        raise ValidationFailed(
            "The event is not valid.", [FieldError(("body",), "Send a JSON object: {type, timestamp, data}.")]
        ) from None


def _why(refusal: DomainError) -> str:
    """The refusal as the log keeps it: its detail, and each field's message."""
    if isinstance(refusal, ValidationFailed) and refusal.errors:
        fields = "; ".join(f"{'.'.join(map(str, e.loc))}: {e.message}" for e in refusal.errors)
        return f"{refusal.detail} {fields}"
    return refusal.detail
