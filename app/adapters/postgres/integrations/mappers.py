"""Rows of integrations, credentials and deliveries to domain objects, and back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.integrations.deliveries import Delivery, DeliveryOutcome
from app.domain.integrations.integrations import Credential, Integration, IntegrationKey, IntegrationKind


def integration_values(integration: Integration) -> dict[str, Any]:
    return {
        "tenant_id": integration.tenant_id,
        "id": integration.id,
        "kind": integration.kind.value,
        "name": integration.name,
        "key": integration.key.value,
        "owned_fields": sorted(integration.owned_fields),
        "version": integration.version,
        "created_at": integration.created_at,
        "updated_at": integration.updated_at,
    }


def credential_values(integration: Integration, credential: Credential) -> dict[str, Any]:
    return {
        "tenant_id": integration.tenant_id,
        "id": credential.id,
        "integration_id": integration.id,
        "sealed_secret": credential.sealed_secret,
        "token_digest": credential.token_digest,
        "issued_at": credential.issued_at,
        "expires_at": credential.expires_at,
    }


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None


def credential_from_document(item: Mapping[str, Any]) -> Credential:
    """A credential as the read's ``json_agg`` spells it: ids and instants as text."""
    issued_at = _instant(item["issued_at"])
    assert issued_at is not None  # noqa: S101 - the column is not null
    return Credential(
        id=UUID(item["id"]),
        issued_at=issued_at,
        expires_at=_instant(item["expires_at"]),
        sealed_secret=item["sealed_secret"],
        token_digest=item["token_digest"],
    )


def integration_from_row(row: Any) -> Integration:
    return Integration(
        id=row.id,
        tenant_id=row.tenant_id,
        kind=IntegrationKind(row.kind),
        name=row.name,
        key=IntegrationKey(row.key),
        owned_fields=frozenset(row.owned_fields),
        credentials=[credential_from_document(item) for item in row.credentials],
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def delivery_values(delivery: Delivery) -> dict[str, Any]:
    return {
        "tenant_id": delivery.tenant_id,
        "id": delivery.id,
        "integration_id": delivery.integration_id,
        "webhook_id": delivery.webhook_id,
        "event_type": delivery.event_type,
        "external_id": delivery.external_id,
        "occurred_at": delivery.occurred_at,
        "outcome": delivery.outcome.value,
        "reason": str(delivery.reason),
        "received_at": delivery.received_at,
    }


def delivery_from_row(row: Any) -> Delivery:
    return Delivery(
        id=row.id,
        tenant_id=row.tenant_id,
        integration_id=row.integration_id,
        webhook_id=row.webhook_id,
        event_type=row.event_type,
        external_id=row.external_id,
        occurred_at=row.occurred_at,
        outcome=DeliveryOutcome(row.outcome),
        reason=row.reason,
        received_at=row.received_at,
    )
