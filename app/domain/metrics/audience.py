"""The audience of ambassadors' social accounts over time: the programme's network growth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class AudienceObservation:
    """A social account's audience as its ambassador gave it at ``observed_at``: when they connected the
    account, and each time they changed it since."""

    tenant_id: UUID
    social_account_id: UUID
    observed_at: datetime
    audience_size: int
