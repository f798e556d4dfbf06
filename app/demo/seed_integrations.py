"""Tells the demo's HRIS story (``integration_story``): the admin registers the integration, then the
HRIS signs and sends its events as any sender would, through the intake's use case."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from uuid import UUID

from standardwebhooks.webhooks import Webhook

from app.demo.integration_story import DELIVERIES, INTEGRATION_NAME, REGISTERED, DemoDelivery
from app.demo.story_clock import StoryClock, at
from app.domain.integrations.integrations import IntegrationKind
from app.domain.roster.identity import Principal
from app.services.integrations import IntegrationsUseCases
from app.services.integrations.receive_hris_event import HrisDelivery
from app.services.integrations.register_integration import RegisterIntegrationCommand


def _signed(integration_id: UUID, secret: str, delivery: DemoDelivery, present: datetime) -> HrisDelivery:
    payload = {"type": delivery.type, "timestamp": at(present, delivery.happened).isoformat(), "data": delivery.data}
    body = json.dumps(payload).encode()
    # Signed now: the signature's freshness is judged against the wall clock, whatever the story's.
    now = datetime.now(UTC)
    headers = {
        "webhook-id": delivery.webhook_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(delivery.webhook_id, now, body),
    }
    return HrisDelivery(integration_id=integration_id, body=body, headers=headers)


async def tell_integrations(use_cases: IntegrationsUseCases, story: StoryClock, admin: Principal) -> None:
    story.go_to(REGISTERED)
    command = RegisterIntegrationCommand(kind=IntegrationKind.HRIS_WEBHOOK, name=INTEGRATION_NAME)
    issued = await use_cases.register_integration(admin, command)
    secret = str(issued.credential)
    for delivery in DELIVERIES:
        story.go_to(delivery.received)
        await use_cases.receive_hris_event(_signed(issued.integration.id, secret, delivery, story.present))
