"""Audiences: who a targeting reaches, and whether two audiences share anyone."""

from __future__ import annotations

import pytest

from app.domain.content.targeting import Targeting, language_matches, language_ranges_of

EVERYONE = Targeting()
SALES = Targeting(departments=("Sales",))
MARKETING = Targeting(departments=("Marketing",))
SALES_OR_MARKETING = Targeting(departments=("Sales", "Marketing"))
PARIS = Targeting(locations=("Paris",))
LYON = Targeting(locations=("Lyon",))
FRENCH = Targeting(languages=("fr",))
CANADIAN_FRENCH = Targeting(languages=("fr-CA",))
FRANCE_FRENCH = Targeting(languages=("fr-FR",))
ENGLISH = Targeting(languages=("en",))
SALES_IN_PARIS = Targeting(departments=("Sales",), locations=("Paris",))


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        (EVERYONE, EVERYONE, True),
        (EVERYONE, SALES, True),
        (SALES, SALES, True),
        (SALES, MARKETING, False),
        (SALES, SALES_OR_MARKETING, True),
        (SALES, PARIS, True),
        (SALES_IN_PARIS, LYON, False),
        (SALES_IN_PARIS, MARKETING, False),
        (SALES_IN_PARIS, SALES_OR_MARKETING, True),
        (FRENCH, CANADIAN_FRENCH, True),
        (CANADIAN_FRENCH, FRANCE_FRENCH, False),
        (FRENCH, ENGLISH, False),
        (ENGLISH, EVERYONE, True),
        (
            Targeting(departments=("Sales",), languages=("en",)),
            Targeting(departments=("Sales",), languages=("fr",)),
            False,
        ),
    ],
)
def test_two_audiences_overlap_when_one_person_could_be_in_both(
    first: Targeting, second: Targeting, overlap: bool
) -> None:
    assert first.overlaps(second) is overlap
    assert second.overlaps(first) is overlap


@pytest.mark.parametrize(
    ("targeting", "person", "included"),
    [
        (EVERYONE, (None, None, None), True),
        (SALES, ("Sales", "Lyon", "en"), True),
        (SALES, ("sales", "Lyon", "en"), False),
        (SALES, (None, None, None), False),
        (SALES_IN_PARIS, ("Sales", "Lyon", "fr"), False),
        (SALES_IN_PARIS, ("Sales", "Paris", None), True),
        (FRENCH, (None, None, "fr-CA"), True),
        (FRENCH, (None, None, "fr"), True),
        (FRENCH, (None, None, "frr"), False),
        (CANADIAN_FRENCH, (None, None, "fr"), False),
        (CANADIAN_FRENCH, (None, None, "fr-ca"), True),
        (FRENCH, (None, None, None), False),
    ],
)
def test_a_person_is_reached_by_each_listed_dimension(
    targeting: Targeting, person: tuple[str | None, str | None, str | None], included: bool
) -> None:
    department, location, language = person
    assert targeting.includes(department=department, location=location, language=language) is included


def test_language_ranges_follow_basic_filtering() -> None:
    assert language_matches("fr", "fr-CA")
    assert not language_matches("fr-CA", "fr")
    assert language_ranges_of("zh-Hant-TW") == ("zh-Hant-TW", "zh-Hant", "zh")
    assert language_ranges_of("en") == ("en",)


def test_parsing_normalises_and_deduplicates_and_reports_each_bad_value() -> None:
    targeting, errors = Targeting.parse(
        departments=[" Sales ", "Sales", "R&D"], locations=["Paris"], languages=["FR-ca", "fr-CA", "en"]
    )
    assert targeting == Targeting(departments=("Sales", "R&D"), locations=("Paris",), languages=("fr-CA", "en"))
    assert errors == []

    _, errors = Targeting.parse(departments=["", "ok"], locations=["a\x00b"], languages=["not a tag"])
    assert [error.loc for error in errors] == [
        ("targeting", "departments", 0),
        ("targeting", "locations", 0),
        ("targeting", "languages", 0),
    ]
