"""Link destinations: https on an allowed domain, normalised, everything dangerous refused."""

from __future__ import annotations

import re

import pytest

from app.domain.links import MAX_URL_LENGTH, normalise_https_url
from app.domain.programme.settings import LinkDomain, ProgrammeSettings

SETTINGS = ProgrammeSettings(
    link_domains=(
        LinkDomain(domain="acme.example"),
        LinkDomain(domain="careers.example", include_subdomains=True),
        LinkDomain(domain="xn--bcher-kva.example"),
    )
)


def allowed(url: str) -> str:
    return normalise_https_url(url, SETTINGS.allows_link_host)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("https://acme.example/news", "https://acme.example/news"),
        ("HTTPS://ACME.Example/News", "https://acme.example/News"),
        ("https://acme.example:443/a", "https://acme.example/a"),
        ("https://acme.example:8443/a", "https://acme.example:8443/a"),
        ("https://acme.example./a", "https://acme.example/a"),
        ("https://jobs.careers.example/offer?id=7#apply", "https://jobs.careers.example/offer?id=7#apply"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://BÜCHER.example/", "https://xn--bcher-kva.example/"),
        ("https://acme.example/café?q=thé", "https://acme.example/caf%C3%A9?q=th%C3%A9"),
        ("https://acme.example/a%20b", "https://acme.example/a%20b"),
        ("https://acme.example", "https://acme.example"),
    ],
)
def test_an_https_link_on_an_allowed_domain_is_stored_normalised(given: str, stored: str) -> None:
    assert allowed(given) == stored


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("javascript:alert(1)", "not javascript:"),
        ("JavaScript:alert(document.cookie)", "not javascript:"),
        ("data:text/html;base64,PHNjcmlwdD4=", "not data:"),
        ("vbscript:msgbox", "not vbscript:"),
        ("http://acme.example/", "not http:"),
        ("ftp://acme.example/file", "not ftp:"),
        ("//acme.example/news", "Protocol-relative"),
        ("/news", "absolute https://"),
        ("acme.example/news", "absolute https://"),
        ("https:acme.example", "absolute address"),
        ("https:/acme.example", "absolute address"),
        ("https://user:secret@acme.example/", "user name or password"),
        ("https://acme.example@evil.example/", "user name or password"),
        ("https://acme.example\\@evil.example/", "backslash"),
        ("https://acme.example/\x00", "control characters"),
        ("https://acme.example/\r\nSet-Cookie:x", "control characters"),
        ("https://acme.example/a b", "spaces"),
        ("https://evil.example/", "not one of the programme's allowed link domains"),
        ("https://acme.example.evil.example/", "not one of the programme's allowed link domains"),
        ("https://sub.acme.example/", "not one of the programme's allowed link domains"),
        ("https://careers.example.evil/", "not one of the programme's allowed link domains"),
        ("https://127.0.0.1/", "not a public domain name"),
        ("https://[::1]/", "not a host name"),
        ("https://localhost/", "not a public domain name"),
        ("https:///path", "no host"),
        ("https://acme.example:0/", "port"),
        ("https://acme.example:99999/", "port"),
        ("https://acme.example:http/", "port"),
        ("", "https://"),
        ("https://acme.example/" + "a" * MAX_URL_LENGTH, "characters"),
    ],
)
def test_a_dangerous_or_foreign_link_is_refused_with_a_reason(given: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        allowed(given)


def test_without_an_allow_list_any_public_https_host_is_accepted() -> None:
    assert normalise_https_url("https://cdn.example/img.png") == "https://cdn.example/img.png"


def test_no_allowed_domain_means_no_link_at_all() -> None:
    with pytest.raises(ValueError, match="allowed link domains"):
        normalise_https_url("https://acme.example/", ProgrammeSettings().allows_link_host)
