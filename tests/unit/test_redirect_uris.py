"""Which redirect URIs and browser origins the development sign-in accepts."""

from __future__ import annotations

import pytest

from app.adapters.auth.redirect_uris import RedirectUriError, RedirectUriPolicy
from app.settings import Settings

LOOPBACK = RedirectUriPolicy(Settings().dev_oidc_redirect_uris)


@pytest.mark.parametrize(
    "uri",
    [
        "http://localhost:5173/callback",
        "http://localhost:3000/",
        "http://localhost/auth/callback?from=login",
        "http://127.0.0.1:8080/callback",
        "http://[::1]:4200/signin-oidc",
        "http://LOCALHOST:5173/callback",
    ],
)
def test_any_loopback_address_on_any_port_is_accepted_by_default(uri: str) -> None:
    assert LOOPBACK.allows(uri)


@pytest.mark.parametrize(
    "uri",
    [
        "https://attacker.example/callback",
        "http://localhost.attacker.example/callback",
        "http://localhost:5173@attacker.example/callback",
        "http://user@localhost:5173/callback",
        "http://localhost:5173/callback#token",
        "http://127.0.0.2:5173/callback",
        "https://localhost:5173/callback",
        "javascript:alert(1)//localhost",
        "com.example.app:/callback",
        "http://localhost:99999/callback",
        "",
    ],
)
def test_anything_else_is_refused_by_default(uri: str) -> None:
    assert not LOOPBACK.allows(uri)


def test_an_entry_with_a_path_allows_exactly_that_uri() -> None:
    policy = RedirectUriPolicy(["https://app.example.com/callback", "http://localhost:*"])

    assert policy.allows("https://app.example.com/callback")
    assert not policy.allows("https://app.example.com/callback/../admin")
    assert not policy.allows("https://app.example.com/other")
    assert not policy.allows("https://app.example.com:8443/callback")
    assert policy.allows("http://localhost:1234/anything")


def test_origins_follow_the_redirect_uris() -> None:
    policy = RedirectUriPolicy(["https://app.example.com/callback", "http://localhost:*"])

    assert policy.allows_origin("https://app.example.com")
    assert policy.allows_origin("http://localhost:5173")
    assert not policy.allows_origin("https://app.example.com:8443")
    assert not policy.allows_origin("https://attacker.example")
    assert not policy.allows_origin("null")


@pytest.mark.parametrize("entry", ["localhost:5173", "ftp://files.example/", "http://user@localhost:*", "http:///x"])
def test_a_malformed_entry_is_reported_with_the_shape_expected(entry: str) -> None:
    with pytest.raises(RedirectUriError, match="http\\(s\\)://host"):
        RedirectUriPolicy([entry])


def test_an_empty_list_is_refused() -> None:
    with pytest.raises(RedirectUriError):
        RedirectUriPolicy([])


def test_the_setting_is_read_as_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_DEV_OIDC_REDIRECT_URIS", "https://app.example.com/cb, http://localhost:*")

    assert Settings().dev_oidc_redirect_uris == ["https://app.example.com/cb", "http://localhost:*"]
