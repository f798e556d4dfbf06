"""GraphQL types of integrations: the node with its credentials' dates, deliveries, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.integrations.enums import DeliveryOutcome, IntegrationKey, IntegrationKind
from app.domain.integrations import deliveries, integrations


@strawberry.type(description="A credential of an integration: its dates, never its secret.")
class IntegrationCredential:
    issued_at: datetime = strawberry.field(description="When it was issued.")
    expires_at: datetime | None = strawberry.field(
        description="When it stops working (a rotation's overlap, a revocation); null: never."
    )


@strawberry.type(description="What one verified delivery from a roster source did.")
class IntegrationDelivery:
    webhook_id: str = strawberry.field(description="The sender's `webhook-id`.")
    event_type: str | None = strawberry.field(description="The event's type; null when it could not be read.")
    external_id: str | None = strawberry.field(description="The employee's id in the source; null when unread.")
    occurred_at: datetime | None = strawberry.field(description="When it happened at the source; null when unread.")
    outcome: DeliveryOutcome = strawberry.field(description="What it did.")
    reason: str = strawberry.field(description="Why, in words.")
    received_at: datetime = strawberry.field(description="When Relais received it.")
    delivery_id: strawberry.Private[UUID]

    @described.field("REST's id of this delivery.")
    def uuid(self) -> UUID:
        return self.delivery_id


@strawberry.type(description="A roster source the organisation registered (admins only).")
class Integration(relay.Node):
    id: relay.NodeID[UUID]
    kind: IntegrationKind = strawberry.field(description="How it talks to Relais.")
    name: str = strawberry.field(description="What admins call it.")
    key: IntegrationKey = strawberry.field(description="The field that names an employee in the source.")
    owned_fields: list[str] = strawberry.field(description="The roster fields it may change.")
    credentials: list[IntegrationCredential] = strawberry.field(description="Its credentials, newest first.")
    created_at: datetime = strawberry.field(description="When it was registered.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this integration (`/v1/integrations/{id}`).")
    def uuid(self) -> UUID:
        return self.id


def integration_node(integration: integrations.Integration) -> Integration:
    newest_first = sorted(integration.credentials, key=lambda credential: credential.issued_at, reverse=True)
    return Integration(
        id=integration.id,
        kind=integration.kind,
        name=integration.name,
        key=integration.key,
        owned_fields=sorted(integration.owned_fields),
        credentials=[IntegrationCredential(issued_at=c.issued_at, expires_at=c.expires_at) for c in newest_first],
        created_at=integration.created_at,
        updated_at=integration.updated_at,
    )


def delivery_node(delivery: deliveries.Delivery) -> IntegrationDelivery:
    return IntegrationDelivery(
        webhook_id=delivery.webhook_id,
        event_type=delivery.event_type,
        external_id=delivery.external_id,
        occurred_at=delivery.occurred_at,
        outcome=delivery.outcome,
        reason=delivery.reason,
        received_at=delivery.received_at,
        delivery_id=delivery.id,
    )
