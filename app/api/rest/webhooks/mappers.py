"""Webhook endpoints and deliveries as the REST API shows them."""

from __future__ import annotations

from app.api.rest.webhooks.schemas import AttemptOut, DeliveryOut, EndpointOut, IssuedEndpointOut, SecretOut
from app.domain.webhooks.deliveries import WebhookDelivery
from app.domain.webhooks.endpoints import WebhookEndpoint
from app.services.webhooks.endpoint_use_cases import IssuedEndpoint


def endpoint_out(endpoint: WebhookEndpoint) -> EndpointOut:
    return EndpointOut(
        id=endpoint.id,
        url=endpoint.url,
        description=endpoint.description,
        event_types=list(endpoint.event_types),
        enabled=endpoint.enabled,
        disabled_reason=endpoint.disabled_reason,
        failing_since=endpoint.failing_since,
        secrets=[
            SecretOut(id=s.id, issued_at=s.issued_at, expires_at=s.expires_at)
            for s in sorted(endpoint.secrets, key=lambda s: s.issued_at, reverse=True)
        ],
        created_at=endpoint.created_at,
        updated_at=endpoint.updated_at,
    )


def issued_out(issued: IssuedEndpoint) -> IssuedEndpointOut:
    return IssuedEndpointOut(**endpoint_out(issued.endpoint).model_dump(), secret=issued.secret)


def delivery_out(delivery: WebhookDelivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.id,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        state=delivery.state,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        created_at=delivery.created_at,
        log=[
            AttemptOut(
                attempt=a.attempt,
                attempted_at=a.attempted_at,
                status_code=a.status_code,
                latency_ms=a.latency_ms,
                error=a.error,
            )
            for a in delivery.log
        ],
    )
