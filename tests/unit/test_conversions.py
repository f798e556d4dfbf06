"""Reported conversions: what is accepted, and when a report repeats or contradicts a stored one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from app.domain.attribution.conversions import MAX_CLICK_REFS, Conversion, ConversionKey, ConversionType, _is_reference
from app.domain.errors import Conflict, ConversionConflict, ValidationFailed

OCCURRED_AT = datetime(2025, 3, 31, 12, 0, tzinfo=UTC)


def report(**changes: Any) -> Conversion:
    fields: dict[str, Any] = {
        "type": ConversionType.JOB_APPLICATION,
        "external_id": "ats-4711",
        "occurred_at": OCCURRED_AT,
        "click_refs": ("c1", "c2"),
        "link_code": None,
        "value_minor": 12500,
        "currency": "EUR",
        "metadata": {"job": "backend", "source": {"form": "apply"}},
    }
    return Conversion.create(**(fields | changes))


def test_a_valid_report_keeps_its_fields() -> None:
    conversion = report()
    assert conversion.type is ConversionType.JOB_APPLICATION
    assert conversion.click_refs == ("c1", "c2")
    assert (conversion.value_minor, conversion.currency) == (12500, "EUR")
    assert conversion.key == ConversionKey(type=ConversionType.JOB_APPLICATION, external_id="ats-4711")


def test_the_conversion_types_are_the_documented_ones() -> None:
    assert [t.value for t in ConversionType] == ["lead", "signup", "job_application", "hire", "purchase", "custom"]


def test_repeated_click_references_are_kept_once_in_their_first_order() -> None:
    assert report(click_refs=["c2", "c1", "c2", "c3", "c1"]).click_refs == ("c2", "c1", "c3")


def test_the_currency_is_stored_in_capitals() -> None:
    assert report(currency="chf").currency == "CHF"


def test_a_conversion_without_value_or_reference_is_valid() -> None:
    conversion = report(click_refs=(), value_minor=None, currency=None, metadata=None)
    assert (conversion.click_refs, conversion.link_code, conversion.value_minor, conversion.metadata) == (
        (),
        None,
        None,
        {},
    )


@pytest.mark.parametrize(
    ("changes", "loc"),
    [
        ({"external_id": ""}, ("external_id",)),
        ({"external_id": "x" * 201}, ("external_id",)),
        ({"external_id": "line\nbreak"}, ("external_id",)),
        ({"external_id": "nul\x00"}, ("external_id",)),
        ({"occurred_at": datetime(2025, 3, 31, 12, 0)}, ("occurred_at",)),  # noqa: DTZ001
        ({"click_refs": [f"c{i}" for i in range(MAX_CLICK_REFS + 1)]}, ("click_refs",)),
        ({"click_refs": "c1"}, ("click_refs",)),
        ({"click_refs": ["c1", ""]}, ("click_refs", 1)),
        ({"click_refs": ["   "]}, ("click_refs", 0)),
        ({"click_refs": ["a\tb"]}, ("click_refs", 0)),
        ({"click_refs": ["x" * 129]}, ("click_refs", 0)),
        ({"link_code": ""}, ("link_code",)),
        ({"link_code": "ab\ncd"}, ("link_code",)),
        ({"value_minor": -1}, ("value_minor",)),
        ({"value_minor": True}, ("value_minor",)),
        ({"currency": "EURO"}, ("currency",)),
        ({"currency": "E1R"}, ("currency",)),
        ({"currency": "€"}, ("currency",)),
        ({"currency": None}, ("currency",)),
        ({"value_minor": None}, ("currency",)),
        ({"metadata": {"when": datetime(2025, 1, 1, tzinfo=UTC)}}, ("metadata",)),
        ({"metadata": {1: "not a text key"}}, ("metadata",)),
        ({"metadata": {"ratio": float("nan")}}, ("metadata",)),
        ({"metadata": {"blob": "x" * 8192}}, ("metadata",)),
    ],
)
def test_an_invalid_field_is_refused_and_located(changes: dict[str, Any], loc: tuple[str | int, ...]) -> None:
    with pytest.raises(ValidationFailed) as raised:
        report(**changes)
    assert loc in [error.loc for error in raised.value.errors]


def test_every_invalid_field_is_listed_at_once() -> None:
    with pytest.raises(ValidationFailed) as raised:
        report(external_id="", occurred_at=datetime(2025, 1, 1), value_minor=-5, currency="euro!")  # noqa: DTZ001
    assert [error.loc for error in raised.value.errors] == [
        ("external_id",),
        ("occurred_at",),
        ("value_minor",),
        ("currency",),
    ]


def test_metadata_up_to_the_limit_is_accepted() -> None:
    # {"blob":"..."} is 11 bytes around the text.
    assert report(metadata={"blob": "x" * (8192 - 11)}).metadata["blob"]


def test_the_same_payload_has_the_same_fingerprint() -> None:
    assert report().fingerprint == report().fingerprint
    assert len(report().fingerprint) == 64
    assert int(report().fingerprint, 16) >= 0


@pytest.mark.parametrize(
    "changes",
    [
        {"occurred_at": OCCURRED_AT.astimezone(timezone(timedelta(hours=2)))},
        {"occurred_at": OCCURRED_AT.astimezone(timezone(timedelta(hours=-7, minutes=-30)))},
        {"metadata": {"source": {"form": "apply"}, "job": "backend"}},
        {"click_refs": ["c1", "c2", "c1"]},
        {"currency": "eur"},
    ],
)
def test_spellings_of_the_same_payload_share_a_fingerprint(changes: dict[str, Any]) -> None:
    assert report(**changes).fingerprint == report().fingerprint


@pytest.mark.parametrize(
    "changes",
    [
        {"type": ConversionType.HIRE},
        {"external_id": "ats-4712"},
        {"occurred_at": OCCURRED_AT + timedelta(microseconds=1)},
        {"click_refs": ["c2", "c1"]},
        {"click_refs": ["c1"]},
        {"click_refs": []},
        {"link_code": "Ab3dE5gH"},
        {"value_minor": 12501},
        {"currency": "USD"},
        {"value_minor": None, "currency": None},
        {"metadata": {}},
        {"metadata": {"job": "frontend", "source": {"form": "apply"}}},
        {"metadata": {"job": "backend", "source": {"form": "apply"}, "extra": None}},
    ],
)
def test_any_change_to_the_payload_changes_the_fingerprint(changes: dict[str, Any]) -> None:
    assert report(**changes).fingerprint != report().fingerprint


def test_a_replay_of_the_same_payload_is_accepted() -> None:
    report().require_same_payload(report().fingerprint)


def test_reusing_a_key_for_another_payload_is_a_conflict() -> None:
    stored = report()
    with pytest.raises(ConversionConflict) as raised:
        report(value_minor=99).require_same_payload(stored.fingerprint)
    assert isinstance(raised.value, Conflict)
    assert raised.value.code == "conversion-conflict"
    assert "job_application" in raised.value.detail
    assert "ats-4711" in raised.value.detail
    assert (raised.value.conversion_type, raised.value.external_id) == ("job_application", "ats-4711")


@pytest.mark.parametrize("code", ["é-code", "two words", "tab\tcode", "\u200bzero-width"])
def test_a_reference_is_visible_ascii_as_the_contract_states(code: str) -> None:
    assert not _is_reference(code)
    assert _is_reference("AbC123-_.~")
