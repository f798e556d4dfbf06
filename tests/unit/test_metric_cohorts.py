"""A cohort's conversions: each stage over the one before, the last over the measurable members only."""

from __future__ import annotations

from app.domain.community.recruiting import Funnel
from app.domain.metrics.cohorts import conversions_of


def _funnel(**counts: int) -> Funnel:
    return Funnel(
        **{"invited": 0, "joined": 0, "first_share": 0, "active_after_30_days": 0, "not_yet_measurable": 0} | counts
    )


def test_each_stage_is_over_the_one_before_rounded_to_four_places() -> None:
    funnel = _funnel(invited=10, joined=6, first_share=4, active_after_30_days=2, not_yet_measurable=2)

    conversions = conversions_of(funnel)

    assert (conversions.joined, conversions.first_share, conversions.active_after_30_days) == (0.6, 0.6667, 0.5)


def test_an_empty_stage_leaves_the_next_conversion_unknown() -> None:
    conversions = conversions_of(_funnel(invited=3, joined=2, not_yet_measurable=2))

    assert (conversions.joined, conversions.first_share, conversions.active_after_30_days) == (0.6667, 0.0, None)
    assert conversions_of(_funnel()).joined is None
