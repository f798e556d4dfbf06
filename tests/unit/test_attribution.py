"""Share attribution: who a conversion is credited to, under each model and window, by click or by link code."""

from __future__ import annotations

from datetime import timedelta, timezone
from fractions import Fraction
from uuid import UUID

import pytest

from app.domain.attribution.policy import (
    AttributionModel,
    AttributionPolicy,
    ClickTouch,
    Credit,
    LinkTouch,
    ShareOrigin,
    Touches,
    UnattributedReason,
)
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
    credited,
    origin,
    touches_of,
)


def test_the_default_policy_is_last_touch_over_thirty_days() -> None:
    policy = AttributionPolicy()
    assert policy.model is LAST
    assert policy.window.length == timedelta(days=30)


@pytest.mark.parametrize(
    ("before", "days", "expected"),
    [
        (timedelta(0), 30, None),
        (MICROSECOND, 30, None),
        (-MICROSECOND, 30, Reason.AFTER_CONVERSION),
        (-DAY, 30, Reason.AFTER_CONVERSION),
        (timedelta(days=29, hours=23, minutes=59), 30, None),
        (timedelta(days=30), 30, None),
        (timedelta(days=30) + MICROSECOND, 30, Reason.OUTSIDE_WINDOW),
        (timedelta(days=31), 30, Reason.OUTSIDE_WINDOW),
        (timedelta(days=7), 7, None),
        (timedelta(days=7) + MICROSECOND, 7, Reason.OUTSIDE_WINDOW),
        (DAY, 1, None),
        (DAY + MICROSECOND, 1, Reason.OUTSIDE_WINDOW),
        (timedelta(days=365), 365, None),
        (timedelta(days=365) + MICROSECOND, 365, Reason.OUTSIDE_WINDOW),
    ],
)
@pytest.mark.parametrize("model", list(AttributionModel))
def test_a_click_counts_from_the_conversion_instant_back_to_the_window_length_inclusive(
    model: AttributionModel, before: timedelta, days: int, expected: UnattributedReason | None
) -> None:
    attribution = attribute(model, {"r1": C("A", before)}, ("r1",), days=days)
    assert attribution.reason == expected
    assert credited(attribution) == ([] if expected else [("A", Fraction(1))])


def test_the_window_compares_instants_whatever_offset_the_conversion_was_reported_in() -> None:
    paris = CONVERTED_AT.astimezone(timezone(timedelta(hours=2)))
    assert paris.hour == 14
    policy = AttributionPolicy()
    clicks = touches_of({"r1": C("A", timedelta(days=30))})
    assert policy.attribute(conversion("r1", at=paris), clicks).attributed


