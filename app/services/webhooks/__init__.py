"""Use cases of outgoing webhooks: endpoints admins register, their delivery logs, replays and pings.
The worker's side (``FanOutToWebhooks``, ``DeliverWebhooks``) is built by the composition root.

``build_webhooks`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.webhooks.delivery_use_cases import (
    GetWebhookDelivery,
    ListWebhookDeliveries,
    PingWebhookEndpoint,
    ReplayWebhookDeliveries,
    ReplayWebhookDelivery,
)
from app.services.webhooks.endpoint_use_cases import (
    DeleteWebhookEndpoint,
    GetWebhookEndpoint,
    ListWebhookEndpoints,
    RegisterWebhookEndpoint,
    RotateWebhookSecret,
    UpdateWebhookEndpoint,
)
from app.services.webhooks.ports import WebhookPorts


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhooksUseCases:
    register_endpoint: RegisterWebhookEndpoint
    get_endpoint: GetWebhookEndpoint
    list_endpoints: ListWebhookEndpoints
    update_endpoint: UpdateWebhookEndpoint
    delete_endpoint: DeleteWebhookEndpoint
    rotate_secret: RotateWebhookSecret
    list_deliveries: ListWebhookDeliveries
    get_delivery: GetWebhookDelivery
    replay_delivery: ReplayWebhookDelivery
    replay_deliveries: ReplayWebhookDeliveries
    ping_endpoint: PingWebhookEndpoint


def build_webhooks(ports: WebhookPorts) -> WebhooksUseCases:
    return WebhooksUseCases(
        register_endpoint=RegisterWebhookEndpoint(ports),
        get_endpoint=GetWebhookEndpoint(ports),
        list_endpoints=ListWebhookEndpoints(ports),
        update_endpoint=UpdateWebhookEndpoint(ports),
        delete_endpoint=DeleteWebhookEndpoint(ports),
        rotate_secret=RotateWebhookSecret(ports),
        list_deliveries=ListWebhookDeliveries(ports),
        get_delivery=GetWebhookDelivery(ports),
        replay_delivery=ReplayWebhookDelivery(ports),
        replay_deliveries=ReplayWebhookDeliveries(ports),
        ping_endpoint=PingWebhookEndpoint(ports),
    )
