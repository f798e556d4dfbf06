"""GraphQL enums of integrations: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.integrations.deliveries import DeliveryOutcome
from app.domain.integrations.integrations import IntegrationKey, IntegrationKind

__all__ = ["DeliveryOutcome", "IntegrationKey", "IntegrationKind"]

domain_enum(
    IntegrationKind,
    "How a roster source talks to Relais.",
    {
        IntegrationKind.HRIS_WEBHOOK: "An HRIS sending Standard Webhooks events, signed with a `whsec_` secret.",
        IntegrationKind.SCIM: "An identity provider speaking SCIM 2.0 with a bearer token.",
        IntegrationKind.FILE: "Roster files sent by an integrator; no credential of its own.",
    },
)
domain_enum(
    IntegrationKey,
    "The field that names an employee in a roster source.",
    {
        IntegrationKey.EXTERNAL_ID: "The employee's id in the source (`externalId`).",
        IntegrationKey.EMAIL: "The employee's work e-mail, without regard to case.",
    },
)
domain_enum(
    DeliveryOutcome,
    "What a delivery did.",
    {
        DeliveryOutcome.APPLIED: "It changed the roster (or found it as it says).",
        DeliveryOutcome.DUPLICATE: "Its webhook-id was processed before; nothing changed.",
        DeliveryOutcome.STALE: "The source had told of a later change to the employee first; nothing changed.",
        DeliveryOutcome.REFUSED: "It was not a valid event, or could not apply; nothing changed.",
    },
)
