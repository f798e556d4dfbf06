"""In-memory sharing adapters: the daily visitor salts (more join as sharing grows)."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.visitors import DailySalt, VisitorSalts


class FakeVisitorSaltStore:
    """Creates each day's salt on first use and forgets those older than yesterday, as PostgreSQL does."""

    def __init__(self) -> None:
        self.days: dict[date, DailySalt] = {}
        self.calls = 0

    async def salts(self, today: date) -> VisitorSalts:
        self.calls += 1
        yesterday = today - timedelta(days=1)
        if today not in self.days:
            self.days[today] = DailySalt.generate(today)
            self.days = {day: salt for day, salt in self.days.items() if day >= yesterday}
        return VisitorSalts(current=self.days[today], previous=self.days.get(yesterday))
