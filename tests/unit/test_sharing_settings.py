"""The sharing and attribution settings: their defaults, bounds and stored form."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.attribution.policy import AttributionModel
from app.domain.errors import ValidationFailed
from app.domain.programme.settings import ProgrammeSettings


def rejected(changes: dict[str, object]) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationFailed) as caught:
        ProgrammeSettings.defaults().apply(changes)
    return [error.loc for error in caught.value.errors]


def test_the_defaults() -> None:
    settings = ProgrammeSettings.defaults()

    assert settings.share_daily_limit == 5
    assert settings.click_param == "rl_click"
    assert settings.attribution_window_days == 30
    assert settings.attribution_model is AttributionModel.LAST_TOUCH
    assert settings.attribution_policy().window.length == timedelta(days=30)


@pytest.mark.parametrize(
    ("limit", "ok"), [(1, True), (100, True), (0, False), (101, False), (True, False), ("5", False)]
)
def test_the_daily_share_limit_is_from_1_to_100(limit: object, ok: bool) -> None:
    if ok:
        assert ProgrammeSettings.defaults().apply({"share_daily_limit": limit}).share_daily_limit == limit
    else:
        assert rejected({"share_daily_limit": limit}) == [("share_daily_limit",)]


@pytest.mark.parametrize(("days", "ok"), [(1, True), (365, True), (0, False), (366, False), (False, False)])
def test_the_attribution_window_is_from_1_to_365_days(days: object, ok: bool) -> None:
    if ok:
        assert ProgrammeSettings.defaults().apply({"attribution_window_days": days}).attribution_window_days == days
    else:
        assert rejected({"attribution_window_days": days}) == [("attribution_window_days",)]


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("ref", True),
        ("rl_click", True),
        ("click.ref-2", True),
        ("utm_ref", False),
        ("UTM_ref", False),
        ("1ref", False),
        ("a b", False),
        ("", False),
        ("r" * 65, False),
        (7, False),
    ],
)
def test_the_click_parameter_is_a_safe_name_outside_utm(name: object, ok: bool) -> None:
    if ok:
        assert ProgrammeSettings.defaults().apply({"click_param": name}).click_param == name
    else:
        assert rejected({"click_param": name}) == [("click_param",)]


def test_the_attribution_model_is_one_of_three() -> None:
    settings = ProgrammeSettings.defaults().apply({"attribution_model": "linear", "attribution_window_days": 7})

    assert settings.attribution_policy().model is AttributionModel.LINEAR
    assert settings.attribution_policy().window.length == timedelta(days=7)
    assert rejected({"attribution_model": "time_decay"}) == [("attribution_model",)]


def test_the_document_round_trips_and_old_documents_take_the_defaults() -> None:
    changed = ProgrammeSettings.defaults().apply(
        {
            "share_daily_limit": 9,
            "click_param": "ref",
            "attribution_window_days": 60,
            "attribution_model": "first_touch",
        }
    )
    document = changed.to_document()

    assert document["attribution_model"] == "first_touch"
    assert ProgrammeSettings.from_document(document, version=1, updated_at=None).to_document() == document
    old = {key: value for key, value in document.items() if key not in {"share_daily_limit", "click_param"}}
    restored = ProgrammeSettings.from_document(old, version=1, updated_at=None)
    assert (restored.share_daily_limit, restored.click_param) == (5, "rl_click")
