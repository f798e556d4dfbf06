"""Recognition's pure rules, table by table: periods cut in the tenant's zone (DST included),
standard competition ranking across pages, badge criteria, and challenge winners."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from app.domain.rewards.badges import (
    DEFAULT_BADGES,
    Badge,
    ChallengeRank,
    Counter,
    Metric,
    Progress,
    Streak,
    Window,
    catalogue,
    criterion_of,
    newly_earned,
)
from app.domain.rewards.challenges import winners
from app.domain.rewards.periods import EPOCH, Period, PeriodKind, period_start
from app.domain.rewards.ranking import Standing, ranks

PARIS, NEW_YORK, SYDNEY = "Europe/Paris", "America/New_York", "Australia/Sydney"


@pytest.mark.parametrize(
    ("kind", "instant", "zone", "start"),
    [
        # Sunday 23:30 UTC is already Monday in Paris: a new week there, not in UTC.
        (PeriodKind.WEEK, datetime(2025, 3, 9, 23, 30, tzinfo=UTC), PARIS, date(2025, 3, 10)),
        (PeriodKind.WEEK, datetime(2025, 3, 9, 23, 30, tzinfo=UTC), "UTC", date(2025, 3, 3)),
        # Monday 03:00 UTC is still Sunday evening in New York.
        (PeriodKind.WEEK, datetime(2025, 3, 10, 3, 0, tzinfo=UTC), NEW_YORK, date(2025, 3, 3)),
        (PeriodKind.MONTH, datetime(2025, 3, 31, 22, 30, tzinfo=UTC), PARIS, date(2025, 4, 1)),
        (PeriodKind.MONTH, datetime(2025, 3, 31, 21, 30, tzinfo=UTC), PARIS, date(2025, 3, 1)),
        (PeriodKind.QUARTER, datetime(2025, 6, 30, 15, 0, tzinfo=UTC), SYDNEY, date(2025, 7, 1)),
        (PeriodKind.QUARTER, datetime(2025, 2, 14, tzinfo=UTC), "UTC", date(2025, 1, 1)),
        (PeriodKind.QUARTER, datetime(2025, 12, 31, tzinfo=UTC), "UTC", date(2025, 10, 1)),
        (PeriodKind.ALL_TIME, datetime(2025, 6, 1, tzinfo=UTC), PARIS, EPOCH),
        (PeriodKind.CAMPAIGN, datetime(2025, 6, 1, tzinfo=UTC), PARIS, EPOCH),
    ],
)
def test_a_period_starts_on_the_local_date_of_the_tenants_zone(
    kind: PeriodKind, instant: datetime, zone: str, start: date
) -> None:
    assert period_start(kind, instant, zone) == start


def test_a_week_across_the_spring_change_of_time_lasts_one_hour_less() -> None:
    # Paris moves to summer time on Sunday 30 March 2025: that week is 167 hours long.
    week = Period.holding(PeriodKind.WEEK, datetime(2025, 3, 27, 12, tzinfo=UTC), PARIS)

    assert week.start == date(2025, 3, 24)
    assert week.starts_at == datetime(2025, 3, 23, 23, tzinfo=UTC)
    assert week.ends_at == datetime(2025, 3, 30, 22, tzinfo=UTC)
    assert week.ends_at is not None
    assert week.starts_at is not None
    assert (week.ends_at - week.starts_at).total_seconds() == 167 * 3600


def test_a_month_across_the_autumn_change_of_time_ends_at_local_midnight() -> None:
    october = Period.holding(PeriodKind.MONTH, datetime(2025, 10, 15, tzinfo=UTC), PARIS)

    assert october.starts_at == datetime(2025, 9, 30, 22, tzinfo=UTC)
    assert october.ends_at == datetime(2025, 10, 31, 23, tzinfo=UTC)


def test_all_time_has_no_bounds() -> None:
    ever = Period.holding(PeriodKind.ALL_TIME, datetime(2025, 1, 1, tzinfo=UTC), PARIS)

    assert (ever.start, ever.starts_at, ever.ends_at) == (EPOCH, None, None)


A, B, C = UUID(int=1), UUID(int=2), UUID(int=3)


@pytest.mark.parametrize(
    ("points", "after", "expected"),
    [
        ([], None, []),
        ([50], None, [(1, 1)]),
        ([100, 100, 50], None, [(1, 1), (2, 1), (3, 3)]),
        ([100, 90, 90, 90, 10], None, [(1, 1), (2, 2), (3, 2), (4, 2), (5, 5)]),
        ([7, 7, 7], None, [(1, 1), (2, 1), (3, 1)]),
        # A page that starts with the last page's tied points keeps its rank...
        ([100, 50], Standing(position=1, rank=1, points=100, ambassador_id=A), [(2, 1), (3, 3)]),
        # ...and one that starts lower takes its position.
        ([50, 50], Standing(position=2, rank=1, points=100, ambassador_id=B), [(3, 3), (4, 3)]),
        ([0, -5], Standing(position=9, rank=7, points=3, ambassador_id=C), [(10, 10), (11, 11)]),
    ],
)
def test_standard_competition_ranking_across_pages(
    points: list[int], after: Standing | None, expected: list[tuple[int, int]]
) -> None:
    assert ranks(points, after) == expected


def test_one_page_or_three_give_the_same_ranks() -> None:
    board = [90, 80, 80, 80, 70, 70, 10]
    whole = ranks(board)
    paged: list[tuple[int, int]] = []
    after = None
    for start in range(0, len(board), 3):
        page = ranks(board[start : start + 3], after)
        paged += page
        position, rank = page[-1]
        after = Standing(position=position, rank=rank, points=board[start + len(page) - 1], ambassador_id=A)

    assert paged == whole


def progress(week: date = date(2025, 3, 24), **totals: int) -> Progress:
    return Progress(week=week, totals={Metric(name): n for name, n in totals.items()})


@pytest.mark.parametrize(
    ("criterion", "state", "met"),
    [
        (Counter(metric=Metric.SHARES, at_least=1), progress(shares=0), False),
        (Counter(metric=Metric.SHARES, at_least=1), progress(shares=1), True),
        (Counter(metric=Metric.SHARES, at_least=10), progress(shares=9), False),
        (Counter(metric=Metric.SHARES, at_least=10), progress(shares=10), True),
        (Counter(metric=Metric.LEADS, at_least=1), progress(shares=40), False),
        (Counter(metric=Metric.UNIQUE_VISITORS, at_least=100), progress(unique_visitors=100), True),
        (
            Counter(metric=Metric.SHARES, at_least=3, window=Window.WEEK),
            Progress(week=date(2025, 3, 24), totals={Metric.SHARES: 9}, weeks={(Metric.SHARES, date(2025, 3, 17)): 9}),
            False,
        ),
        (
            Counter(metric=Metric.SHARES, at_least=3, window=Window.WEEK),
            Progress(week=date(2025, 3, 24), weeks={(Metric.SHARES, date(2025, 3, 24)): 3}),
            True,
        ),
        (ChallengeRank(), progress(challenge_wins=5), False),
    ],
)
def test_counters_meet_their_threshold_over_their_window(criterion: Counter, state: Progress, met: bool) -> None:
    assert criterion.met(state) is met


def weeks_with_shares(*starts: date) -> Progress:
    return Progress(week=date(2025, 3, 24), weeks={(Metric.SHARES, start): 1 for start in starts})


@pytest.mark.parametrize(
    ("state", "met"),
    [
        (weeks_with_shares(date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 24)), True),
        (weeks_with_shares(date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 24)), False),
        # A gap breaks the streak, however many weeks came before it.
        (weeks_with_shares(date(2025, 2, 24), date(2025, 3, 3), date(2025, 3, 17), date(2025, 3, 24)), False),
        # Four weeks in a row that ended before this week are not a streak now.
        (weeks_with_shares(date(2025, 2, 24), date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17)), False),
    ],
)
def test_a_streak_needs_every_week_in_a_row_up_to_this_one(state: Progress, met: bool) -> None:
    assert Streak(metric=Metric.SHARES, weeks=4).met(state) is met


def test_badges_are_earned_once_and_only_when_enabled() -> None:
    badges = catalogue([])
    ten = progress(shares=10)

    earned = [badge.key for badge in newly_earned(badges, ten, held=["first-share"])]
    disabled = catalogue(
        [
            Badge(
                key="shares-10",
                name="10",
                description="d",
                criterion=Counter(metric=Metric.SHARES, at_least=10),
                enabled=False,
            )
        ]
    )

    assert earned == ["shares-10"]
    assert [badge.key for badge in newly_earned(disabled, ten, held=["first-share"])] == []


def test_the_defaults_hold_every_badge_the_programme_guide_names() -> None:
    assert {badge.key for badge in DEFAULT_BADGES} == {
        "first-share",
        "shares-10",
        "shares-50",
        "shares-100",
        "first-lead",
        "first-hire",
        "visitors-100",
        "weekly-streak-4",
        "co-author",
        "challenge-winner",
    }
    assert all(badge.builtin and badge.enabled for badge in DEFAULT_BADGES)


@pytest.mark.parametrize(
    "document",
    [
        {"kind": "counter", "metric": "shares", "at_least": 0},
        {"kind": "counter", "metric": "likes", "at_least": 3},
        {"kind": "streak", "metric": "shares"},
        {"kind": "rank"},
        {"kind": "counter", "metric": "shares", "at_least": True},
    ],
)
def test_a_criterion_that_is_not_one_is_refused(document: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        criterion_of(document)


def test_criteria_read_back_as_they_were_stored() -> None:
    for badge in DEFAULT_BADGES:
        assert criterion_of(badge.criterion.document()) == badge.criterion


@pytest.mark.parametrize(
    ("board", "top", "expected"),
    [
        ([], 3, []),
        ([(A, 30), (B, 20), (C, 10)], 1, [(A, 1)]),
        ([(A, 30), (B, 30), (C, 10)], 1, [(A, 1), (B, 1)]),
        ([(A, 30), (B, 20), (C, 20)], 2, [(A, 1), (B, 2), (C, 2)]),
        ([(A, 30), (B, 0)], 3, [(A, 1)]),
    ],
)
def test_winners_are_those_ranked_within_the_top_ties_included_and_never_without_points(
    board: list[tuple[UUID, int]], top: int, expected: list[tuple[UUID, int]]
) -> None:
    assert [(w.ambassador_id, w.rank) for w in winners(board, top)] == expected
