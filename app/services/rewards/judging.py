"""Judging an occurrence: the rule set in force when it occurred, what the ledger and the clicks say
at that moment, the awards ``RewardPolicy`` gives, stored in the handler's unit of work."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.policy import Occurrence, RewardPolicy, Standing, utc_day
from app.domain.rewards.rules import BEGINNING, RuleKind, RuleSet, in_force
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWork

# Every award a share ever earned from clicks falls before this.
_END_OF_TIME = datetime(9999, 1, 1, tzinfo=UTC)


async def standing_of(uow: UnitOfWork, rule_set: RuleSet, occurrence: Occurrence) -> Standing:
    """Only what the occurrence's rules read: a share's clicks for a click, the first share for a posting,
    the milestones a share was awarded for its engagement."""
    start, end = utc_day(occurrence.occurred_at)
    capped = [rule for rule in rule_set.rules if rule.daily_cap is not None and rule.kind is occurrence.kind]
    earned_today = {
        rule.key: await uow.points.points_between(occurrence.ambassador_id, rule.key, start, end) for rule in capped
    }
    if occurrence.kind is RuleKind.SHARE_POSTED:
        first = await uow.points.has_award(occurrence.ambassador_id, RuleKind.FIRST_SHARE.value)
        return Standing(earned_today=earned_today, first_share_rewarded=first)
    if occurrence.kind is RuleKind.ENGAGEMENT_MILESTONE and occurrence.share_id is not None:
        awarded = frozenset(
            entry.rule
            for entry in await uow.points.entries_of_share(occurrence.share_id)
            if entry.kind is EntryKind.AWARD and entry.rule.startswith(f"{RuleKind.ENGAGEMENT_MILESTONE.value}.")
        )
        return Standing(earned_today=earned_today, milestones_awarded=awarded)
    if occurrence.kind is RuleKind.COUNTED_CLICK and occurrence.share_id is not None:
        guard = rule_set.velocity_guard
        burst = await uow.reward_facts.click_burst(
            occurrence.share_id, occurrence.occurred_at - guard.window, occurrence.occurred_at
        )
        on_share = await uow.points.points_between(
            occurrence.ambassador_id,
            RuleKind.COUNTED_CLICK.value,
            BEGINNING,
            _END_OF_TIME,
            share_id=occurrence.share_id,
        )
        return Standing(
            earned_today=earned_today,
            earned_on_share=on_share,
            recent_clicks=burst.clicks,
            recent_visitors=burst.visitors,
        )
    return Standing(earned_today=earned_today)


async def rule_set_at(uow: UnitOfWork, tenant_id: UUID, at: datetime) -> RuleSet:
    return in_force(await uow.reward_rules.versions(), tenant_id, at)


async def judge(
    uow: UnitOfWork, tenant_id: UUID, occurrences: list[Occurrence], *, ids: IdGenerator, now: datetime
) -> list[PointEntry]:
    """Store what the occurrences earn (nothing twice: the ledger is once per event, rule and share)."""
    entries: list[PointEntry] = []
    for occurrence in occurrences:
        rule_set = await rule_set_at(uow, tenant_id, occurrence.occurred_at)
        standing = await standing_of(uow, rule_set, occurrence)
        awards = RewardPolicy(rule_set).evaluate(occurrence, standing)
        entries += [award.entry(occurrence, id=ids.new_id(), tenant_id=tenant_id, now=now) for award in awards]
    return await uow.points.append(entries) if entries else []
