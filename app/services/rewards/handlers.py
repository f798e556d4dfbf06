"""The worker's rewards handler: events become ledger entries, once each, under the rules in force when
they occurred; a cancelled share and an invalidated conversion become reversal entries."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any
from uuid import UUID

from app.domain.attribution.conversions import ConversionType
from app.domain.events import EventType, RecordedEvent
from app.domain.messages import Message
from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.policy import Occurrence
from app.domain.rewards.rules import RuleKind
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.sharing.engagement import COUNTS
from app.domain.sharing.shares import Share, ShareStatus
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import OncePerEvent
from app.services.rewards.judging import judge

# The rule keys whose points a cancelled share gives back: what the share itself earned. Conversions
# credited to it happened all the same, and keep theirs.
_UNDONE_WITH_SHARE = ("share_posted", "first_share", "counted_click", "engagement_milestone")


class RewardPoints(OncePerEvent):
    """Turns ``share.posted``, ``click.recorded`` (counted clicks of unique visitors only: never a bot,
    ``HEAD``, prefetch, a repeat within 24 hours or the ambassador's own), ``share.engagement_recorded``
    (each milestone once per share, when its totals first reach it), ``conversion.attributed``,
    ``content.approved`` (of content an ambassador proposed), ``charter.accepted``, ``training.completed``
    (each module once) and ``survey.answered`` (each survey once) into awards, and ``share.cancelled`` and
    ``conversion.invalidated`` into reversals. A share's events that occur after its ambassador left the
    programme (a departure included) earn nothing."""

    name = "rewards"
    event_types = frozenset(
        {
            EventType.SHARE_POSTED,
            EventType.SHARE_CANCELLED,
            EventType.CLICK_RECORDED,
            EventType.SHARE_ENGAGEMENT_RECORDED,
            EventType.CONVERSION_ATTRIBUTED,
            EventType.CONVERSION_INVALIDATED,
            EventType.CONTENT_APPROVED,
            EventType.CHARTER_ACCEPTED,
            EventType.TRAINING_COMPLETED,
            EventType.SURVEY_ANSWERED,
        }
    )

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        now = self._clock.now()
        if event.type == EventType.SHARE_CANCELLED:
            share_id = UUID(event.data["id"])
            entries = await uow.points.entries_of_share(share_id)
            undone = [e for e in entries if e.rule.split(".")[0] in _UNDONE_WITH_SHARE]
            await reverse(uow, undone, entries, event, self._ids, now, Message("The share was cancelled"))
            return
        if event.type == EventType.CONVERSION_INVALIDATED:
            conversion_id = UUID(event.data["conversion_id"])
            entries = await uow.points.entries_of_conversion(conversion_id)
            why = Message("The conversion was reported invalid ({reason})", reason=event.data.get("reason", ""))
            await reverse(uow, entries, entries, event, self._ids, now, why)
            return
        occurrences = [
            occurrence
            for occurrence in await self._occurrences(uow, event)
            if occurrence.share_id is None or await _still_member(uow, occurrence.ambassador_id, event.occurred_at)
        ]
        if occurrences:
            await judge(uow, event.tenant_id, occurrences, ids=self._ids, now=now)

    async def _occurrences(self, uow: UnitOfWork, event: RecordedEvent) -> list[Occurrence]:
        data = event.data
        base: dict[str, Any] = {
            "source_event_id": event.id,
            "source_event_type": event.type,
            "occurred_at": event.occurred_at,
        }
        if event.type == EventType.SHARE_POSTED:
            share = await uow.shares.get(UUID(data["id"]))
            return [await _on_share(uow, share, RuleKind.SHARE_POSTED, base)] if share else []
        if event.type == EventType.CLICK_RECORDED:
            counted = data.get("kind") == "counted" and data.get("is_unique") and not data.get("is_self")
            share = await uow.shares.get(UUID(data["share_id"])) if counted else None
            return [await _on_share(uow, share, RuleKind.COUNTED_CLICK, base)] if share else []
        if event.type == EventType.SHARE_ENGAGEMENT_RECORDED:
            # The share's row is locked until the awards commit, so two workers judging reports of the
            # same share one after the other each see what the other awarded: a milestone is paid once.
            share = await uow.shares.get(UUID(data["id"]), for_update=True)
            if share is None or share.status is not ShareStatus.POSTED:
                return []
            totals = data.get("totals", {})
            reached = MappingProxyType({name: int(totals.get(name, 0)) for name in COUNTS})
            return [await _on_share(uow, share, RuleKind.ENGAGEMENT_MILESTONE, base | {"reached": reached})]
        if event.type == EventType.CONVERSION_ATTRIBUTED:
            conversion_id = UUID(data["conversion_id"])
            if await uow.reward_facts.invalidation(conversion_id) is not None:
                return []
            found = []
            for credit in data.get("credits", []):
                share = await uow.shares.get(UUID(credit["share_id"]))
                if share is None:
                    continue
                numerator, denominator = (int(part) for part in credit["weight"].split("/"))
                extra = {
                    "conversion_id": conversion_id,
                    "conversion_type": ConversionType(data["type"]),
                    "credit": Fraction(numerator, denominator),
                }
                found.append(await _on_share(uow, share, RuleKind.CONVERSION, base | extra))
            return found
        if event.type == EventType.CONTENT_APPROVED:
            content = await uow.contents.get(UUID(data["id"]))
            if content is None or not content.proposed:
                return []
            employee = await uow.employees.find_by_subject(content.created_by)
            ambassador = await uow.ambassadors.get_by_employee(employee.id) if employee else None
            if ambassador is None:
                return []
            return [Occurrence(kind=RuleKind.CONTENT_CO_CREATED, ambassador_id=ambassador.id, **base)]
        if event.type == EventType.CHARTER_ACCEPTED:
            ambassador_id = UUID(data["id"])
            if await uow.points.has_award(ambassador_id, RuleKind.CHARTER_ACCEPTED.value):
                return []  # the programme's charter earns points once, not at each new version
            return [Occurrence(kind=RuleKind.CHARTER_ACCEPTED, ambassador_id=ambassador_id, **base)]
        if event.type == EventType.TRAINING_COMPLETED:
            # Each module is completed once per ambassador, so its one event earns once.
            return [Occurrence(kind=RuleKind.TRAINING_COMPLETED, ambassador_id=UUID(data["ambassador_id"]), **base)]
        if event.type == EventType.SURVEY_ANSWERED:
            # Once per survey: its respondent row refuses a second answer, and the award is keyed by its event.
            return [Occurrence(kind=RuleKind.SURVEY_ANSWERED, ambassador_id=UUID(data["ambassador_id"]), **base)]
        return []


async def _still_member(uow: UnitOfWork, ambassador_id: UUID, at: datetime) -> bool:
    """Whether the ambassador was still a member when it happened: the links of one who left (by their
    own opt-out or a departure from the company) earn nothing from then on."""
    member = await uow.ambassadors.get(ambassador_id)
    if member is None or member.status is not MembershipStatus.LEFT:
        return True
    return member.left_at is None or at < member.left_at


async def _on_share(uow: UnitOfWork, share: Share, kind: RuleKind, base: dict[str, Any]) -> Occurrence:
    multiplier = Decimal(1)
    if share.campaign_id is not None:
        campaign = await uow.campaigns.get(share.campaign_id)
        multiplier = campaign.fields.points_multiplier if campaign is not None else multiplier
    return Occurrence(
        kind=kind,
        ambassador_id=share.ambassador_id,
        share_id=share.id,
        campaign_id=share.campaign_id,
        network=share.network,
        multiplier=multiplier,
        **base,
    )


async def reverse(
    uow: UnitOfWork,
    undone: list[PointEntry],
    every: list[PointEntry],
    event: RecordedEvent,
    ids: IdGenerator,
    now: datetime,
    why: str,
) -> list[PointEntry]:
    """Reversal entries for the counted awards among ``undone`` that no entry of ``every`` reversed yet."""
    reversed_ids = {entry.reverses for entry in every if entry.reverses is not None}
    reversals = [
        PointEntry(
            id=ids.new_id(),
            tenant_id=event.tenant_id,
            ambassador_id=entry.ambassador_id,
            points=-entry.points,
            kind=EntryKind.REVERSAL,
            rule=entry.rule,
            rule_set_version=entry.rule_set_version,
            source_event_id=event.id,
            source_event_type=event.type,
            share_id=entry.share_id,
            campaign_id=entry.campaign_id,
            conversion_id=entry.conversion_id,
            reason=why + Message(": {points} points of entry {entry} taken back.", points=entry.points, entry=entry.id),
            reverses=entry.id,
            occurred_at=event.occurred_at,
            recorded_at=now,
        )
        for entry in undone
        if entry.kind is EntryKind.AWARD and entry.counted and entry.points > 0 and entry.id not in reversed_ids
    ]
    return await uow.points.append(reversals) if reversals else []