@pytest.mark.parametrize(
    ("model", "clicks", "refs", "expected"),
    [
        # one genuine click: every model gives it everything
        (LAST, {"a": C("A")}, ("a",), [("A", 1)]),
        (FIRST, {"a": C("A")}, ("a",), [("A", 1)]),
        (LINEAR, {"a": C("A")}, ("a",), [("A", 1)]),
        # two clicks on two shares
        (LAST, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("a", "b"), [("B", 1)]),
        (FIRST, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("a", "b"), [("A", 1)]),
        (LINEAR, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("a", "b"), [("A", Fraction(1, 2)), ("B", Fraction(1, 2))]),
        # first and last are by click time, not by the order the references came in
        (LAST, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("b", "a"), [("B", 1)]),
        (FIRST, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("b", "a"), [("A", 1)]),
        (LINEAR, {"a": C("A", 5 * DAY), "b": C("B", DAY)}, ("b", "a"), [("A", Fraction(1, 2)), ("B", Fraction(1, 2))]),
        # clicks at the same instant keep the order of the references
        (LAST, {"a": C("A"), "b": C("B")}, ("a", "b"), [("B", 1)]),
        (LAST, {"a": C("A"), "b": C("B")}, ("b", "a"), [("A", 1)]),
        (FIRST, {"a": C("A"), "b": C("B")}, ("b", "a"), [("B", 1)]),
        # three clicks, two on one share: linear merges them into one credit of twice the weight
        (
            LINEAR,
            {"a1": C("A", 9 * DAY), "b": C("B", 5 * DAY), "a2": C("A", DAY)},
            ("a1", "b", "a2"),
            [("A", Fraction(2, 3)), ("B", Fraction(1, 3))],
        ),
        (LAST, {"a1": C("A", 9 * DAY), "b": C("B", 5 * DAY), "a2": C("A", DAY)}, ("a1", "b", "a2"), [("A", 1)]),
        (FIRST, {"a1": C("A", 9 * DAY), "b": C("B", 5 * DAY), "a2": C("A", DAY)}, ("a1", "b", "a2"), [("A", 1)]),
        # a later bot or self click does not take the credit from an earlier genuine one
        (LAST, {"a": C("A", 5 * DAY), "b": C("B", DAY, bot=True)}, ("a", "b"), [("A", 1)]),
        (LAST, {"a": C("A", 5 * DAY), "b": C("B", DAY, own=True)}, ("a", "b"), [("A", 1)]),
        (
            LINEAR,
            {"a": C("A", 5 * DAY), "b": C("B", DAY, bot=True), "c": C("C", DAY, own=True)},
            ("a", "b", "c"),
            [("A", 1)],
        ),
        (FIRST, {"b": C("B", 9 * DAY, bot=True), "a": C("A", DAY)}, ("b", "a"), [("A", 1)]),
        # a click after the conversion is ignored
        (LAST, {"a": C("A", 5 * DAY), "b": C("B", -DAY)}, ("a", "b"), [("A", 1)]),
        (LINEAR, {"a": C("A", 5 * DAY), "b": C("B", -MICROSECOND)}, ("a", "b"), [("A", 1)]),
        # a click outside the window is ignored
        (FIRST, {"a": C("A", 40 * DAY), "b": C("B", 2 * DAY)}, ("a", "b"), [("B", 1)]),
        (LINEAR, {"a": C("A", 40 * DAY), "b": C("B", 2 * DAY)}, ("a", "b"), [("B", 1)]),
        # unknown references are ignored
        (LAST, {"a": C("A")}, ("nope", "a", "gone"), [("A", 1)]),
        (
            LINEAR,
            {"a": C("A", 2 * DAY), "b": C("B")},
            ("a", "nope", "b"),
            [("A", Fraction(1, 2)), ("B", Fraction(1, 2))],
        ),
        # everything at once
        (
            LINEAR,
            {
                "a": C("A", 20 * DAY),
                "bot": C("B", 10 * DAY, bot=True),
                "old": C("C", 60 * DAY),
                "b": C("B", 3 * DAY),
                "own": C("A", 2 * DAY, own=True),
                "late": C("C", -DAY),
                "c": C("C", DAY),
            },
            ("old", "a", "bot", "b", "own", "unknown", "c", "late"),
            [("A", Fraction(1, 3)), ("B", Fraction(1, 3)), ("C", Fraction(1, 3))],
        ),
    ],
)
def test_credits_under_each_model(
    model: AttributionModel, clicks: dict[str, C], refs: tuple[str, ...], expected: list[tuple[str, int | Fraction]]
) -> None:
    attribution = attribute(model, clicks, refs)
    assert attribution.attributed
    assert attribution.reason is None
    assert attribution.model is model
    assert credited(attribution) == [(name, Fraction(weight)) for name, weight in expected]


@pytest.mark.parametrize(
    ("clicks", "refs", "reason"),
    [
        ({}, (), Reason.NO_REFERENCE),
        ({"a": C("A")}, (), Reason.NO_REFERENCE),
        ({}, ("nope",), Reason.UNKNOWN_REFERENCE),
        ({"a": C("A")}, ("nope", "other"), Reason.UNKNOWN_REFERENCE),
        ({"a": C("A", bot=True)}, ("a",), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("A", own=True)}, ("a",), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("A", bot=True, own=True)}, ("a",), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("A", bot=True), "b": C("B", own=True)}, ("a", "b"), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("A", bot=True)}, ("nope", "a"), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("A", -DAY)}, ("a",), Reason.AFTER_CONVERSION),
        ({"a": C("A", -DAY), "b": C("B", bot=True)}, ("a", "b"), Reason.AFTER_CONVERSION),
        ({"a": C("A", -DAY)}, ("nope", "a"), Reason.AFTER_CONVERSION),
        ({"a": C("A", 31 * DAY)}, ("a",), Reason.OUTSIDE_WINDOW),
        ({"a": C("A", 31 * DAY), "b": C("B", -DAY)}, ("a", "b"), Reason.OUTSIDE_WINDOW),
        ({"a": C("A", 31 * DAY), "b": C("B", bot=True)}, ("a", "b"), Reason.OUTSIDE_WINDOW),
        ({"a": C("A", 31 * DAY, own=True), "b": C("B", 40 * DAY)}, ("a", "b"), Reason.OUTSIDE_WINDOW),
    ],
)
@pytest.mark.parametrize("model", list(AttributionModel))
def test_unattributed_conversions_say_which_rule_removed_the_last_candidate(
    model: AttributionModel, clicks: dict[str, C], refs: tuple[str, ...], reason: UnattributedReason
) -> None:
    attribution = attribute(model, clicks, refs)
    assert not attribution.attributed
    assert attribution.credits == ()
    assert attribution.reason is reason


@pytest.mark.parametrize("count", range(1, 13))
def test_linear_gives_each_of_n_clicks_on_distinct_shares_one_nth(count: int) -> None:
    shares = [origin(chr(ord("a") + index)) for index in range(count)]
    touches = Touches(
        clicks={
            f"r{index}": ClickTouch(
                click_id=UUID(int=index), share=share, clicked_at=CONVERTED_AT - timedelta(hours=count - index)
            )
            for index, share in enumerate(shares)
        }
    )
    attribution = AttributionPolicy(model=LINEAR).attribute(conversion(*touches.clicks), touches)
    assert [credit.share for credit in attribution.credits] == shares
    assert {credit.weight for credit in attribution.credits} == {Fraction(1, count)}
    assert sum(credit.weight for credit in attribution.credits) == 1


