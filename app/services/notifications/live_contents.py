"""The worker's periodic job that announces contents scheduled for later when they go live."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.domain.notifications.notices import Notice
from app.ports.notifications import NotificationStore, ScheduledContentAudience
from app.ports.system import Clock
from app.services.notifications.handlers import content_notice


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveContentLimits:
    """Contents that went live within ``horizon`` are announced, ``batch`` a round: a worker stopped for
    longer than the horizon does not flood inboxes with contents of last week."""

    horizon: timedelta = timedelta(days=1)
    batch: int = 50


class AnnounceLiveContents:
    """A content approved for a later ``publish_at`` is announced to its audience when it goes live, once:
    the statement that tells them claims the content, so several workers never tell anyone twice.
    Answers how many contents it announced."""

    def __init__(self, store: NotificationStore, clock: Clock, limits: LiveContentLimits | None = None) -> None:
        self._store = store
        self._clock = clock
        self._limits = limits or LiveContentLimits()

    async def __call__(self) -> int:
        now = self._clock.now()
        due = await self._store.due_contents(now, now - self._limits.horizon, self._limits.batch)
        announced = 0
        for tenant_id, content_id in due:
            content = await self._store.content_facts(tenant_id, content_id)
            if content is None or not content.approved:
                continue
            kind, data = content_notice(content_id, content)
            notice = Notice(kind=kind, source_event_id=content_id, data=data)
            await self._store.fan_out(tenant_id, notice, ScheduledContentAudience(content_id), now)
            announced += 1
        return announced
