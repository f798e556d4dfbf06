"""Caption compliance, table-driven, in French and English."""

from __future__ import annotations

import pytest

from app.domain.networks import Network
from app.domain.programme.compliance import ViolationCode, check_caption
from app.domain.programme.settings import ProgrammeSettings

SETTINGS = ProgrammeSettings.defaults().apply(
    {
        "banned_terms": ["confidentiel", "class", "très secret", "guaranteed returns", "C++", "機密"],
        "sensitive_terms": ["salaire", "layoffs", "secret", "rachat"],
        "disclosures": {"linkedin": "#employee", "x": "#collab"},
    }
)
FREE = ProgrammeSettings.defaults()


def full_width(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


# (caption, the span the banned term must cover in it, or None when nothing is banned)
BANNED_CASES = [
    ("Un document confidentiel", "confidentiel"),
    ("Un document CONFIDENTIEL", "CONFIDENTIEL"),
    ("Un document Confidentiél", "Confidentiél"),
    ("Un document Confide\u0301ntiel", "Confide\u0301ntiel"),  # decomposed accent
    ("Un document " + full_width("confidentiel"), full_width("confidentiel")),
    (full_width("Un document CONFIDENTIEL !"), full_width("CONFIDENTIEL")),
    ("« confidentiel »", "confidentiel"),
    ("(confidentiel)", "confidentiel"),
    ("non-confidentiel", "confidentiel"),
    ("l'confidentiel", "confidentiel"),
    ("confidentiel.", "confidentiel"),
    ("C'est très secret", "très secret"),
    ("C'est TRES   SECRET", "TRES   SECRET"),
    ("C'est très\nsecret", "très\nsecret"),
    ("Join our class today", "class"),
    ("CLASS of 2026", "CLASS"),
    ("We offer guaranteed returns!", "guaranteed returns"),
    ("Hiring C++ developers", "C++"),
    ("これは機密です", "機密"),
    ("Nothing confidential here", None),
    ("Les documents confidentiels", None),  # another word, not the banned one
    ("A classic offer", None),
    ("Our classes start soon", None),
    ("subclass hierarchy", None),
    ("très secrète affaire", None),
    ("Use C or C# here", None),
    ("confidentielle", None),
]


@pytest.mark.parametrize(("caption", "expected"), BANNED_CASES)
def test_banned_terms_match_whatever_the_case_accents_or_width_on_word_boundaries(
    caption: str, expected: str | None
) -> None:
    report = check_caption(caption, Network.FACEBOOK, SETTINGS)

    banned = [v for v in report.violations if v.code is ViolationCode.BANNED_TERM]
    if expected is None:
        assert banned == []
        assert report.ok
    else:
        assert len(banned) == 1
        assert banned[0].start is not None
        assert caption[banned[0].start : banned[0].end] == expected
        assert banned[0].blocking
        assert not report.ok


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Parlons salaire", ["salaire"]),
        ("Parlons SALAIRÉ et rachat", ["SALAIRÉ", "rachat"]),
        ("No layoffs planned", ["layoffs"]),
        ("A secret recipe", ["secret"]),
        ("Les salaires montent", []),
        ("A secretary joined", []),
    ],
)
def test_sensitive_terms_warn_without_blocking(caption: str, expected: list[str]) -> None:
    report = check_caption(caption, Network.FACEBOOK, SETTINGS)

    warnings = [v for v in report.violations if v.code is ViolationCode.SENSITIVE_TERM]
    assert [caption[v.start : v.end] for v in warnings] == expected
    assert all(not v.blocking for v in warnings)
    assert report.ok


def test_a_sensitive_word_inside_a_banned_phrase_is_reported_once_as_banned() -> None:
    report = check_caption("C'est très secret", Network.FACEBOOK, SETTINGS)

    assert [v.code for v in report.violations] == [ViolationCode.BANNED_TERM]


def test_every_occurrence_is_reported_in_the_order_of_the_text() -> None:
    caption = "salaire, CONFIDENTIEL, salaire et confidentiel"
    report = check_caption(caption, Network.FACEBOOK, SETTINGS)

    assert [(v.code, caption[v.start : v.end]) for v in report.violations] == [
        (ViolationCode.SENSITIVE_TERM, "salaire"),
        (ViolationCode.BANNED_TERM, "CONFIDENTIEL"),
        (ViolationCode.SENSITIVE_TERM, "salaire"),
        (ViolationCode.BANNED_TERM, "confidentiel"),
    ]


