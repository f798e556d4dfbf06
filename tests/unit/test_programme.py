"""Programme settings: defaults, validation of every field, link hosts and disclosures."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.errors import PreconditionFailed, ValidationFailed
from app.domain.hostnames import normalise_hostname
from app.domain.networks import Network
from app.domain.programme.settings import LinkDomain, ProgrammeSettings
from tests.fakes import EPOCH


def rejected(changes: dict[str, Any]) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationFailed) as caught:
        ProgrammeSettings.defaults().apply(changes)
    return [error.loc for error in caught.value.errors]


def test_the_defaults_are_those_of_a_new_programme() -> None:
    settings = ProgrammeSettings.defaults()

    assert settings.weekly_content_budget == 4
    assert settings.four_eyes_review is False
    assert settings.default_language == "en"
    assert settings.utm_medium == "employee_advocacy"
    assert settings.networks == tuple(Network)
    assert settings.link_domains == ()
    assert settings.version == 0


def test_with_no_allowed_domain_no_link_is_allowed() -> None:
    assert not ProgrammeSettings.defaults().allows_link_host("example.com")


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("acme.example", True),
        ("ACME.Example", True),
        ("acme.example.", True),
        ("www.acme.example", False),
        ("evilacme.example", False),
        ("acme.example.evil.test", False),
        ("careers.acme.jobs", True),
        ("a.b.acme.jobs", True),
        ("acme.jobs", True),
        ("xacme.jobs", False),
        ("bücher.example", True),
        ("xn--bcher-kva.example", True),
        ("shop.bücher.example", False),
        ("", False),
        ("not a host", False),
    ],
)
def test_a_link_host_must_be_an_allowed_domain_or_an_opted_in_subdomain(host: str, allowed: bool) -> None:
    settings = ProgrammeSettings.defaults().apply(
        {
            "link_domains": [
                {"domain": "acme.example"},
                {"domain": "acme.jobs", "include_subdomains": True},
                {"domain": "Bücher.example", "include_subdomains": False},
            ]
        }
    )

    assert settings.allows_link_host(host) is allowed


def test_domains_are_stored_in_punycode_lowercase_and_listed_once() -> None:
    settings = ProgrammeSettings.defaults().apply(
        {
            "link_domains": [
                {"domain": "BÜCHER.example"},
                {"domain": "xn--bcher-kva.example", "include_subdomains": True},
                {"domain": "Acme.Example."},
            ]
        }
    )

    assert settings.link_domains == (
        LinkDomain(domain="xn--bcher-kva.example", include_subdomains=True),
        LinkDomain(domain="acme.example"),
    )


@pytest.mark.parametrize(
    "domain",
    ["https://acme.example", "acme.example/path", "*.acme.example", "192.168.1.1", "localhost", "ex_ample.com", "a..b"],
)
def test_a_link_domain_that_is_not_a_domain_name_is_refused(domain: str) -> None:
    assert rejected({"link_domains": [{"domain": "ok.example"}, {"domain": domain}]}) == [("link_domains", 1, "domain")]


def test_hostnames_normalise_width_and_idn() -> None:
    assert normalise_hostname("".join(chr(ord(c) + 0xFEE0) for c in "ACME") + ".example") == "acme.example"
    assert normalise_hostname("例え.テスト") == "xn--r8jz45g.xn--zckzah"


def test_the_disclosure_of_each_network_is_found_by_network() -> None:
    settings = ProgrammeSettings.defaults().apply({"disclosures": {"linkedin": " #employee ", "x": "#emp"}})

    assert settings.disclosure_for(Network.LINKEDIN) == "#employee"
    assert settings.disclosure_for(Network.X) == "#emp"
    assert settings.disclosure_for(Network.INSTAGRAM) is None


def test_every_bad_field_is_reported_at_once() -> None:
    locations = rejected(
        {
            "networks": ["linkedin", "myspace"],
            "disclosures": {"friendster": "#x", "x": ""},
            "sensitive_terms": ["ok", "\u0000"],
            "banned_terms": ["!!!"],
            "weekly_content_budget": 0,
            "four_eyes_review": "yes",
            "default_language": "not a language",
            "utm_medium": "employee advocacy",
            "colour": "blue",
        }
    )

    assert sorted(map(str, locations)) == sorted(
        map(
            str,
            [
                ("networks", 1),
                ("disclosures", "friendster"),
                ("disclosures", "x"),
                ("sensitive_terms", 1),
                ("banned_terms", 0),
                ("weekly_content_budget",),
                ("four_eyes_review",),
                ("default_language",),
                ("utm_medium",),
                ("colour",),
            ],
        )
    )


@pytest.mark.parametrize(
    ("budget", "ok"), [(1, True), (50, True), (0, False), (51, False), (True, False), ("4", False)]
)
def test_the_weekly_content_budget_is_from_1_to_50(budget: object, ok: bool) -> None:
    if ok:
        assert ProgrammeSettings.defaults().apply({"weekly_content_budget": budget}).weekly_content_budget == budget
    else:
        assert rejected({"weekly_content_budget": budget}) == [("weekly_content_budget",)]


@pytest.mark.parametrize(
    ("medium", "ok"),
    [
        ("social", True),
        ("employee-advocacy.v2", True),
        ("a b", False),
        ("", False),
        ("<script>", False),
        ("x" * 65, False),
    ],
)
def test_the_utm_medium_is_a_safe_token(medium: str, ok: bool) -> None:
    if ok:
        assert ProgrammeSettings.defaults().apply({"utm_medium": medium}).utm_medium == medium
    else:
        assert rejected({"utm_medium": medium}) == [("utm_medium",)]


def test_the_default_language_is_stored_in_its_canonical_form() -> None:
    assert ProgrammeSettings.defaults().apply({"default_language": "FR-ca"}).default_language == "fr-CA"


def test_no_network_at_all_is_refused() -> None:
    assert rejected({"networks": []}) == [("networks",)]


def test_networks_keep_a_stable_order_without_repeats() -> None:
    settings = ProgrammeSettings.defaults().apply({"networks": ["x", "linkedin", "x"]})

    assert settings.networks == (Network.LINKEDIN, Network.X)
    assert settings.allows_network(Network.X)
    assert not settings.allows_network(Network.TIKTOK)


def test_terms_that_fold_to_the_same_words_are_one_term() -> None:
    settings = ProgrammeSettings.defaults().apply({"banned_terms": ["Café", "cafe", " CAFÉ ", "thé"]})

    assert settings.banned_terms == ("Café", "thé")


def test_a_change_is_a_new_value_and_the_old_one_is_unchanged() -> None:
    before = ProgrammeSettings.defaults()
    after = before.apply({"four_eyes_review": True})

    assert before.four_eyes_review is False
    assert after.four_eyes_review is True
    assert after.changed_fields(before) == ["four_eyes_review"]


def test_saving_bumps_the_version_and_a_stale_version_is_refused() -> None:
    saved = ProgrammeSettings.defaults().saved(EPOCH)

    assert (saved.version, saved.updated_at) == (1, EPOCH)
    saved.require_version(1)
    saved.require_version(None)
    with pytest.raises(PreconditionFailed):
        saved.require_version(0)


def test_the_document_reads_back_to_the_same_settings() -> None:
    settings = (
        ProgrammeSettings.defaults()
        .apply(
            {
                "networks": ["linkedin", "x"],
                "link_domains": [{"domain": "acme.example", "include_subdomains": True}],
                "disclosures": {"linkedin": "#employee"},
                "sensitive_terms": ["salaire"],
                "banned_terms": ["confidentiel"],
                "weekly_content_budget": 3,
                "four_eyes_review": True,
                "default_language": "fr",
                "utm_medium": "ambassadors",
            }
        )
        .saved(EPOCH)
    )

    assert ProgrammeSettings.from_document(settings.to_document(), version=1, updated_at=EPOCH) == settings


def test_a_stored_document_missing_later_fields_reads_with_their_defaults() -> None:
    settings = ProgrammeSettings.from_document({"weekly_content_budget": 2, "retired": 1}, version=3, updated_at=EPOCH)

    assert settings.weekly_content_budget == 2
    assert settings.utm_medium == "employee_advocacy"
    assert settings.version == 3
