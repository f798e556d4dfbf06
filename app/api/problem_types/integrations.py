"""Problem types of integrations: deliveries from roster sources that are not verified, or not applied."""

from __future__ import annotations

from app.api.problem_types.problem_type import of_error
from app.domain.integrations import refusals
from app.domain.messages import Message
from app.services.integrations.receive_hris_event import UNVERIFIED

UNVERIFIED_DELIVERY = of_error(
    refusals.UnverifiedDelivery,
    401,
    "Delivery not verified",
    means="The delivery's Standard Webhooks signature matches no valid secret of the integration it names, its "
    "signature headers are missing, or its webhook-timestamp is more than 5 minutes from now. Nothing was written.",
    fix="Sign the exact body with the integration's current secret (`whsec_`...), with a fresh webhook-timestamp; "
    "after a revocation, rotate to get a new secret.",
    example=refusals.UnverifiedDelivery(UNVERIFIED),
)
DELIVERY_REFUSED = of_error(
    refusals.DeliveryRefused,
    409,
    "Delivery not applicable",
    means="The event is valid but cannot apply to the roster as it stands (an update for an employee not hired "
    "yet, a change to one who left). Nothing changed; the delivery is logged as refused.",
    fix="Send the event that must come first (`employee.hired`, `employee.rehired`); a retry of this one is "
    "judged afresh.",
    example=refusals.DeliveryRefused(
        Message("No employee has this key yet; send {hired} first (a retry may find them).", hired="employee.hired")
    ),
)
