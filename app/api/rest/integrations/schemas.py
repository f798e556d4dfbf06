"""REST bodies of integrations and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.rest.bodies import JSON_INTEGER, Omittable, RequestBody, refuse_null
from app.api.rest.texts import SINGLE_LINE_NOT_BLANK
from app.domain.integrations.deliveries import DeliveryOutcome
from app.domain.integrations.integrations import (
    MAX_NAME_LENGTH,
    MAX_OVERLAP,
    OWNABLE_FIELDS,
    IntegrationKey,
    IntegrationKind,
)

INTEGRATION_ID = "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7a30"
_CREDENTIAL: dict[str, Any] = {
    "id": "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7a31",
    "issued_at": "2026-03-02T09:00:00Z",
    "expires_at": None,
}
_INTEGRATION: dict[str, Any] = {
    "id": INTEGRATION_ID,
    "kind": "hris_webhook",
    "name": "Workday",
    "key": "external_id",
    "owned_fields": list(OWNABLE_FIELDS),
    "credentials": [_CREDENTIAL],
    "events_url": f"/v1/integrations/{INTEGRATION_ID}/events",
    "created_at": "2026-03-02T09:00:00Z",
    "updated_at": "2026-03-02T09:00:00Z",
}
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH), SINGLE_LINE_NOT_BLANK]
OwnableField = Annotated[str, Field(json_schema_extra={"enum": list(OWNABLE_FIELDS)})]


class IntegrationCreate(RequestBody):
    """A roster source to register."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"kind": "hris_webhook", "name": "Workday"}]})

    kind: IntegrationKind = Field(description="Its kind, which decides its credential; it never changes.")
    name: Name = Field(description="What admins call it.")
    key: IntegrationKey = Field(
        default=IntegrationKey.EXTERNAL_ID, description="The field that names an employee in the source."
    )
    owned_fields: list[OwnableField] | None = Field(
        default=None,
        max_length=len(OWNABLE_FIELDS),
        description="The roster fields this source may change; every one when omitted. Others it sends are ignored.",
    )


class IntegrationUpdate(RequestBody):
    """Only the fields sent change."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"owned_fields": ["department", "location"]}]})

    name: Omittable[Name] = Field(default=None, description="What admins call it.")
    owned_fields: Omittable[Annotated[list[OwnableField], Field(max_length=len(OWNABLE_FIELDS))]] = Field(
        default=None, description="The roster fields this source may change."
    )

    _not_cleared = field_validator("name", "owned_fields")(refuse_null)


class RotationRequest(RequestBody):
    """How long the credentials in use keep working beside the new one."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"overlap_seconds": 3600}]})

    overlap_seconds: Annotated[int, Field(ge=0, le=int(MAX_OVERLAP.total_seconds())), JSON_INTEGER] = Field(
        default=86_400,
        description="How long the credentials valid until now keep working (24 hours by default); 0 ends them now.",
    )


class CredentialOut(BaseModel):
    """A credential, never its secret."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CREDENTIAL]})

    id: UUID = Field(description="The credential's id.")
    issued_at: datetime = Field(description="When it was issued.")
    expires_at: datetime | None = Field(description="When it stops working (a rotation's overlap); null: never.")


class IntegrationOut(BaseModel):
    """A roster source; its credentials are listed while valid, without their secrets."""

    model_config = ConfigDict(json_schema_extra={"examples": [_INTEGRATION]})

    id: UUID = Field(description="The integration's id.")
    kind: IntegrationKind = Field(description="Its kind, which decides its credential.")
    name: str = Field(description="What admins call it.")
    key: IntegrationKey = Field(description="The field that names an employee in the source.")
    owned_fields: list[str] = Field(description="The roster fields this source may change.")
    credentials: list[CredentialOut] = Field(
        description="Its credentials, newest first, each with when it stops working; one that has stopped (by a "
        "rotation's overlap or a revocation) stays listed until the next rotation."
    )
    events_url: str | None = Field(description="Where an HRIS webhook sends its events (null for other kinds).")
    created_at: datetime = Field(description="When it was registered.")
    updated_at: datetime = Field(description="When it last changed.")


class IssuedIntegrationOut(IntegrationOut):
    """The integration with its new credential in clear: shown this once, never again."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [_INTEGRATION | {"credential": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}
    )

    credential: str | None = Field(
        description="A Standard Webhooks secret (`whsec_`...) for an HRIS webhook, a bearer token for SCIM, "
        "null for a file integration. Keep it now: it is never shown again."
    )


class DeliveryOut(BaseModel):
    """What one delivery did."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7a40",
                    "webhook_id": "msg_2Lq1c9T0",
                    "event_type": "employee.hired",
                    "external_id": "HR-1042",
                    "occurred_at": "2026-03-02T08:59:00Z",
                    "outcome": "applied",
                    "reason": "Hired.",
                    "received_at": "2026-03-02T09:00:00Z",
                }
            ]
        }
    )

    id: UUID = Field(description="The delivery's id.")
    webhook_id: str = Field(description="The sender's `webhook-id`: the key that makes a replay a duplicate.")
    event_type: str | None = Field(description="The event's type; null when the payload could not be read.")
    external_id: str | None = Field(description="The employee's id in the source; null when unread.")
    occurred_at: datetime | None = Field(description="When it happened at the source; null when unread.")
    outcome: DeliveryOutcome = Field(description="What it did.")
    reason: str = Field(description="Why, in words.")
    received_at: datetime = Field(description="When Relais received it.")
