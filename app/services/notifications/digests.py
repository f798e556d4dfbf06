"""The worker's periodic job that prepares each member's weekly digest for the tenant's mailer."""

from __future__ import annotations

import time
from datetime import timedelta

from app.domain.notifications.digests import (
    DEFAULT_DIGEST_TIME,
    DEFAULT_DIGEST_WEEKDAY,
    DIGEST_TIME,
    digest_due_at,
)
from app.domain.rewards.periods import DEFAULT_TIME_ZONE, known_zones
from app.ports.notifications import DigestBatch, DigestSchedule, DigestStore
from app.ports.system import Clock

DIGEST_BATCH = 500


class PrepareWeeklyDigests:
    """Once a tenant's digest moment of the week has come (its weekday and local time, in its time zone),
    each active member who wants the digest gets one ``digest.prepared`` event for the week: the contents
    for them that went live in the seven days before (no more than their weekly share limit) and their
    impact over those days (shares posted, points). A member in quiet hours gets it when they end. Never
    two a week for one member: the week's row is the claim, whatever the number of workers. Looks at most
    once a minute per worker; answers how many digests it prepared."""

    def __init__(self, store: DigestStore, clock: Clock, *, every: timedelta = timedelta(minutes=1)) -> None:
        self._store = store
        self._clock = clock
        self._every = every.total_seconds()
        self._next = -float("inf")

    async def __call__(self) -> int:
        if time.monotonic() < self._next:
            return 0
        self._next = time.monotonic() + self._every
        now = self._clock.now()
        prepared = 0
        for schedule in await self._store.schedules():
            zone, weekday, at = _readable(schedule)
            week, due_at = digest_due_at(now, weekday, at, zone)
            if now < due_at:
                continue
            since = due_at - timedelta(days=7)
            batch = DigestBatch(limit=DIGEST_BATCH)
            while True:
                done = await self._store.prepare(schedule.tenant_id, week, since, now, zone, batch)
                prepared += done.prepared
                if done.read < DIGEST_BATCH:
                    break
                batch = DigestBatch(limit=DIGEST_BATCH, after=done.last)
        return prepared


def _readable(schedule: DigestSchedule) -> tuple[str, int, str]:
    zone = schedule.time_zone if schedule.time_zone in known_zones() else None
    weekday = (
        int(schedule.weekday) if schedule.weekday in {"1", "2", "3", "4", "5", "6", "7"} else DEFAULT_DIGEST_WEEKDAY
    )
    at = schedule.at if schedule.at is not None and DIGEST_TIME.fullmatch(schedule.at) else DEFAULT_DIGEST_TIME
    return zone or DEFAULT_TIME_ZONE, weekday, at