@pytest.mark.parametrize(
    ("network", "caption", "ok"),
    [
        (Network.LINKEDIN, "Fier de notre équipe #employee", True),
        (Network.LINKEDIN, "Fier de notre équipe #EMPLOYEE", True),
        (Network.LINKEDIN, "#Employee : nouvelle offre", True),
        (Network.LINKEDIN, "Proud of the team", False),
        (Network.LINKEDIN, "Proud of the team #employees", False),
        (Network.LINKEDIN, "Proud of the team employee", False),
        (Network.X, "Nouveau produit #collab", True),
        (Network.X, "Nouveau produit #employee", False),
        (Network.INSTAGRAM, "No rule on Instagram", True),
    ],
)
def test_the_disclosure_of_the_network_must_appear(network: Network, caption: str, ok: bool) -> None:
    report = check_caption(caption, network, SETTINGS)

    missing = [v for v in report.violations if v.code is ViolationCode.MISSING_DISCLOSURE]
    assert report.ok is ok
    assert len(missing) == (0 if ok else 1)
    if missing:
        assert missing[0].start is None
        assert missing[0].end is None


@pytest.mark.parametrize(
    ("network", "length", "ok"),
    [
        (Network.X, 280, True),
        (Network.X, 281, False),
        (Network.LINKEDIN, 3000, True),
        (Network.LINKEDIN, 3001, False),
        (Network.INSTAGRAM, 2200, True),
        (Network.INSTAGRAM, 2201, False),
    ],
)
def test_a_caption_over_the_network_limit_is_too_long(network: Network, length: int, ok: bool) -> None:
    caption = "é" * length
    report = check_caption(caption, network, FREE)

    assert report.ok is ok
    if not ok:
        (violation,) = report.violations
        assert violation.code is ViolationCode.TOO_LONG
        assert (violation.start, violation.end) == (length - 1, length)


def test_too_long_on_x_points_where_the_limit_is_passed_counting_links_at_23() -> None:
    link = "https://example.com/" + "a" * 100
    caption = link + " " + "b" * 260
    report = check_caption(caption, Network.X, FREE)

    (violation,) = report.violations
    assert violation.code is ViolationCode.TOO_LONG
    # The link counts 23 and the space 1, so the 281st counted character is the 257th "b".
    assert violation.start == len(link) + 1 + 256
    assert violation.end == len(caption)
    assert "counts 284" in violation.detail


@pytest.mark.parametrize(
    ("caption", "ok"),
    [
        ("Lisez https://acme.example/blog/post", True),
        ("Lisez https://acme.example/blog/post.", True),
        ("Lisez (https://acme.example/blog/post)", True),
        ("Lisez https://ACME.example/blog/post/", True),
        ("Read HTTPS://acme.example/blog/post!", True),
        ("Read https://acme.example/blog/other", False),
        ("Read https://acme.example/Blog/post", False),
        ("Read https://acme.example/blog/post?utm_source=x", False),
        ("Read our blog", False),
    ],
)
def test_the_contents_link_must_appear_when_given(caption: str, ok: bool) -> None:
    report = check_caption(caption, Network.FACEBOOK, FREE, link="https://acme.example/blog/post")

    assert report.ok is ok
    assert [v.code for v in report.violations] == ([] if ok else [ViolationCode.MISSING_LINK])


def test_a_link_with_escapes_or_the_default_port_matches_its_stored_form() -> None:
    stored = "https://acme.example/caf%C3%A9?q=th%C3%A9"

    assert check_caption("Voir https://acme.example:443/café?q=thé", Network.FACEBOOK, FREE, link=stored).ok


def test_an_internationalised_host_matches_its_punycode_form() -> None:
    report = check_caption(
        "À lire https://bücher.example/neu", Network.FACEBOOK, FREE, link="https://xn--bcher-kva.example/neu"
    )

    assert report.ok


@pytest.mark.parametrize(("caption", "ok"), [("Read https://acme.example", True), ("Read it on our site", False)])
def test_a_link_is_required_without_naming_one(caption: str, ok: bool) -> None:
    assert check_caption(caption, Network.LINKEDIN, FREE, link_required=True).ok is ok


def test_a_clean_caption_passes_with_no_violation() -> None:
    report = check_caption(
        "Fier de notre nouvelle usine ! #employee https://acme.example/usine",
        Network.LINKEDIN,
        SETTINGS,
        link="https://acme.example/usine",
    )

    assert report.ok
    assert report.violations == ()


def test_several_problems_are_all_reported() -> None:
    caption = "Document confidentiel sur le salaire " + "x" * 280
    report = check_caption(caption, Network.X, SETTINGS, link_required=True)

    assert sorted(v.code for v in report.violations) == sorted(
        [
            ViolationCode.BANNED_TERM,
            ViolationCode.SENSITIVE_TERM,
            ViolationCode.TOO_LONG,
            ViolationCode.MISSING_DISCLOSURE,
            ViolationCode.MISSING_LINK,
        ]
    )
    # Located problems first, in the order of the text; missing ones last.
    assert [v.start is None for v in report.violations] == [False, False, False, True, True]
