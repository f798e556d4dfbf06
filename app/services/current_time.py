"""The instant statuses derived from dates are read at (published, expired, active)."""

from __future__ import annotations

from datetime import datetime

from app.services.base import UseCase


class CurrentTime(UseCase):
    """The services' clock, so that both APIs read a content or campaign status at the instant
    the use cases judge it, and tests can move it."""

    def __call__(self) -> datetime:
        return self._clock.now()
