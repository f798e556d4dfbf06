"""Attribution windows and values: their bounds, the weights of credits, amounts split by weight, and
the event data."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from uuid import UUID

import pytest

from app.domain.attribution.policy import Attribution, AttributionPolicy, AttributionWindow, ClickTouch, Credit, Touches
from tests.unit.attribution_world import (
    CONVERTED_AT,
    DAY,
    FIRST,
    LAST,
    LINEAR,
    MICROSECOND,
    SHARES,
    C,
    Reason,
    attribute,
    conversion,
    origin,
)


@pytest.mark.parametrize(
    "length", [timedelta(0), -DAY, DAY - MICROSECOND, timedelta(hours=1), timedelta(days=365) + MICROSECOND]
)
def test_a_window_lasts_one_day_to_a_year(length: timedelta) -> None:
    with pytest.raises(ValueError, match="1 to 365 days"):
        AttributionWindow(length)


def test_an_attribution_has_credits_or_a_reason() -> None:
    credit = Credit(share=SHARES["A"], weight=Fraction(1))
    with pytest.raises(ValueError, match="never both nor neither"):
        Attribution(model=LAST)
    with pytest.raises(ValueError, match="never both nor neither"):
        Attribution(model=LAST, credits=(credit,), reason=Reason.NO_REFERENCE)


@pytest.mark.parametrize(
    "weights",
    [
        (Fraction(1, 2),),
        (Fraction(1, 2), Fraction(1, 3)),
        (Fraction(3, 2), Fraction(-1, 2)),
        (Fraction(1), Fraction(0)),
    ],
)
def test_credit_weights_must_be_positive_and_sum_to_one(weights: tuple[Fraction, ...]) -> None:
    given = tuple(Credit(share=SHARES["A"], weight=weight) for weight in weights)
    with pytest.raises(ValueError, match="positive and sum to 1"):
        Attribution(model=LINEAR, credits=given)


def test_an_ambassadors_weight_adds_up_their_shares() -> None:
    mine, also_mine, theirs = origin("m", ambassador=1), origin("n", ambassador=1), origin("o", ambassador=2)
    attribution = Attribution(
        model=LINEAR,
        credits=(
            Credit(share=mine, weight=Fraction(1, 4)),
            Credit(share=theirs, weight=Fraction(1, 4)),
            Credit(share=also_mine, weight=Fraction(1, 2)),
        ),
    )
    assert attribution.weight_of(mine.ambassador_id) == Fraction(3, 4)
    assert attribution.weight_of(theirs.ambassador_id) == Fraction(1, 4)
    assert attribution.weight_of(UUID(int=0)) == 0


def weighted(*weights: Fraction) -> Attribution:
    return Attribution(
        model=LINEAR, credits=tuple(Credit(share=origin(chr(65 + i)), weight=w) for i, w in enumerate(weights))
    )


THIRDS = (Fraction(1, 3),) * 3
SEVENTHS = (Fraction(3, 7), Fraction(2, 7), Fraction(2, 7))


@pytest.mark.parametrize(
    ("weights", "amount", "parts"),
    [
        ((Fraction(1),), 12345, (12345,)),
        (THIRDS, 100, (34, 33, 33)),
        (THIRDS, 101, (34, 34, 33)),
        (THIRDS, 99, (33, 33, 33)),
        (THIRDS, 0, (0, 0, 0)),
        (THIRDS, 1, (1, 0, 0)),
        (THIRDS, 2, (1, 1, 0)),
        ((Fraction(2, 3), Fraction(1, 3)), 100, (67, 33)),
        ((Fraction(1, 3), Fraction(2, 3)), 100, (33, 67)),
        ((Fraction(1, 2), Fraction(1, 2)), 1, (1, 0)),
        (SEVENTHS, 10, (4, 3, 3)),
        (SEVENTHS, 100, (43, 29, 28)),
    ],
)
def test_an_amount_is_split_by_weight_and_the_parts_add_up(
    weights: tuple[Fraction, ...], amount: int, parts: tuple[int, ...]
) -> None:
    assert weighted(*weights).allocate(amount) == parts


@pytest.mark.parametrize("weights", [THIRDS, SEVENTHS, (Fraction(1, 6), Fraction(1, 2), Fraction(1, 3))])
def test_allocated_parts_always_add_up_and_stay_within_one_unit_of_the_exact_share(
    weights: tuple[Fraction, ...],
) -> None:
    attribution = weighted(*weights)
    for amount in range(200):
        parts = attribution.allocate(amount)
        assert sum(parts) == amount
        assert all(abs(part - weight * amount) < 1 for part, weight in zip(parts, weights, strict=True))


def test_a_negative_amount_cannot_be_allocated() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        weighted(Fraction(1)).allocate(-1)


def test_the_event_data_spells_weights_as_exact_fractions() -> None:
    attribution = attribute(LINEAR, {"a": C("A", 2 * DAY), "b": C("B"), "a2": C("A", 3 * DAY)}, ("a", "b", "a2"))
    data = attribution.as_data()
    assert data["attributed"] is True
    assert data["model"] == "linear"
    assert data["reason"] is None
    assert [credit["weight"] for credit in data["credits"]] == ["2/3", "1/3"]
    assert data["credits"][0] == {
        "share_id": str(SHARES["A"].share_id),
        "ambassador_id": str(SHARES["A"].ambassador_id),
        "content_id": str(SHARES["A"].content_id),
        "campaign_id": str(SHARES["A"].campaign_id),
        "weight": "2/3",
        "click_ids": [str(UUID(int=5002)), str(UUID(int=5000))],
    }


def test_the_event_data_of_an_unattributed_conversion_gives_the_reason() -> None:
    assert attribute(FIRST, {}, ("nope",)).as_data() == {
        "attributed": False,
        "model": "first_touch",
        "reason": "unknown_reference",
        "credits": [],
    }


def test_the_event_data_of_an_always_on_share_has_no_campaign() -> None:
    share = origin("Z", campaign=None)
    touches = Touches(clicks={"r": ClickTouch(click_id=UUID(int=1), share=share, clicked_at=CONVERTED_AT)})
    assert AttributionPolicy().attribute(conversion("r"), touches).as_data()["credits"][0]["campaign_id"] is None
