"""GraphQL entry points of outgoing webhooks (admins): endpoints, their deliveries, replays and pings."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import global_id, uuid_of
from app.api.graphql.webhooks.types import (
    ChangeWebhookEndpointResult,
    DeletedWebhookEndpoint,
    DeleteWebhookEndpointResult,
    IssueWebhookEndpointResult,
    ReplayedWebhookDeliveries,
    ReplayWebhookDeliveriesResult,
    WebhookDelivery,
    WebhookDeliveryResult,
    WebhookEndpoint,
    delivery_node,
    endpoint_node,
    issued_node,
)
from app.domain.errors import NotFound
from app.domain.integrations.integrations import DEFAULT_OVERLAP
from app.ports.pagination import DEFAULT_LIMIT
from app.services.webhooks.endpoint_use_cases import RegisterEndpointCommand, UpdateEndpointCommand

Info = strawberry.Info[GraphQLContext, None]
EndpointId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The endpoint's `id`.")]
DeliveryId = Annotated[UUID, strawberry.argument(description="The delivery's `uuid`.")]


def _endpoint_uuid(endpoint_id: strawberry.ID) -> UUID:
    return uuid_of(endpoint_id, "WebhookEndpoint", ("id",))


@strawberry.input(description="A receiver to send events to.")
class WebhookEndpointInput:
    url: str = strawberry.field(description="An https URL whose host resolves to public addresses only.")
    event_types: list[str] = strawberry.field(description="The events wanted: `share.posted`, `share.*` or `*`.")
    description: str = strawberry.field(default="", description="What admins call it.")
    enabled: bool = strawberry.field(default=True, description="Whether events are sent to it.")


@strawberry.input(description="The fields to change; those left out stay.")
class WebhookEndpointChangesInput:
    url: str | None = strawberry.field(default=None, description="A new URL, checked as at registration.")
    event_types: list[str] | None = strawberry.field(default=None, description="The events wanted.")
    description: str | None = strawberry.field(default=None, description="What admins call it.")
    enabled: bool | None = strawberry.field(default=None, description="Whether events are sent to it.")


@strawberry.type
class WebhookQuery:
    @described.field("Page through the organisation's webhook endpoints in the order registered (admin).")
    async def webhook_endpoints(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[WebhookEndpoint]:
        page = page_request(first, after)
        found = await info.context.services.webhooks.list_endpoints(info.context.principal, page)
        return connection(found, endpoint_node, page)

    @described.field("One webhook endpoint of your organisation (admin), or null.")
    async def webhook_endpoint(self, info: Info, endpoint_id: EndpointId) -> WebhookEndpoint | None:
        webhooks = info.context.services.webhooks
        try:
            return endpoint_node(await webhooks.get_endpoint(info.context.principal, _endpoint_uuid(endpoint_id)))
        except NotFound:
            return None

    @described.field("An endpoint's deliveries, newest first, each with its attempts (admin).")
    async def webhook_deliveries(
        self, info: Info, endpoint_id: EndpointId, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[WebhookDelivery]:
        page = page_request(first, after)
        webhooks = info.context.services.webhooks
        found = await webhooks.list_deliveries(info.context.principal, _endpoint_uuid(endpoint_id), page)
        return connection(found, delivery_node, page)


@strawberry.type
class WebhookMutation:
    @described.mutation(
        "Register a webhook endpoint (admin); the answer holds its `whsec_` secret, shown this once. Internal "
        "addresses (loopback, private, link-local, metadata) are refused."
    )
    async def register_webhook_endpoint(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            WebhookEndpointInput, strawberry.argument(description="The endpoint.")
        ],
    ) -> IssueWebhookEndpointResult:
        command = RegisterEndpointCommand(
            url=input.url, event_types=input.event_types, description=input.description, enabled=input.enabled
        )
        return issued_node(await info.context.services.webhooks.register_endpoint(info.context.principal, command))

    @described.mutation("Change a webhook endpoint (admin); fields left out stay.")
    async def update_webhook_endpoint(
        self,
        info: Info,
        endpoint_id: EndpointId,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            WebhookEndpointChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeWebhookEndpointResult:
        command = UpdateEndpointCommand(
            endpoint_id=_endpoint_uuid(endpoint_id),
            url=input.url,
            event_types=input.event_types,
            description=input.description,
            enabled=input.enabled,
            expected_version=expected_version,
        )
        return endpoint_node(await info.context.services.webhooks.update_endpoint(info.context.principal, command))

    @described.mutation("Delete a webhook endpoint and its delivery log (admin).")
    async def delete_webhook_endpoint(
        self, info: Info, endpoint_id: EndpointId, expected_version: ExpectedVersion = None
    ) -> DeleteWebhookEndpointResult:
        uuid = _endpoint_uuid(endpoint_id)
        await info.context.services.webhooks.delete_endpoint(info.context.principal, uuid, expected_version)
        return DeletedWebhookEndpoint(webhook_endpoint_id=global_id("WebhookEndpoint", uuid))

    @described.mutation(
        "Issue a new secret (admin), shown once; the old ones keep signing for the overlap (24 hours by default)."
    )
    async def rotate_webhook_secret(
        self,
        info: Info,
        endpoint_id: EndpointId,
        overlap_seconds: Annotated[
            int, strawberry.argument(description="How long the secrets in use keep signing; 0 ends them now.")
        ] = int(DEFAULT_OVERLAP.total_seconds()),
    ) -> IssueWebhookEndpointResult:
        webhooks = info.context.services.webhooks
        overlap = timedelta(seconds=overlap_seconds)
        return issued_node(await webhooks.rotate_secret(info.context.principal, _endpoint_uuid(endpoint_id), overlap))

    @described.mutation("Send a delivery again (admin), due now with the whole retry schedule; same webhook-id.")
    async def replay_webhook_delivery(
        self, info: Info, endpoint_id: EndpointId, delivery_id: DeliveryId
    ) -> WebhookDeliveryResult:
        webhooks = info.context.services.webhooks
        found = await webhooks.replay_delivery(info.context.principal, _endpoint_uuid(endpoint_id), delivery_id)
        return delivery_node(found)

    @described.mutation("Send again every delivery to an endpoint made since an instant (admin).")
    async def replay_webhook_deliveries(
        self,
        info: Info,
        endpoint_id: EndpointId,
        since: Annotated[datetime, strawberry.argument(description="An instant with its UTC offset.")],
    ) -> ReplayWebhookDeliveriesResult:
        webhooks = info.context.services.webhooks
        count = await webhooks.replay_deliveries(info.context.principal, _endpoint_uuid(endpoint_id), since)
        return ReplayedWebhookDeliveries(replayed=count)

    @described.mutation("Send a signed test ping to one endpoint (admin); its delivery shows what the receiver said.")
    async def ping_webhook_endpoint(self, info: Info, endpoint_id: EndpointId) -> WebhookDeliveryResult:
        webhooks = info.context.services.webhooks
        return delivery_node(await webhooks.ping_endpoint(info.context.principal, _endpoint_uuid(endpoint_id)))
