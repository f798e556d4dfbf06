"""The worker's handlers of recognition: leaderboard rollups moved by awarded and reversed points,
and badges earned from the events that show progress (a share posted, a conversion credited, a
unique visitor, a proposed content approved). Each change commits with its once-only marker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from app.domain.events import EventType, RecordedEvent
from app.domain.rewards.badges import Badge, EarnedBadge, Metric, Progress, catalogue, counter_periods, newly_earned
from app.domain.rewards.periods import CALENDAR_KINDS, EPOCH, PeriodKind, period_start
from app.ports.recognition import RollupChange
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import OncePerEvent

# How far back the badge criteria look at weekly counters (the longest streak they can ask for).
STREAK_WEEKS_READ = 52


class RollUpPoints(OncePerEvent):
    """Adds an entry's points (negative for a reversal) to its ambassador's rollups: every calendar
    period holding the moment the points were earned, programme-wide and in the entry's campaign,
    and the campaign's own period when the moment falls inside it."""

    name = "leaderboard-rollups"
    event_types = frozenset({EventType.POINTS_AWARDED.value, EventType.POINTS_REVERSED.value})

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        data = event.data
        points = int(data.get("points") or 0)
        if not points:
            return
        ambassador = UUID(data["ambassador_id"])
        occurred = _instant(data.get("occurred_at"), event.occurred_at)
        campaign_id = UUID(data["campaign_id"]) if data.get("campaign_id") else None
        time_zone = (await uow.settings.get()).time_zone
        changes = []
        for campaign in (None, campaign_id) if campaign_id else (None,):
            changes += [
                RollupChange(
                    ambassador_id=ambassador,
                    kind=kind,
                    start=period_start(kind, occurred, time_zone),
                    campaign_id=campaign,
                    points=points,
                )
                for kind in CALENDAR_KINDS
            ]
        if campaign_id is not None:
            found = await uow.campaigns.get(campaign_id)
            if found is not None and _within(occurred, found.fields.starts_at, found.fields.ends_at):
                changes.append(
                    RollupChange(
                        ambassador_id=ambassador,
                        kind=PeriodKind.CAMPAIGN,
                        start=EPOCH,
                        campaign_id=campaign_id,
                        points=points,
                    )
                )
        await uow.recognition.add_points(changes)


class AwardBadges(OncePerEvent):
    """Counts what the event shows for each ambassador it concerns, then awards the badges whose
    criteria their counters now meet (each once, ever)."""

    name = "badges"
    event_types = frozenset(
        {
            EventType.SHARE_POSTED.value,
            EventType.CONVERSION_ATTRIBUTED.value,
            EventType.CONTENT_APPROVED.value,
            EventType.CLICK_RECORDED.value,
        }
    )

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        progress = await _progress_of(uow, event)
        if not progress:
            return
        time_zone = (await uow.settings.get()).time_zone
        week = period_start(PeriodKind.WEEK, event.occurred_at, time_zone)
        badges = catalogue(await uow.recognition.own_badges())
        for ambassador_id, metric, count in progress:
            await uow.recognition.count(ambassador_id, metric, counter_periods(metric, week), by=count)
            await award(uow, event.tenant_id, ambassador_id, badges, week, at=event.occurred_at, source=event.id)


async def award(
    uow: UnitOfWork,
    tenant_id: UUID,
    ambassador_id: UUID,
    badges: Sequence[Badge],
    week: date,
    *,
    at: datetime,
    source: UUID | None,
) -> list[EarnedBadge]:
    """Award the badges the ambassador's counters now meet and does not hold yet."""
    counters = await uow.recognition.counters(ambassador_id, week - timedelta(weeks=STREAK_WEEKS_READ))
    totals = {metric: count for (metric, start), count in counters.items() if start == EPOCH}
    progress = Progress(week=week, totals=totals, weeks=counters)
    held = [badge.badge_key for badge in await uow.recognition.earned(ambassador_id)]
    earned = [
        EarnedBadge.earn(badge, tenant_id=tenant_id, ambassador_id=ambassador_id, at=at, source_event_id=source)
        for badge in newly_earned(badges, progress, held)
    ]
    return await uow.recognition.earn(earned)


async def _progress_of(uow: UnitOfWork, event: RecordedEvent) -> list[tuple[UUID, Metric, int]]:
    data: Mapping[str, Any] = event.data
    if event.type == EventType.SHARE_POSTED:
        return [(UUID(data["ambassador_id"]), Metric.SHARES, 1)]
    if event.type == EventType.CONVERSION_ATTRIBUTED:
        metric = {"lead": Metric.LEADS, "hire": Metric.HIRES}.get(str(data.get("type")))
        if metric is None:
            return []
        credited = sorted({UUID(credit["ambassador_id"]) for credit in data.get("credits", [])})
        return [(ambassador, metric, 1) for ambassador in credited]
    if event.type == EventType.CLICK_RECORDED:
        if data.get("kind") != "counted" or not data.get("is_unique") or data.get("is_self"):
            return []
        share = await uow.shares.get(UUID(data["share_id"]))
        return [] if share is None else [(share.ambassador_id, Metric.UNIQUE_VISITORS, 1)]
    if event.type == EventType.CONTENT_APPROVED:
        content = await uow.contents.get(UUID(data["id"]))
        if content is None or not content.proposed:
            return []
        employee = await uow.employees.find_by_subject(content.created_by)
        member = None if employee is None else await uow.ambassadors.get_by_employee(employee.id)
        return [] if member is None else [(member.id, Metric.CO_AUTHORED, 1)]
    return []


def _instant(text: object, default: datetime) -> datetime:
    if isinstance(text, str):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return default
    return default


def _within(moment: datetime, start: datetime | None, end: datetime | None) -> bool:
    return (start is None or moment >= start) and (end is None or moment < end)
