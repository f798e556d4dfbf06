"""Why a roster source's delivery is refused."""

from __future__ import annotations

from app.domain.errors import Conflict, Unauthenticated


class UnverifiedDelivery(Unauthenticated):
    """The delivery's signature matches no valid secret of the integration it names (or it is unsigned,
    too old, or names no HRIS integration): nothing is written, not even to the log."""

    code = "unverified-delivery"


class DeliveryRefused(Conflict):
    """A verified event that cannot apply to the roster as it stands (an update for an employee not
    hired yet, a change to one who left): nothing changes, the refusal is logged, and a retry is judged afresh."""

    code = "delivery-refused"