def test_linear_credits_list_the_clicks_that_earned_them_in_click_order() -> None:
    attribution = attribute(LINEAR, {"a1": C("A", 3 * DAY), "b": C("B", 2 * DAY), "a2": C("A", DAY)}, ("a2", "b", "a1"))
    first, second = attribution.credits
    assert first.share == SHARES["A"]
    assert first.click_ids == (UUID(int=5000), UUID(int=5002))
    assert second.click_ids == (UUID(int=5001),)


def test_two_references_to_one_click_are_one_touch() -> None:
    click = ClickTouch(click_id=UUID(int=1), share=SHARES["A"], clicked_at=CONVERTED_AT - DAY)
    other = ClickTouch(click_id=UUID(int=2), share=SHARES["B"], clicked_at=CONVERTED_AT - DAY)
    touches = Touches(clicks={"x": click, "y": click, "z": other})
    attribution = AttributionPolicy(model=LINEAR).attribute(conversion("x", "y", "z"), touches)
    assert [(credit.share, credit.weight) for credit in attribution.credits] == [
        (SHARES["A"], Fraction(1, 2)),
        (SHARES["B"], Fraction(1, 2)),
    ]


def test_a_credit_names_the_share_ambassador_content_and_campaign() -> None:
    share = ShareOrigin(share_id=UUID(int=1), ambassador_id=UUID(int=2), content_id=UUID(int=3), campaign_id=None)
    touches = Touches(clicks={"r": ClickTouch(click_id=UUID(int=9), share=share, clicked_at=CONVERTED_AT)})
    (credit,) = AttributionPolicy().attribute(conversion("r"), touches).credits
    assert (credit.share_id, credit.ambassador_id, credit.content_id, credit.campaign_id) == (
        UUID(int=1),
        UUID(int=2),
        UUID(int=3),
        None,
    )
    assert credit.click_ids == (UUID(int=9),)


# Link codes: a conversion that names a share but no click.


def link(*, created: timedelta, posted: timedelta | None = None) -> Touches:
    return Touches(
        link=LinkTouch(
            share=SHARES["A"],
            created_at=CONVERTED_AT - created,
            posted_at=CONVERTED_AT - posted if posted is not None else None,
        )
    )


@pytest.mark.parametrize(
    ("touches", "expected"),
    [
        (link(created=10 * DAY, posted=9 * DAY), None),
        (link(created=timedelta(0)), None),
        (link(created=30 * DAY), None),
        (link(created=30 * DAY + MICROSECOND), Reason.OUTSIDE_WINDOW),
        # measured from the posting, when the share was confirmed posted
        (link(created=40 * DAY, posted=30 * DAY), None),
        (link(created=40 * DAY, posted=30 * DAY + MICROSECOND), Reason.OUTSIDE_WINDOW),
        # a share confirmed after the conversion was already out there
        (link(created=DAY, posted=-DAY), None),
        # a share created after the conversion cannot have brought it
        (link(created=-MICROSECOND), Reason.AFTER_CONVERSION),
        (link(created=-DAY, posted=-2 * DAY), Reason.AFTER_CONVERSION),
        (Touches(), Reason.UNKNOWN_REFERENCE),
    ],
)
@pytest.mark.parametrize("model", list(AttributionModel))
def test_a_link_code_credits_its_share_within_the_window_from_its_posting(
    model: AttributionModel, touches: Touches, expected: UnattributedReason | None
) -> None:
    attribution = AttributionPolicy(model=model).attribute(conversion(link_code="Ab3dE5gH"), touches)
    assert attribution.reason == expected
    if expected is None:
        assert attribution.credits == (Credit(share=SHARES["A"], weight=Fraction(1)),)


@pytest.mark.parametrize(
    ("clicks", "refs", "expected"),
    [
        ({"a": C("B", bot=True)}, ("a",), Reason.BOT_OR_SELF_CLICK),
        ({"a": C("B", own=True)}, ("a",), Reason.BOT_OR_SELF_CLICK),
        ({}, ("nope",), Reason.UNKNOWN_REFERENCE),
        ({"a": C("B", 60 * DAY)}, ("a",), Reason.OUTSIDE_WINDOW),
        ({"a": C("B")}, ("a",), None),
    ],
)
def test_click_references_decide_alone_when_a_link_code_comes_with_them(
    clicks: dict[str, C], refs: tuple[str, ...], expected: UnattributedReason | None
) -> None:
    touches = Touches(clicks=touches_of(clicks).clicks, link=link(created=DAY).link)
    attribution = AttributionPolicy().attribute(conversion(*refs, link_code="Ab3dE5gH"), touches)
    assert attribution.reason == expected
    assert credited(attribution) == ([] if expected else [("B", Fraction(1))])
