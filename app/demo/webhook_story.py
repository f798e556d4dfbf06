"""The demo's outgoing webhook: the admin registers an endpoint for the CRM on this machine, rotates
its secret once and sends a test ping. Nothing listens there in a fresh checkout, so when the worker
runs, the delivery log shows failed attempts and their retries; start a receiver on port 8787 (see
docs/webhooks.md) to watch them succeed."""

from __future__ import annotations

from datetime import timedelta

from app.demo.story_clock import StoryClock
from app.domain.roster.identity import Principal
from app.services.webhooks import WebhooksUseCases
from app.services.webhooks.endpoint_use_cases import RegisterEndpointCommand

# The demo's receiver is on this machine; the seed allows its host, as RELAIS_WEBHOOK_ALLOWED_HOSTS would.
DEMO_WEBHOOK_HOSTS = ("localhost",)
DEMO_WEBHOOK_URL = "http://localhost:8787/relais-webhooks"
REGISTERED = -2.0
ROTATED = -1.0
PINGED = -0.5


async def tell_webhooks(use_cases: WebhooksUseCases, story: StoryClock, admin: Principal) -> None:
    story.go_to(REGISTERED)
    command = RegisterEndpointCommand(
        url=DEMO_WEBHOOK_URL,
        event_types=("share.*", "conversion.attributed", "points.awarded"),
        description="CRM sync (demo)",
    )
    issued = await use_cases.register_endpoint(admin, command)
    story.go_to(ROTATED)
    await use_cases.rotate_secret(admin, issued.endpoint.id, timedelta(hours=24))
    story.go_to(PINGED)
    await use_cases.ping_endpoint(admin, issued.endpoint.id)
