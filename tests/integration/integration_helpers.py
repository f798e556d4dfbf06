"""Steps of the integrations' tests: register an HRIS integration, sign and send its events."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import httpx
from standardwebhooks.webhooks import Webhook


async def register_hris(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    """A new HRIS webhook integration, with its secret in ``credential``."""
    body = {"kind": "hris_webhook", "name": "Workday"} | fields
    response = await client.post("/v1/integrations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def event(kind: str, at: str, **data: Any) -> dict[str, Any]:
    return {"type": f"employee.{kind}", "timestamp": at, "data": data}


def signed(
    secret: str, payload: dict[str, Any], *, webhook_id: str | None = None, signed_at: datetime | None = None
) -> tuple[bytes, dict[str, str]]:
    """The body and the Standard Webhooks headers a sender would send."""
    body = json.dumps(payload).encode()
    msg_id = webhook_id or f"msg_{uuid4().hex}"
    at = signed_at or datetime.now(UTC)
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, at, body),
    }
    return body, headers


async def deliver(
    client: httpx.AsyncClient,
    integration: dict[str, Any],
    payload: dict[str, Any],
    *,
    secret: str | None = None,
    webhook_id: str | None = None,
    signed_at: datetime | None = None,
) -> httpx.Response:
    body, headers = signed(secret or integration["credential"], payload, webhook_id=webhook_id, signed_at=signed_at)
    return await client.post(f"/v1/integrations/{integration['id']}/events", content=body, headers=headers)


TOO_OLD = timedelta(minutes=6)
