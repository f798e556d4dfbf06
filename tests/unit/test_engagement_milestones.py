"""Engagement milestones: each recorded snapshot announces the share's current totals, and each milestone
rule pays once per share, when the totals first reach it; a later report, lower, equal or higher, and the
integration's figures replacing the ambassador's, earn nothing more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from uuid import UUID

import pytest

from app.domain.events import EventType
from app.domain.rewards.policy import Occurrence, RewardPolicy, Standing
from app.domain.rewards.rules import Metric, Rule, RuleKind, RuleSet
from app.domain.roster.identity import Role
from app.services.sharing.record_engagement import RecordEngagementCommand
from app.services.sharing.share_transitions import ConfirmShareCommand
from tests.unit.share_world import ShareWorld, share_world
from tests.unit.world import NOW

TENANT = UUID("0196a3a0-0000-7000-8000-000000000001")
DEFAULTS = RuleSet.default(TENANT)
REACTIONS_50 = "engagement_milestone.reactions.50"
IMPRESSIONS_5000 = "engagement_milestone.impressions.5000"


def milestones(
    reached: dict[str, int], awarded: frozenset[str] = frozenset(), **fields: object
) -> list[tuple[str, int]]:
    occurrence = Occurrence(
        kind=RuleKind.ENGAGEMENT_MILESTONE,
        source_event_id=UUID("0196a3a0-0000-7000-8000-000000000004"),
        source_event_type=EventType.SHARE_ENGAGEMENT_RECORDED,
        ambassador_id=UUID("0196a3a0-0000-7000-8000-000000000002"),
        occurred_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        share_id=UUID("0196a3a0-0000-7000-8000-000000000003"),
        reached=MappingProxyType(reached),
        **fields,  # type: ignore[arg-type]
    )
    awards = RewardPolicy(DEFAULTS).evaluate(occurrence, Standing(milestones_awarded=awarded))
    return [(award.rule.key, award.points) for award in awards]


@pytest.mark.parametrize(
    ("reached", "awarded", "expected"),
    [
        ({"reactions": 49, "impressions": 4999}, frozenset(), []),
        ({"reactions": 50}, frozenset(), [(REACTIONS_50, 10)]),
        ({"reactions": 50, "impressions": 5000}, frozenset(), [(REACTIONS_50, 10), (IMPRESSIONS_5000, 25)]),
        # Already paid: the same totals again, higher ones, or lower ones (the integration's replacing
        # the ambassador's) earn nothing.
        ({"reactions": 50}, frozenset({REACTIONS_50}), []),
        ({"reactions": 400}, frozenset({REACTIONS_50}), []),
        ({"reactions": 10}, frozenset({REACTIONS_50}), []),
        # A milestone not paid yet is paid, whatever the others.
        ({"reactions": 400, "impressions": 6000}, frozenset({REACTIONS_50}), [(IMPRESSIONS_5000, 25)]),
        ({"reactions": 400, "impressions": 6000}, frozenset({REACTIONS_50, IMPRESSIONS_5000}), []),
        # Milestones of metrics no rule watches earn nothing.
        ({"comments": 10_000, "reshares": 10_000}, frozenset(), []),
    ],
)
def test_each_milestone_pays_once_per_share_when_the_totals_first_reach_it(
    reached: dict[str, int], awarded: frozenset[str], expected: list[tuple[str, int]]
) -> None:
    assert milestones(reached, awarded) == expected


def test_a_milestone_is_multiplied_by_the_campaign_and_says_so() -> None:
    assert milestones({"reactions": 60}, multiplier=Decimal("1.5")) == [(REACTIONS_50, 15)]


def test_a_rule_set_with_other_milestones_pays_its_own() -> None:
    rules = RuleSet.replace_rules(
        current=DEFAULTS,
        rules=[Rule(kind=RuleKind.ENGAGEMENT_MILESTONE, points=7, metric=Metric.RESHARES, threshold=3)],
        velocity_guard=DEFAULTS.velocity_guard,
        effective_from=None,
        now=NOW,
        author="admin",
    )
    occurrence = Occurrence(
        kind=RuleKind.ENGAGEMENT_MILESTONE,
        source_event_id=UUID(int=1),
        source_event_type=EventType.SHARE_ENGAGEMENT_RECORDED,
        ambassador_id=UUID(int=2),
        occurred_at=NOW,
        share_id=UUID(int=3),
        reached=MappingProxyType({"reshares": 3, "reactions": 900}),
    )
    awards = RewardPolicy(rules).evaluate(occurrence, Standing())
    assert [(award.rule.key, award.points) for award in awards] == [("engagement_milestone.reshares.3", 7)]
    assert "rule engagement_milestone.reshares.3, rule set version 1" in awards[0].reason


# --- the event a recorded snapshot announces, on the fakes ------------------------------------


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world()


def counts(impressions: int, reactions: int) -> dict[str, int]:
    return {"impressions": impressions, "reactions": reactions, "comments": 0, "reshares": 0}


async def test_each_snapshot_announces_the_shares_current_totals(sharing: ShareWorld) -> None:
    share = (await sharing.share(await sharing.content())).view.share
    await sharing.shares.confirm_share(
        sharing.member, ConfirmShareCommand(share_id=share.id, post_url="https://www.linkedin.com/feed/update/1")
    )
    record = sharing.shares.record_engagement
    integrator = sharing.world.staff(Role.INTEGRATOR)

    await record(sharing.member, RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=counts(900, 60)))
    await record(integrator, RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=counts(800, 40)))
    # Observed before the integration's figures, and by the ambassador: it does not replace them.
    late = NOW - timedelta(hours=1)
    await record(sharing.member, RecordEngagementCommand(share_id=share.id, observed_at=late, counts=counts(990, 99)))

    announced = [
        record.data
        for record in sharing.world.uow.database.outbox
        if record.type == EventType.SHARE_ENGAGEMENT_RECORDED
    ]
    assert [(data["source"], data["totals_source"], data["totals"]) for data in announced] == [
        ("self_reported", "self_reported", counts(900, 60)),
        ("integration", "integration", counts(800, 40)),
        ("self_reported", "integration", counts(800, 40)),
    ]
    assert {data["id"] for data in announced} == {str(share.id)}
    assert {data["ambassador_id"] for data in announced} == {str(share.ambassador_id)}
