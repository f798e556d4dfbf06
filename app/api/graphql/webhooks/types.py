"""GraphQL types of outgoing webhooks: endpoints, deliveries with their attempts, the results of the
mutations, and their mappers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.enums import domain_enum
from app.api.graphql.errors import ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError
from app.domain.webhooks import deliveries, endpoints
from app.domain.webhooks.deliveries import DeliveryState
from app.domain.webhooks.endpoints import DisabledReason
from app.services.webhooks.endpoint_use_cases import IssuedEndpoint

domain_enum(
    DeliveryState,
    "Where a webhook delivery stands.",
    {
        DeliveryState.PENDING: "An attempt is ahead (`nextAttemptAt`).",
        DeliveryState.SUCCEEDED: "The receiver answered 2xx.",
        DeliveryState.FAILED: "Every attempt failed, or the endpoint was disabled for its failures; replay it.",
    },
    name="WebhookDeliveryState",
)
domain_enum(
    DisabledReason,
    "Why a webhook endpoint receives nothing.",
    {
        DisabledReason.ADMIN: "An admin disabled it.",
        DisabledReason.FAILING: "Every attempt to it failed for days.",
    },
    name="WebhookDisabledReason",
)


@strawberry.type(description="A signing secret of a webhook endpoint: its dates, never its value.")
class WebhookSecret:
    issued_at: datetime = strawberry.field(description="When it was issued.")
    expires_at: datetime | None = strawberry.field(description="When it stops signing (a rotation's overlap).")


@strawberry.type(description="A receiver the organisation's events are POSTed to, signed (admins only).")
class WebhookEndpoint(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this endpoint safely.")
    url: str = strawberry.field(description="Where events are POSTed.")
    description: str = strawberry.field(description="What admins call it.")
    event_types: list[str] = strawberry.field(description="The events wanted (types, `resource.*` or `*`).")
    enabled: bool = strawberry.field(description="Whether events are sent to it.")
    disabled_reason: DisabledReason | None = strawberry.field(description="Why it is disabled; null when enabled.")
    failing_since: datetime | None = strawberry.field(description="Since when every attempt has failed.")
    secrets: list[WebhookSecret] = strawberry.field(description="Its signing secrets, newest first.")
    created_at: datetime = strawberry.field(description="When it was registered.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this endpoint (`/v1/webhook-endpoints/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="The endpoint with its new secret in clear: shown this once, never again.")
class IssuedWebhookEndpoint:
    endpoint: WebhookEndpoint = strawberry.field(description="The endpoint.")
    secret: str = strawberry.field(description="The Standard Webhooks secret (`whsec_`...). Keep it now.")


@strawberry.type(description="One attempt of a delivery.")
class WebhookAttempt:
    attempt: int = strawberry.field(description="Its number among the delivery's attempts, from 1.")
    attempted_at: datetime = strawberry.field(description="When it ended.")
    status_code: int | None = strawberry.field(description="The receiver's HTTP status; null when none came.")
    latency_ms: int = strawberry.field(description="How long the request took, in milliseconds.")
    error: str | None = strawberry.field(description="Why it failed; null when it succeeded.")


@strawberry.type(description="One event's delivery to a webhook endpoint, with its attempts.")
class WebhookDelivery:
    event_id: UUID = strawberry.field(description="The event's id: the `webhook-id` header.")
    event_type: str = strawberry.field(description="The event's type.")
    state: DeliveryState = strawberry.field(description="Where it stands.")
    attempts: int = strawberry.field(description="Attempts since it was made or last replayed.")
    next_attempt_at: datetime | None = strawberry.field(description="When it is tried next; null unless pending.")
    created_at: datetime = strawberry.field(description="When it was made.")
    log: list[WebhookAttempt] = strawberry.field(description="Every attempt, newest first.")
    delivery_id: strawberry.Private[UUID]

    @described.field("REST's id of this delivery.")
    def uuid(self) -> UUID:
        return self.delivery_id


@strawberry.type(description="The endpoint deleted.")
class DeletedWebhookEndpoint:
    webhook_endpoint_id: relay.GlobalID = strawberry.field(description="The `id` it had; remove it from caches.")


@strawberry.type(description="How many deliveries a replay made due again.")
class ReplayedWebhookDeliveries:
    replayed: int = strawberry.field(description="How many.")


IssueWebhookEndpointResult = Annotated[
    IssuedWebhookEndpoint | NotFoundError | ValidationError | ForbiddenError,
    strawberry.union("IssueWebhookEndpointResult", description="The endpoint with its new secret, or why not."),
]
ChangeWebhookEndpointResult = Annotated[
    WebhookEndpoint | NotFoundError | ValidationError | PreconditionFailedError | ForbiddenError,
    strawberry.union("ChangeWebhookEndpointResult", description="The endpoint as changed, or why it was not."),
]
DeleteWebhookEndpointResult = Annotated[
    DeletedWebhookEndpoint | NotFoundError | ValidationError | PreconditionFailedError | ForbiddenError,
    strawberry.union("DeleteWebhookEndpointResult", description="The endpoint deleted, or why it was not."),
]
WebhookDeliveryResult = Annotated[
    WebhookDelivery | NotFoundError | ValidationError | ForbiddenError,
    strawberry.union("WebhookDeliveryResult", description="The delivery (a replay's, a ping's), or why not."),
]
ReplayWebhookDeliveriesResult = Annotated[
    ReplayedWebhookDeliveries | NotFoundError | ValidationError | ForbiddenError,
    strawberry.union("ReplayWebhookDeliveriesResult", description="How many were replayed, or why not."),
]


def endpoint_node(endpoint: endpoints.WebhookEndpoint) -> WebhookEndpoint:
    newest_first = sorted(endpoint.secrets, key=lambda secret: secret.issued_at, reverse=True)
    return WebhookEndpoint(
        id=endpoint.id,
        version=endpoint.version,
        url=endpoint.url,
        description=endpoint.description,
        event_types=list(endpoint.event_types),
        enabled=endpoint.enabled,
        disabled_reason=endpoint.disabled_reason,
        failing_since=endpoint.failing_since,
        secrets=[WebhookSecret(issued_at=s.issued_at, expires_at=s.expires_at) for s in newest_first],
        created_at=endpoint.created_at,
        updated_at=endpoint.updated_at,
    )


def issued_node(issued: IssuedEndpoint) -> IssuedWebhookEndpoint:
    return IssuedWebhookEndpoint(endpoint=endpoint_node(issued.endpoint), secret=issued.secret)


def delivery_node(delivery: deliveries.WebhookDelivery) -> WebhookDelivery:
    return WebhookDelivery(
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        state=delivery.state,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        created_at=delivery.created_at,
        log=[
            WebhookAttempt(
                attempt=a.attempt,
                attempted_at=a.attempted_at,
                status_code=a.status_code,
                latency_ms=a.latency_ms,
                error=a.error,
            )
            for a in delivery.log
        ],
        delivery_id=delivery.id,
    )
