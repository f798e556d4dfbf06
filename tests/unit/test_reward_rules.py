"""Reward rules: what each occurrence earns under a rule set, with multipliers, weights, credits, caps,
the velocity guard, versions that never apply retroactively, and the explanation of every award."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any
from uuid import UUID

import pytest

from app.domain.attribution.conversions import ConversionType
from app.domain.errors import ValidationFailed
from app.domain.networks import Network
from app.domain.rewards.ledger import CapHit, EntryStatus
from app.domain.rewards.policy import Occurrence, RewardPolicy, Standing, scaled, utc_day
from app.domain.rewards.refusals import RulesAlreadyScheduled
from app.domain.rewards.rules import DEFAULT_RULES, Metric, Rule, RuleKind, RuleSet, VelocityGuard, in_force

TENANT = UUID("0196a3a0-0000-7000-8000-000000000001")
AMBASSADOR = UUID("0196a3a0-0000-7000-8000-000000000002")
SHARE = UUID("0196a3a0-0000-7000-8000-000000000003")
EVENT = UUID("0196a3a0-0000-7000-8000-000000000004")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DEFAULTS = RuleSet.default(TENANT)


def occurrence(kind: RuleKind, **fields: Any) -> Occurrence:
    values: dict[str, Any] = {
        "kind": kind,
        "source_event_id": EVENT,
        "source_event_type": "share.posted",
        "ambassador_id": AMBASSADOR,
        "occurred_at": NOW,
        "share_id": SHARE,
        "network": Network.LINKEDIN,
    } | fields
    return Occurrence(**values)


def points(
    kind: RuleKind, standing: Standing | None = None, rules: RuleSet = DEFAULTS, **fields: Any
) -> list[tuple[str, int]]:
    awards = RewardPolicy(rules).evaluate(occurrence(kind, **fields), standing or Standing())
    return [(award.rule.key, award.points) for award in awards]


@pytest.mark.parametrize(
    ("kind", "fields", "standing", "expected"),
    [
        (RuleKind.SHARE_POSTED, {}, Standing(), [("share_posted", 10), ("first_share", 25)]),
        (RuleKind.SHARE_POSTED, {}, Standing(first_share_rewarded=True), [("share_posted", 10)]),
        (
            RuleKind.SHARE_POSTED,
            {"multiplier": Decimal("1.5")},
            Standing(first_share_rewarded=True),
            [("share_posted", 15)],
        ),
        (RuleKind.COUNTED_CLICK, {}, Standing(), [("counted_click", 2)]),
        (RuleKind.COUNTED_CLICK, {"multiplier": Decimal("2")}, Standing(), [("counted_click", 4)]),
        (RuleKind.CONVERSION, {"conversion_type": ConversionType.LEAD}, Standing(), [("conversion.lead", 20)]),
        (RuleKind.CONVERSION, {"conversion_type": ConversionType.HIRE}, Standing(), [("conversion.hire", 200)]),
        (
            RuleKind.CONVERSION,
            {"conversion_type": ConversionType.LEAD, "credit": Fraction(1, 3)},
            Standing(),
            [("conversion.lead", 7)],
        ),
        (
            RuleKind.CONVERSION,
            {"conversion_type": ConversionType.CUSTOM, "credit": Fraction(1, 2)},
            Standing(),
            [("conversion.custom", 3)],
        ),
        (
            RuleKind.CONVERSION,
            {"conversion_type": ConversionType.LEAD, "credit": Fraction(1, 3), "multiplier": Decimal("1.5")},
            Standing(),
            [("conversion.lead", 10)],
        ),
        (RuleKind.CONTENT_CO_CREATED, {"share_id": None, "network": None}, Standing(), [("content_co_created", 30)]),
        (RuleKind.CHARTER_ACCEPTED, {"share_id": None, "network": None}, Standing(), [("charter_accepted", 10)]),
        (
            RuleKind.CHARTER_ACCEPTED,
            {"share_id": None, "multiplier": Decimal(3)},
            Standing(),
            [("charter_accepted", 10)],
        ),
        (RuleKind.TRAINING_COMPLETED, {"share_id": None}, Standing(), [("training_completed", 20)]),
        (RuleKind.SURVEY_ANSWERED, {"share_id": None}, Standing(), [("survey_answered", 5)]),
        (RuleKind.ENGAGEMENT_MILESTONE, {"reached": MappingProxyType({"reactions": 49})}, Standing(), []),
        (
            RuleKind.ENGAGEMENT_MILESTONE,
            {"reached": MappingProxyType({"reactions": 50})},
            Standing(),
            [("engagement_milestone.reactions.50", 10)],
        ),
        (
            RuleKind.ENGAGEMENT_MILESTONE,
            {"reached": MappingProxyType({"reactions": 80, "impressions": 9000})},
            Standing(),
            [("engagement_milestone.reactions.50", 10), ("engagement_milestone.impressions.5000", 25)],
        ),
    ],
)
def test_the_default_rules_award_each_kind(
    kind: RuleKind, fields: dict[str, Any], standing: Standing, expected: list[tuple[str, int]]
) -> None:
    assert points(kind, standing, **fields) == expected


@pytest.mark.parametrize(
    ("earned_today", "expected", "cap_hit"),
    [(0, 10, None), (40, 10, None), (45, 5, CapHit.DAILY), (50, 0, CapHit.DAILY), (70, 0, CapHit.DAILY)],
)
def test_the_daily_cap_keeps_what_it_still_allows_and_says_so(
    earned_today: int, expected: int, cap_hit: CapHit | None
) -> None:
    standing = Standing(earned_today={"share_posted": earned_today}, first_share_rewarded=True)
    [award] = RewardPolicy(DEFAULTS).evaluate(occurrence(RuleKind.SHARE_POSTED), standing)
    assert (award.points, award.cap_hit) == (expected, cap_hit)
    assert ("daily cap of 50" in award.reason) is (cap_hit is not None)


@pytest.mark.parametrize(
    ("on_share", "today", "expected", "cap_hit"),
    [
        (0, 0, 2, None),
        (59, 0, 1, CapHit.SHARE),
        (60, 0, 0, CapHit.SHARE),
        (0, 99, 1, CapHit.DAILY),
        (59, 99, 1, CapHit.DAILY),
    ],
)
def test_clicks_stop_earning_at_the_share_cap_and_the_daily_cap(
    on_share: int, today: int, expected: int, cap_hit: CapHit | None
) -> None:
    standing = Standing(earned_on_share=on_share, earned_today={"counted_click": today})
    [award] = RewardPolicy(DEFAULTS).evaluate(occurrence(RuleKind.COUNTED_CLICK), standing)
    assert (award.points, award.cap_hit) == (expected, cap_hit)


@pytest.mark.parametrize(
    ("clicks", "visitors", "withheld"),
    [(19, 1, False), (20, 3, True), (20, 4, False), (200, 2, True), (5, 1, False)],
)
def test_a_burst_of_clicks_from_few_visitors_is_withheld_for_review(clicks: int, visitors: int, withheld: bool) -> None:
    standing = Standing(recent_clicks=clicks, recent_visitors=visitors)
    [award] = RewardPolicy(DEFAULTS).evaluate(occurrence(RuleKind.COUNTED_CLICK), standing)
    entry = award.entry(occurrence(RuleKind.COUNTED_CLICK), id=EVENT, tenant_id=TENANT, now=NOW)
    assert award.withheld is withheld
    assert entry.status is (EntryStatus.WITHHELD if withheld else EntryStatus.CREDITED)
    assert ("withheld for review" in entry.reason) is withheld


def test_the_velocity_guard_watches_clicks_only() -> None:
    standing = Standing(recent_clicks=500, recent_visitors=1, first_share_rewarded=True)
    [award] = RewardPolicy(DEFAULTS).evaluate(occurrence(RuleKind.SHARE_POSTED), standing)
    assert award.withheld is False


def test_network_weights_scale_the_points_on_their_network_only() -> None:
    weighted = RuleSet(
        tenant_id=TENANT,
        version=1,
        effective_from=NOW,
        rules=(Rule(kind=RuleKind.SHARE_POSTED, points=10, network_weights={Network.X: Decimal("0.5")}),),
        created_at=NOW,
    )
    assert points(RuleKind.SHARE_POSTED, rules=weighted, network=Network.X) == [("share_posted", 5)]
    assert points(RuleKind.SHARE_POSTED, rules=weighted, network=Network.LINKEDIN) == [("share_posted", 10)]


def test_a_kind_without_a_rule_earns_nothing() -> None:
    bare = RuleSet(tenant_id=TENANT, version=1, effective_from=NOW, rules=(), created_at=NOW)
    assert points(RuleKind.SHARE_POSTED, rules=bare) == []
    assert points(RuleKind.CONVERSION, rules=bare, conversion_type=ConversionType.LEAD) == []


def test_an_award_explains_its_rule_version_multiplier_and_credit() -> None:
    [award] = RewardPolicy(DEFAULTS).evaluate(
        occurrence(
            RuleKind.CONVERSION, conversion_type=ConversionType.LEAD, credit=Fraction(1, 2), multiplier=Decimal("1.5")
        ),
        Standing(),
    )
    entry = award.entry(occurrence(RuleKind.CONVERSION), id=EVENT, tenant_id=TENANT, now=NOW)
    assert award.reason == (
        "20 points for a conversion (rule conversion.lead, rule set version 0), multiplied by the campaign's 1.5, "
        "for a credit of 1/2: 15 points, rounded half up."
    )
    assert (entry.rule, entry.rule_set_version, entry.multiplier, entry.source_event_id) == (
        "conversion.lead",
        0,
        Decimal("1.5"),
        EVENT,
    )


@pytest.mark.parametrize(
    ("points_", "weight", "multiplier", "credit", "expected"),
    [
        (10, Decimal(1), Decimal(1), Fraction(1, 3), 3),
        (10, Decimal(1), Decimal(1), Fraction(2, 3), 7),
        (5, Decimal(1), Decimal(1), Fraction(1, 2), 3),
        (3, Decimal(1), Decimal(1), Fraction(1, 2), 2),
        (1, Decimal(1), Decimal(1), Fraction(1, 3), 0),
        (20, Decimal(1), Decimal("1.5"), Fraction(1, 3), 10),
        (7, Decimal("0.5"), Decimal("1.25"), Fraction(1), 4),
    ],
)
def test_fractional_points_are_rounded_half_up_once_at_the_end(
    points_: int, weight: Decimal, multiplier: Decimal, credit: Fraction, expected: int
) -> None:
    assert scaled(points_, weight, multiplier, credit) == expected


def version(number: int, starts: datetime, points_: int) -> RuleSet:
    return RuleSet(
        tenant_id=TENANT,
        version=number,
        effective_from=starts,
        rules=(Rule(kind=RuleKind.SHARE_POSTED, points=points_),),
        created_at=starts,
    )


@pytest.mark.parametrize(
    ("at", "expected_version"),
    [
        (NOW - timedelta(days=1), 0),
        (NOW, 1),
        (NOW + timedelta(days=6, hours=23), 1),
        (NOW + timedelta(days=7), 2),
        (NOW + timedelta(days=365), 2),
    ],
)
def test_an_event_is_judged_by_the_version_in_force_when_it_occurred(at: datetime, expected_version: int) -> None:
    versions = [version(1, NOW, 12), version(2, NOW + timedelta(days=7), 14)]
    assert in_force(versions, TENANT, at).version == expected_version


def test_new_rules_start_now_or_later_never_in_the_past() -> None:
    guard = VelocityGuard()
    later = RuleSet.replace_rules(
        current=DEFAULTS, rules=DEFAULT_RULES, velocity_guard=guard, effective_from=None, now=NOW, author="admin"
    )
    assert (later.version, later.effective_from, later.created_by) == (1, NOW, "admin")
    with pytest.raises(ValidationFailed) as refused:
        RuleSet.replace_rules(
            current=later,
            rules=DEFAULT_RULES,
            velocity_guard=guard,
            effective_from=NOW - timedelta(seconds=1),
            now=NOW,
            author="admin",
        )
    assert [error.loc for error in refused.value.errors] == [("effective_from",)]


def test_a_new_version_starts_no_earlier_than_the_one_scheduled() -> None:
    guard = VelocityGuard()
    scheduled = RuleSet.replace_rules(
        current=DEFAULTS,
        rules=DEFAULT_RULES,
        velocity_guard=guard,
        effective_from=NOW + timedelta(days=7),
        now=NOW,
        author="admin",
    )
    with pytest.raises(RulesAlreadyScheduled) as refused:
        RuleSet.replace_rules(
            current=scheduled, rules=DEFAULT_RULES, velocity_guard=guard, effective_from=None, now=NOW, author="admin"
        )
    assert refused.value.scheduled_from == NOW + timedelta(days=7)
    after = RuleSet.replace_rules(
        current=scheduled,
        rules=DEFAULT_RULES,
        velocity_guard=guard,
        effective_from=NOW + timedelta(days=7),
        now=NOW,
        author="admin",
    )
    assert (after.version, after.effective_from) == (2, NOW + timedelta(days=7))


@pytest.mark.parametrize(
    ("rule", "where"),
    [
        (Rule(kind=RuleKind.SHARE_POSTED, points=-1), ("rules", 0, "points")),
        (Rule(kind=RuleKind.CONVERSION, points=5), ("rules", 0, "conversion_type")),
        (
            Rule(kind=RuleKind.SHARE_POSTED, points=5, conversion_type=ConversionType.LEAD),
            ("rules", 0, "conversion_type"),
        ),
        (Rule(kind=RuleKind.ENGAGEMENT_MILESTONE, points=5, metric=Metric.REACTIONS), ("rules", 0, "metric")),
        (Rule(kind=RuleKind.SHARE_POSTED, points=5, share_cap=10), ("rules", 0, "share_cap")),
        (
            Rule(kind=RuleKind.SHARE_POSTED, points=5, network_weights={Network.X: Decimal("0.333")}),
            ("rules", 0, "network_weights", "x"),
        ),
    ],
)
def test_rules_that_cannot_be_applied_are_refused_at_their_field(rule: Rule, where: tuple[str | int, ...]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        RuleSet.replace_rules(
            current=DEFAULTS, rules=[rule], velocity_guard=VelocityGuard(), effective_from=None, now=NOW, author="a"
        )
    assert where in [error.loc for error in refused.value.errors]


def test_a_rule_set_holds_each_key_once() -> None:
    twice = [Rule(kind=RuleKind.SHARE_POSTED, points=1), Rule(kind=RuleKind.SHARE_POSTED, points=2)]
    with pytest.raises(ValidationFailed) as refused:
        RuleSet.replace_rules(
            current=DEFAULTS, rules=twice, velocity_guard=VelocityGuard(), effective_from=None, now=NOW, author="a"
        )
    assert [error.loc for error in refused.value.errors] == [("rules", 1)]


def test_daily_caps_count_utc_days() -> None:
    start, end = utc_day(datetime(2026, 3, 2, 23, 30, tzinfo=UTC))
    assert (start, end) == (datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC))
