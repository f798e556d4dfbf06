"""The demo catalogue's data holds together: a symbolic gift and a lunch needing approval, two
associations, and welcome points that pay for what the story spends before any point is earned."""

from __future__ import annotations

from app.demo.catalogue_story import ASSOCIATIONS, DONATIONS, REDEMPTIONS, REWARDS, WELCOME_POINTS
from app.demo.seed import PEOPLE
from app.domain.rewards.catalogue import RewardKind


def test_the_catalogue_has_a_gift_and_a_lunch_that_needs_approval_and_two_associations() -> None:
    kinds = {reward.key: (reward.kind, reward.requires_approval) for reward in REWARDS}
    assert kinds == {"mug": (RewardKind.GIFT, False), "lunch": (RewardKind.EXPERIENCE, True)}
    assert len(ASSOCIATIONS) == 2


def test_welcome_points_pay_for_every_redemption_and_donation_of_the_story() -> None:
    costs = {reward.key: reward.cost for reward in REWARDS}
    for slug, points, day in WELCOME_POINTS:
        spent = [(costs[key], when) for who, key, when in REDEMPTIONS if who == slug]
        spent += [(given, when) for who, _, given, when in DONATIONS if who == slug]
        assert all(when > day for _, when in spent)
        assert sum(cost for cost, _ in spent) <= points
    spenders = {who for who, *_ in REDEMPTIONS} | {who for who, *_ in DONATIONS}
    assert spenders <= {slug for slug, *_ in WELCOME_POINTS}
    assert all(PEOPLE[slug].journey == "ambassador" for slug in spenders)
    assert "camille" not in spenders
