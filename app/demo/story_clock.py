"""The demo seed's clock: the use cases it calls read the instant the story is at."""

from __future__ import annotations

from datetime import datetime, timedelta


class StoryClock:
    """The seed's clock: it reads the instant the story is at, a number of days from ``present``
    (the moment of seeding), so the demo's history lies in the weeks before it."""

    def __init__(self, present: datetime) -> None:
        self.present = present
        self._now = present

    def now(self) -> datetime:
        return self._now

    def go_to(self, days: float) -> None:
        self._now = self.present + timedelta(days=days)


def at(present: datetime, days: float) -> datetime:
    """The instant ``days`` after ``present`` (before it when negative)."""
    return present + timedelta(days=days)
