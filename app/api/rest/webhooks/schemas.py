"""REST bodies of webhook endpoints and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from app.api.rest.bodies import JSON_INTEGER, Omittable, RequestBody, refuse_null
from app.api.rest.instants import Instant
from app.domain.integrations.integrations import MAX_OVERLAP
from app.domain.webhooks.addresses import MAX_URL_LENGTH
from app.domain.webhooks.deliveries import DeliveryState
from app.domain.webhooks.endpoints import MAX_DESCRIPTION_LENGTH, DisabledReason
from app.domain.webhooks.event_patterns import MAX_PATTERNS

ENDPOINT_ID = "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7b10"
_SECRET: dict[str, Any] = {
    "id": "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7b11",
    "issued_at": "2026-03-02T09:00:00Z",
    "expires_at": None,
}
_ENDPOINT: dict[str, Any] = {
    "id": ENDPOINT_ID,
    "url": "https://crm.example.com/hooks/relais",
    "description": "CRM sync",
    "event_types": ["share.*", "conversion.attributed"],
    "enabled": True,
    "disabled_reason": None,
    "failing_since": None,
    "secrets": [_SECRET],
    "created_at": "2026-03-02T09:00:00Z",
    "updated_at": "2026-03-02T09:00:00Z",
}
Url = Annotated[str, Field(min_length=1, max_length=MAX_URL_LENGTH)]
Pattern = Annotated[str, Field(min_length=1, max_length=100)]
Patterns = Annotated[list[Pattern], Field(min_length=1, max_length=MAX_PATTERNS)]
Description = Annotated[str, Field(max_length=MAX_DESCRIPTION_LENGTH)]


class EndpointCreate(RequestBody):
    """A receiver to send events to."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"url": "https://crm.example.com/hooks/relais", "event_types": ["share.*"]}]}
    )

    url: Url = Field(
        description="An https URL whose host resolves to public addresses only (loopback, private, link-local "
        "and metadata addresses are refused). Redirects are not followed."
    )
    event_types: Patterns = Field(
        description="The events wanted: types of the catalogue (`share.posted`), a resource's types (`share.*`) or `*`."
    )
    description: Description = Field(default="", description="What admins call it.")
    enabled: StrictBool = Field(default=True, description="Whether events are sent to it.")


class EndpointUpdate(RequestBody):
    """Only the fields sent change."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"enabled": False}]})

    url: Omittable[Url] = Field(default=None, description="A new URL, checked as at registration.")
    event_types: Omittable[Patterns] = Field(default=None, description="The events wanted.")
    description: Omittable[Description] = Field(default=None, description="What admins call it.")
    enabled: Omittable[StrictBool] = Field(
        default=None,
        description="Whether events are sent to it; enabling an endpoint disabled for its failures "
        "resumes its pending deliveries.",
    )

    _not_cleared = field_validator("url", "event_types", "description", "enabled")(refuse_null)


class RotationRequest(RequestBody):
    """How long the secrets in use keep signing beside the new one."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"overlap_seconds": 3600}]})

    overlap_seconds: Annotated[int, Field(ge=0, le=int(MAX_OVERLAP.total_seconds())), JSON_INTEGER] = Field(
        default=86_400,
        description="How long the secrets valid until now keep signing (24 hours by default); 0 ends them now.",
    )


class ReplayRequest(RequestBody):
    """Which deliveries to send again."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"since": "2026-03-02T08:00:00Z"}]})

    since: Instant = Field(description="Every delivery to the endpoint made at or after this instant.")


class SecretOut(BaseModel):
    """A signing secret, never its value."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SECRET]})

    id: UUID = Field(description="The secret's id.")
    issued_at: datetime = Field(description="When it was issued.")
    expires_at: datetime | None = Field(description="When it stops signing (a rotation's overlap); null: never.")


class EndpointOut(BaseModel):
    """A webhook endpoint; its secrets are listed without their values."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ENDPOINT]})

    id: UUID = Field(description="The endpoint's id.")
    url: str = Field(description="Where events are POSTed.")
    description: str = Field(description="What admins call it.")
    event_types: list[str] = Field(description="The events wanted (types, `resource.*` or `*`).")
    enabled: bool = Field(description="Whether events are sent to it.")
    disabled_reason: DisabledReason | None = Field(
        description="Why it is disabled: `admin` (by an admin) or `failing` (every attempt failed for days)."
    )
    failing_since: datetime | None = Field(
        description="Since when every attempt to it has failed; null after a success."
    )
    secrets: list[SecretOut] = Field(description="Its signing secrets, newest first; during a rotation, more than one.")
    created_at: datetime = Field(description="When it was registered.")
    updated_at: datetime = Field(description="When it last changed.")


class IssuedEndpointOut(EndpointOut):
    """The endpoint with its new secret in clear: shown this once, never again."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [_ENDPOINT | {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}
    )

    secret: str = Field(
        description="The Standard Webhooks secret (`whsec_`...) to verify signatures with. Keep it now."
    )


class AttemptOut(BaseModel):
    """One attempt of a delivery: when it ended, what the receiver answered and how long it took."""

    attempt: int = Field(description="Its number among the delivery's attempts, from 1.")
    attempted_at: datetime = Field(description="When it ended.")
    status_code: int | None = Field(description="The receiver's HTTP status; null when no answer came.")
    latency_ms: int = Field(description="How long the request took, in milliseconds.")
    error: str | None = Field(description="Why it failed; null when it succeeded.")


class DeliveryOut(BaseModel):
    """One event's delivery to the endpoint, with its attempts."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7b20",
                    "event_id": "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7b21",
                    "event_type": "share.posted",
                    "state": "succeeded",
                    "attempts": 2,
                    "next_attempt_at": None,
                    "created_at": "2026-03-02T09:00:00Z",
                    "log": [
                        {
                            "attempt": 2,
                            "attempted_at": "2026-03-02T09:00:05Z",
                            "status_code": 204,
                            "latency_ms": 41,
                            "error": None,
                        },
                        {
                            "attempt": 1,
                            "attempted_at": "2026-03-02T09:00:00Z",
                            "status_code": 503,
                            "latency_ms": 38,
                            "error": "Answered 503.",
                        },
                    ],
                }
            ]
        }
    )

    id: UUID = Field(description="The delivery's id.")
    event_id: UUID = Field(description="The event's id: the `webhook-id` header and the envelope's `id`.")
    event_type: str = Field(description="The event's type.")
    state: DeliveryState = Field(
        description="`pending` (an attempt is ahead), `succeeded` (a 2xx answer) or `failed` (every attempt failed, "
        "or the endpoint was disabled for its failures)."
    )
    attempts: int = Field(description="Attempts since it was made or last replayed.")
    next_attempt_at: datetime | None = Field(description="When it is tried next; null unless pending.")
    created_at: datetime = Field(description="When it was made.")
    log: list[AttemptOut] = Field(description="Every attempt, newest first.")


class ReplayedOut(BaseModel):
    """How many deliveries a replay made due again."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"replayed": 12}]})

    replayed: int = Field(description="How many deliveries are due again.")
