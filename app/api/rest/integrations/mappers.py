"""Integrations and deliveries as the REST API shows them."""

from __future__ import annotations

from app.api.rest.integrations.schemas import CredentialOut, DeliveryOut, IntegrationOut, IssuedIntegrationOut
from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration, IntegrationKind
from app.services.integrations.register_integration import IssuedIntegration


def events_url(integration: Integration) -> str | None:
    if integration.kind is not IntegrationKind.HRIS_WEBHOOK:
        return None
    return f"/v1/integrations/{integration.id}/events"


def integration_out(integration: Integration) -> IntegrationOut:
    return IntegrationOut(
        id=integration.id,
        kind=integration.kind,
        name=integration.name,
        key=integration.key,
        owned_fields=sorted(integration.owned_fields),
        credentials=[
            CredentialOut(id=c.id, issued_at=c.issued_at, expires_at=c.expires_at)
            for c in sorted(integration.credentials, key=lambda c: c.issued_at, reverse=True)
        ],
        events_url=events_url(integration),
        created_at=integration.created_at,
        updated_at=integration.updated_at,
    )


def issued_out(issued: IssuedIntegration) -> IssuedIntegrationOut:
    shown = integration_out(issued.integration)
    return IssuedIntegrationOut(**shown.model_dump(), credential=issued.credential)


def delivery_out(delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.id,
        webhook_id=delivery.webhook_id,
        event_type=delivery.event_type,
        external_id=delivery.external_id,
        occurred_at=delivery.occurred_at,
        outcome=delivery.outcome,
        reason=delivery.reason,
        received_at=delivery.received_at,
    )
