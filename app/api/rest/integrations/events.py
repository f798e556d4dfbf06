"""``POST /v1/integrations/{id}/events``: an HRIS's Standard Webhooks intake. No access token: the
signature proves the sender, so the raw body is read as sent (a parsed and re-serialised body would
not match its signature)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request

from app.api import problem_types as problem
from app.api.rest.deps import get_runtime
from app.api.rest.integrations.mappers import delivery_out
from app.api.rest.integrations.schemas import DeliveryOut
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute
from app.api.runtime import Runtime
from app.services.integrations.receive_hris_event import HrisDelivery

router = APIRouter(prefix="/v1/integrations", tags=["integrations"], route_class=OperationRoute)

ENVELOPE_EXAMPLE = {
    "type": "employee.hired",
    "timestamp": "2026-03-02T08:59:00Z",
    "data": {
        "external_id": "HR-1042",
        "email": "ada.lovelace@example.com",
        "given_name": "Ada",
        "family_name": "Lovelace",
        "department": "R&D",
        "manager_external_id": "HR-1001",
        "hired_on": "2026-03-02",
    },
}
ENVELOPE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "timestamp", "data"],
    "additionalProperties": False,
    "properties": {
        "type": {
            "type": "string",
            "enum": ["employee.hired", "employee.updated", "employee.terminated", "employee.rehired"],
            "description": "What happened; `employee.updated` carries only the fields that changed.",
        },
        "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When it happened at the source (RFC 3339): an event older than the last one applied "
            "to the employee changes nothing.",
        },
        "data": {
            "type": "object",
            "description": "The employee's fields (see docs/integrations.md for their JSON Schema); `external_id` "
            "is required; null or an empty string clears an optional field.",
        },
    },
}
SIGNATURE_HEADERS = [
    {"name": name, "in": "header", "required": True, "description": text, "schema": {"type": "string"}}
    for name, text in (
        ("webhook-id", "The delivery's id: the same id again is a duplicate (recognised for 30 days)."),
        ("webhook-timestamp", "When it was signed, in Unix seconds; refused beyond 5 minutes from now."),
        ("webhook-signature", "`v1,` and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` (Standard Webhooks)."),
    )
]


@router.post(
    "/{integration_id}/events",
    summary="Deliver an HRIS event",
    response_description="Verified and processed: what the delivery did (`applied`, `duplicate` or `stale`).",
    responses=problems(
        problem.UNVERIFIED_DELIVERY,
        problem.DELIVERY_REFUSED,
        problem.DUPLICATE_VALUE,
        problem.VALIDATION_FAILED,
        problem.RATE_LIMITED,
        problem.PAYLOAD_TOO_LARGE,
    ),
    openapi_extra={
        "parameters": SIGNATURE_HEADERS,
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ENVELOPE_SCHEMA, "example": ENVELOPE_EXAMPLE}},
        },
    },
)
async def receive_event(
    integration_id: UUID, request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
) -> DeliveryOut:
    """An HRIS's event, signed as Standard Webhooks says with the integration's secret; no access token.
    Unsigned, badly signed or older than 5 minutes: 401 `unverified-delivery`, and nothing is written.
    Otherwise applied once per `webhook-id` in one transaction with its log entry; the same id again
    answers 200 `duplicate` and changes nothing. A payload that is not a valid event answers 422
    naming the field, an event the roster refuses (an update for someone not hired yet) 409
    `delivery-refused`; both are logged as refused, and a retry is judged afresh."""
    if runtime.rate_limits is not None:
        await runtime.rate_limits.count_delivery(request.scope, str(integration_id))
    headers = {name.lower(): value for name, value in request.headers.items()}
    delivery = HrisDelivery(integration_id=integration_id, body=await request.body(), headers=headers)
    return delivery_out(await runtime.services.integrations.receive_hris_event(delivery))
