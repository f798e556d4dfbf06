"""``RewardPolicy.evaluate``: what one event earns under the rule set in force when it occurred, after
the campaign's multiplier, the caps and the velocity guard, each award explaining itself."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from uuid import UUID

from app.domain.attribution.conversions import ConversionType
from app.domain.messages import Message
from app.domain.networks import Network
from app.domain.rewards.ledger import CapHit, EntryKind, EntryStatus, PointEntry
from app.domain.rewards.rules import Rule, RuleKind, RuleSet


@dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    """An event as the rules read it: who it is for, when it occurred and what it is about. A
    conversion comes as one occurrence per credited share, with that share's ``credit``; a milestone
    names the ``reached`` counts of its share."""

    kind: RuleKind
    source_event_id: UUID
    source_event_type: str
    ambassador_id: UUID
    occurred_at: datetime
    share_id: UUID | None = None
    campaign_id: UUID | None = None
    conversion_id: UUID | None = None
    network: Network | None = None
    conversion_type: ConversionType | None = None
    credit: Fraction = Fraction(1)
    multiplier: Decimal = Decimal(1)
    reached: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True, kw_only=True)
class Standing:
    """What the ledger and the clicks say when the event is judged: the points each rule already
    earned the ambassador on the event's UTC day, the points the share already earned from clicks,
    whether the ambassador's first share was already rewarded, the share's counted clicks (with
    their distinct visitor digests) in the velocity guard's window before the event, and the keys of
    the milestones the share was already awarded (each is earned once per share)."""

    earned_today: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    earned_on_share: int = 0
    first_share_rewarded: bool = False
    milestones_awarded: frozenset[str] = frozenset()
    recent_clicks: int = 0
    recent_visitors: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Award:
    """Points an occurrence earns under one rule, with why."""

    rule: Rule
    rule_set_version: int
    points: int
    multiplier: Decimal
    cap_hit: CapHit | None
    withheld: bool
    reason: str

    def entry(self, occurrence: Occurrence, *, id: UUID, tenant_id: UUID, now: datetime) -> PointEntry:  # noqa: A002
        return PointEntry(
            id=id,
            tenant_id=tenant_id,
            ambassador_id=occurrence.ambassador_id,
            points=self.points,
            kind=EntryKind.AWARD,
            status=EntryStatus.WITHHELD if self.withheld else EntryStatus.CREDITED,
            rule=self.rule.key,
            rule_set_version=self.rule_set_version,
            source_event_id=occurrence.source_event_id,
            source_event_type=occurrence.source_event_type,
            share_id=occurrence.share_id,
            campaign_id=occurrence.campaign_id,
            conversion_id=occurrence.conversion_id,
            multiplier=self.multiplier,
            cap_hit=self.cap_hit,
            reason=self.reason,
            occurred_at=occurrence.occurred_at,
            recorded_at=now,
        )


def utc_day(at: datetime) -> tuple[datetime, datetime]:
    """The UTC day an instant falls in, as ``[start, end)``: the period of the daily caps."""
    utc = at.astimezone(UTC)
    start = datetime(utc.year, utc.month, utc.day, tzinfo=UTC)
    return start, start + timedelta(days=1)


def scaled(points: int, weight: Decimal, multiplier: Decimal, credit: Fraction) -> int:
    """``points * weight * multiplier * credit`` computed exactly, then rounded half up to a whole point
    once, at the end (a third of a 20-point lead at 1.5 is 10 points; a third of 10 is 3; half of 5 is 3)."""
    exact = Fraction(points) * Fraction(weight) * Fraction(multiplier) * credit
    return math.floor(exact + Fraction(1, 2))


class RewardPolicy:
    """The rules of one version, applied to occurrences that happened while it was in force."""

    def __init__(self, rule_set: RuleSet) -> None:
        self.rule_set = rule_set

    def evaluate(self, occurrence: Occurrence, standing: Standing) -> list[Award]:
        """The awards an occurrence earns: none when no rule of its kind is set (or it earns 0 before any
        cap); a capped award keeps what its cap still allowed, down to 0 points, so the ledger says the
        cap was hit. Counted clicks in a burst the velocity guard finds suspicious are withheld."""
        return [
            award
            for rule in self._rules_for(occurrence, standing)
            if (award := self._award(rule, occurrence, standing))
        ]

    def _rules_for(self, occurrence: Occurrence, standing: Standing) -> list[Rule]:
        kind = occurrence.kind
        if kind is RuleKind.ENGAGEMENT_MILESTONE:
            # Once per share, when its totals first reach the threshold: a later report at or above
            # it (or below it, or the integration's figures replacing the ambassador's) earns nothing.
            return [
                rule
                for rule in self.rule_set.milestones()
                if rule.metric is not None
                and occurrence.reached.get(rule.metric.value, 0) >= (rule.threshold or 0)
                and rule.key not in standing.milestones_awarded
            ]
        if kind is RuleKind.CONVERSION:
            rule = self.rule_set.rule(kind, conversion_type=occurrence.conversion_type)
            return [rule] if rule is not None and occurrence.conversion_type is not None else []
        rules = [rule] if (rule := self.rule_set.rule(kind)) is not None else []
        if kind is RuleKind.SHARE_POSTED and not standing.first_share_rewarded:
            first = self.rule_set.rule(RuleKind.FIRST_SHARE)
            rules += [first] if first is not None else []
        return rules

    def _award(self, rule: Rule, occurrence: Occurrence, standing: Standing) -> Award | None:
        credit = occurrence.credit if rule.kind is RuleKind.CONVERSION else Fraction(1)
        weight = rule.weight(occurrence.network)
        # A campaign's multiplier rewards taking part in it: sharing, clicks, milestones, conversions;
        # not the first share, a personal step whatever the campaign.
        on_share = occurrence.share_id is not None and rule.kind is not RuleKind.FIRST_SHARE
        multiplier = occurrence.multiplier if on_share else Decimal(1)
        earned = scaled(rule.points, weight, multiplier, credit)
        if earned <= 0:
            return None
        kept, cap_hit = earned, None
        if rule.daily_cap is not None:
            room = max(rule.daily_cap - standing.earned_today.get(rule.key, 0), 0)
            if room < kept:
                kept, cap_hit = room, CapHit.DAILY
        if rule.share_cap is not None:
            room = max(rule.share_cap - standing.earned_on_share, 0)
            if room < kept:
                kept, cap_hit = room, CapHit.SHARE
        guard = self.rule_set.velocity_guard
        withheld = (
            rule.kind is RuleKind.COUNTED_CLICK
            and kept > 0
            and guard.suspicious(standing.recent_clicks, standing.recent_visitors)
        )
        return Award(
            rule=rule,
            rule_set_version=self.rule_set.version,
            points=kept,
            multiplier=multiplier,
            cap_hit=cap_hit,
            withheld=withheld,
            reason=_explain(
                rule, self.rule_set.version, occurrence, weight, multiplier, credit, earned, kept, cap_hit, withheld
            ),
        )


def _explain(
    rule: Rule,
    version: int,
    occurrence: Occurrence,
    weight: Decimal,
    multiplier: Decimal,
    credit: Fraction,
    earned: int,
    kept: int,
    cap_hit: CapHit | None,
    withheld: bool,
) -> str:
    """The award in words, stored with it (in English: the parts are ``Message`` templates, so a reader
    in another language can be given the same sentence)."""
    parts = [
        Message(
            "{points} points for {what} (rule {key}, rule set version {version})",
            points=rule.points,
            what=_WHAT[rule.kind],
            key=rule.key,
            version=version,
        )
    ]
    if weight != 1 and occurrence.network is not None:
        parts.append(Message("weighted {weight} on {network}", weight=weight, network=occurrence.network.value))
    if multiplier != 1:
        parts.append(Message("multiplied by the campaign's {multiplier}", multiplier=multiplier))
    if credit != 1:
        parts.append(
            Message(
                "for a credit of {numerator}/{denominator}", numerator=credit.numerator, denominator=credit.denominator
            )
        )
    text = ", ".join(parts) + Message(": {earned} points, rounded half up", earned=earned)
    if cap_hit is CapHit.DAILY:
        text += Message("; the daily cap of {cap} left {kept}", cap=rule.daily_cap, kept=kept)
    elif cap_hit is CapHit.SHARE:
        text += Message("; the share's cap of {cap} from clicks left {kept}", cap=rule.share_cap, kept=kept)
    if withheld:
        text += Message("; withheld for review: many clicks on this share from few visitors in a short time")
    return text + "."


_WHAT = {
    RuleKind.SHARE_POSTED: Message("posting a share"),
    RuleKind.FIRST_SHARE: Message("a first share"),
    RuleKind.COUNTED_CLICK: Message("a counted click by a unique visitor"),
    RuleKind.ENGAGEMENT_MILESTONE: Message("an engagement milestone"),
    RuleKind.CONVERSION: Message("a conversion"),
    RuleKind.CONTENT_CO_CREATED: Message("content proposed and approved"),
    RuleKind.CHARTER_ACCEPTED: Message("accepting the charter"),
    RuleKind.TRAINING_COMPLETED: Message("a training completed"),
    RuleKind.SURVEY_ANSWERED: Message("a survey answered"),
    RuleKind.COLLEAGUE_JOINED: Message("a colleague you invited joined"),
}
