"""The demo's HRIS: a Workday integration that told of a hire and a move, once twice (a retry) and once
late (an older event arriving after a newer one). Plain data; ``seed_integrations`` tells it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

INTEGRATION_NAME = "Workday"
REGISTERED = -3.0


@dataclass(frozen=True, slots=True)
class DemoDelivery:
    """One delivery: when it arrived (days from the seeding), its webhook-id and its event, whose
    ``timestamp`` is days from the seeding too."""

    received: float
    webhook_id: str
    type: str
    happened: float
    data: dict[str, Any]


NINA = {
    "external_id": "WD-1013",
    "email": "nina.keller@demo.relais.example",
    "given_name": "Nina",
    "family_name": "Keller",
    "department": "Engineering",
    "location": "Berlin",
    "language": "de",
}
MUNICH = {"external_id": "WD-1013", "location": "Munich"}
HAMBURG = {"external_id": "WD-1013", "location": "Hamburg"}
DELIVERIES = (
    # Applied: Nina is hired.
    DemoDelivery(-2.0, "msg_demo_hire_nina", "employee.hired", -2.01, NINA),
    # Applied: she moves to Munich.
    DemoDelivery(
        -1.0, "msg_demo_move_nina", "employee.updated", -1.01, {"external_id": "WD-1013", "location": "Munich"}
    ),
    # Duplicate: the HRIS retried the move it had already delivered.
    DemoDelivery(
        -0.99, "msg_demo_move_nina", "employee.updated", -1.01, {"external_id": "WD-1013", "location": "Munich"}
    ),
    # Stale: a correction made before the move arrived after it, and changes nothing.
    DemoDelivery(
        -0.5, "msg_demo_late_nina", "employee.updated", -1.5, {"external_id": "WD-1013", "location": "Hamburg"}
    ),
)
