"""The weekly cadence: nobody gets more shareable contents in any seven days than the budget."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import product
from uuid import UUID

import pytest

from app.domain.content.cadence import WINDOW, Scheduled, cadence_conflict, fullest_window
from app.domain.content.targeting import Targeting

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EVERYONE = Targeting()
SALES = Targeting(departments=("Sales",))
MARKETING = Targeting(departments=("Marketing",))


def uid(number: int) -> UUID:
    return UUID(int=number)


def at(number: int, offset: timedelta, targeting: Targeting = EVERYONE) -> Scheduled:
    return Scheduled(content_id=uid(number), live_from=MONDAY + offset, targeting=targeting)


def days(count: float) -> timedelta:
    return timedelta(days=count)


CANDIDATE = at(0, days(3))


def test_the_budget_itself_is_allowed() -> None:
    others = [at(n, days(n * 0.5)) for n in range(1, 4)]
    assert cadence_conflict(CANDIDATE, others, budget=4) is None


def test_one_more_than_the_budget_in_seven_days_is_a_conflict_naming_the_others() -> None:
    others = [at(n, days(n)) for n in range(1, 5)]
    conflict = cadence_conflict(CANDIDATE, others, budget=4)
    assert conflict is not None
    assert conflict.count == 5
    assert set(conflict.content_ids) == {uid(n) for n in range(1, 5)}
    assert conflict.ends_at - conflict.starts_at == WINDOW
    assert conflict.starts_at <= CANDIDATE.live_from < conflict.ends_at


def test_contents_exactly_seven_days_apart_never_share_a_window() -> None:
    candidate = at(0, days(0))
    others = [at(1, days(7)), at(2, days(-7))]
    assert cadence_conflict(candidate, others, budget=1) is None


def test_contents_a_microsecond_less_than_seven_days_apart_share_one() -> None:
    candidate = at(0, days(0))
    conflict = cadence_conflict(candidate, [at(1, WINDOW - timedelta(microseconds=1))], budget=1)
    assert conflict is not None
    assert conflict.content_ids == (uid(1),)


def test_contents_before_and_after_that_never_fit_one_window_do_not_add_up() -> None:
    # Two six days before, two six days after: each window holds the candidate and two others at most.
    candidate = at(0, days(10))
    others = [at(1, days(4)), at(2, days(4.5)), at(3, days(15.5)), at(4, days(16))]
    assert cadence_conflict(candidate, others, budget=3) is None
    conflict = cadence_conflict(candidate, others, budget=2)
    assert conflict is not None
    assert conflict.content_ids == (uid(1), uid(2))


def test_the_fullest_window_is_reported_and_the_earliest_on_ties() -> None:
    candidate = at(0, days(10))
    before = [at(1, days(4)), at(2, days(5))]
    after = [at(3, days(15)), at(4, days(16)), at(5, days(16.5))]
    window = fullest_window(candidate, [*before, *after])
    assert window.content_ids == (uid(3), uid(4), uid(5))
    assert window.starts_at == candidate.live_from

    tie = fullest_window(candidate, [*before, *after[:2]])
    assert tie.content_ids == (uid(1), uid(2))
    assert tie.starts_at == MONDAY + days(4)


def test_contents_for_other_departments_do_not_count() -> None:
    candidate = at(0, days(3), SALES)
    others = [at(n, days(n), MARKETING) for n in range(1, 6)]
    assert cadence_conflict(candidate, others, budget=1) is None


def test_contents_for_everyone_count_for_a_department() -> None:
    candidate = at(0, days(3), SALES)
    assert cadence_conflict(candidate, [at(1, days(1)), at(2, days(2), SALES)], budget=2) is not None


def test_for_content_to_everyone_only_the_most_exposed_department_counts() -> None:
    # Sales gets 2 others, Marketing 2 others: with the candidate, 3 each, never 5.
    candidate = at(0, days(3))
    others = [at(1, days(1), SALES), at(2, days(2), SALES), at(3, days(1), MARKETING), at(4, days(2), MARKETING)]
    assert cadence_conflict(candidate, others, budget=3) is None
    conflict = cadence_conflict(candidate, [*others, at(5, days(4), SALES)], budget=3)
    assert conflict is not None
    assert set(conflict.content_ids) == {uid(1), uid(2), uid(5)}


def test_a_narrower_language_range_is_told_apart() -> None:
    french, canadian, france = (Targeting(languages=(tag,)) for tag in ("fr", "fr-CA", "fr-FR"))
    candidate = at(0, days(3), french)
    others = [at(1, days(1), canadian), at(2, days(2), france), at(3, days(2.5), canadian)]
    conflict = cadence_conflict(candidate, others, budget=2)
    assert conflict is not None
    assert set(conflict.content_ids) == {uid(1), uid(3)}
    assert cadence_conflict(candidate, others, budget=3) is None
    assert cadence_conflict(at(0, days(3), Targeting(languages=("en",))), others, budget=1) is None


def test_locations_are_told_apart_as_departments_are() -> None:
    paris, lyon = Targeting(locations=("Paris",)), Targeting(locations=("Lyon",))
    candidate = at(0, days(3), Targeting(departments=("Sales",), locations=("Paris",)))
    others = [at(1, days(1), paris), at(2, days(2), lyon), at(3, days(2.5), SALES)]
    conflict = cadence_conflict(candidate, others, budget=2)
    assert conflict is not None
    assert set(conflict.content_ids) == {uid(1), uid(3)}
    assert cadence_conflict(candidate, others, budget=3) is None


def test_the_candidate_listed_among_the_others_is_not_counted_twice() -> None:
    assert cadence_conflict(CANDIDATE, [CANDIDATE, at(1, days(1))], budget=2) is None


# --- the rule against its definition, on many small random programmes ------------------------

DEPARTMENTS = ("Sales", "Marketing", "R&D")
LOCATIONS = ("Paris", "Lyon")
LANGUAGES = ("fr", "fr-CA", "en")


def _random_targeting(rng: random.Random) -> Targeting:
    def some(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(value for value in values if rng.random() < 0.3)

    return Targeting(departments=some(DEPARTMENTS), locations=some(LOCATIONS), languages=some(LANGUAGES))


def _brute_force_worst(candidate: Scheduled, others: Sequence[Scheduled]) -> int:
    """The most contents any one person gets in any window holding the candidate, by definition."""
    people = product((*DEPARTMENTS, None), (*LOCATIONS, None), ("fr", "fr-CA", "fr-FR", "en", "en-GB", None))
    everything = [candidate, *others]
    starts = {item.live_from for item in everything} | {
        item.live_from - WINDOW + timedelta(microseconds=1) for item in everything
    }
    worst = 0
    for department, location, language in people:

        def reaches(item: Scheduled) -> bool:
            return item.targeting.includes(department=department, location=location, language=language)  # noqa: B023

        if not reaches(candidate):
            continue
        for start in starts:
            if not start <= candidate.live_from < start + WINDOW:
                continue
            worst = max(
                worst, sum(1 for item in everything if reaches(item) and start <= item.live_from < start + WINDOW)
            )
    return worst


@pytest.mark.parametrize("seed", range(60))
def test_the_rule_agrees_with_its_definition(seed: int) -> None:
    rng = random.Random(seed)
    candidate = Scheduled(content_id=uid(0), live_from=MONDAY + days(10), targeting=_random_targeting(rng))
    others = [
        Scheduled(
            content_id=uid(number),
            live_from=MONDAY + timedelta(hours=rng.randrange(0, 20 * 24)),
            targeting=_random_targeting(rng),
        )
        for number in range(1, rng.randrange(2, 14))
    ]
    worst = _brute_force_worst(candidate, others)
    for budget in range(1, 8):
        conflict = cadence_conflict(candidate, others, budget)
        if worst > budget:
            assert conflict is not None, (budget, worst)
            assert conflict.count == worst
            assert conflict.starts_at <= candidate.live_from < conflict.ends_at
        else:
            assert conflict is None, (budget, worst, conflict)
