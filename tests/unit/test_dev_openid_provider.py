"""The development OpenID provider at the protocol level, on an in-memory code store and a fixed clock."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.auth.dev_openid_provider import DevOpenIDProvider, generate_id_token_key, load_id_token_key
from app.adapters.auth.key_files import key_id
from app.adapters.auth.redirect_uris import RedirectUriPolicy
from app.domain.errors import Unauthenticated
from app.domain.roster.identity import Role
from app.domain.roster.sign_in import SignInIdentity
from app.ports.roster import OAuthRequest, OAuthResponse, SignInRequest
from tests.fake_sign_in import FakeSignInCodeStore
from tests.fakes import FixedClock

ISSUER = "http://127.0.0.1:8000"
REDIRECT_URI = "http://localhost:5173/callback"
VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy"
CAMILLE = SignInIdentity(
    tenant_id=UUID("01960000-0000-7000-8000-000000000001"),
    subject="demo|camille",
    email="camille.martin@demo.example",
    given_name="Camille",
    family_name="Martin",
    roles=(Role.AMBASSADOR,),
)


@pytest.fixture(scope="module")
def id_token_key() -> RSAKey:
    return generate_id_token_key()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def issuer() -> DevIssuer:
    return DevIssuer.ephemeral(ISSUER)


@pytest.fixture
def provider(issuer: DevIssuer, id_token_key: RSAKey, clock: FixedClock) -> DevOpenIDProvider:
    policy = RedirectUriPolicy(["http://localhost:*"])
    return DevOpenIDProvider(issuer, id_token_key, FakeSignInCodeStore(), clock, policy)


def authorization(**overrides: str) -> OAuthRequest:
    query = {
        "response_type": "code",
        "client_id": "relais-dev",
        "redirect_uri": REDIRECT_URI,
        "scope": "openid profile email",
        "state": "s1",
        "nonce": "n1",
        "code_challenge": create_s256_code_challenge(VERIFIER),
        "code_challenge_method": "S256",
    } | overrides
    return OAuthRequest(method="POST", path="/oauth/authorize", query=list(query.items()))


def exchange(code: str, verifier: str = VERIFIER) -> OAuthRequest:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": "relais-dev",
        "redirect_uri": REDIRECT_URI,
        "code_verifier": verifier,
    }
    return OAuthRequest(method="POST", path="/oauth/token", form=list(form.items()))


async def code_for(provider: DevOpenIDProvider, **overrides: str) -> str:
    response = await provider.authorize(authorization(**overrides), CAMILLE)
    assert response.status == 302, response.body
    location = dict(response.headers)["Location"]
    return parse_qs(urlsplit(location).query)["code"][0]


def body(response: OAuthResponse) -> dict[str, Any]:
    decoded: dict[str, Any] = json.loads(response.body)
    return decoded


def test_a_valid_request_is_shown_the_sign_in_page(provider: DevOpenIDProvider) -> None:
    checked = provider.check_authorization(authorization(scope="openid offline_access email"))

    assert checked == SignInRequest(client_id="relais-dev", redirect_uri=REDIRECT_URI, scope="openid email")


async def test_a_code_is_worth_nothing_after_two_minutes(provider: DevOpenIDProvider, clock: FixedClock) -> None:
    code = await code_for(provider)
    clock.advance(timedelta(minutes=2, seconds=1))

    response = await provider.token(exchange(code))

    assert response.status == 400
    assert body(response)["error"] == "invalid_grant"


async def test_the_id_token_is_signed_rs256_with_a_published_key_and_answers_the_request(
    provider: DevOpenIDProvider, clock: FixedClock
) -> None:
    tokens = body(await provider.token(exchange(await code_for(provider))))

    keys = KeySet.import_key_set(provider.public_jwks())  # type: ignore[arg-type]
    decoded = jwt.decode(tokens["id_token"], keys, algorithms=["RS256"])
    assert decoded.header["alg"] == "RS256"
    claims = decoded.claims
    assert claims["iss"] == ISSUER
    assert claims["aud"] == "relais-dev"
    assert claims["nonce"] == "n1"
    assert claims["auth_time"] == claims["iat"] == int(clock.now().timestamp())
    assert claims["at_hash"]
    assert (claims["given_name"], claims["family_name"]) == ("Camille", "Martin")


async def test_the_access_token_is_one_the_api_accepts_as_camille(
    provider: DevOpenIDProvider, issuer: DevIssuer, clock: FixedClock
) -> None:
    tokens = body(await provider.token(exchange(await code_for(provider))))

    principal = await issuer.verifier(clock).verify(tokens["access_token"])

    assert principal.tenant_id == CAMILLE.tenant_id
    assert principal.subject == "demo|camille"
    assert principal.roles == frozenset({Role.AMBASSADOR})
    assert principal.email_verified is True


async def test_the_id_token_key_never_verifies_access_tokens(
    issuer: DevIssuer, id_token_key: RSAKey, clock: FixedClock
) -> None:
    claims = issuer.claims(tenant_id=CAMILLE.tenant_id, subject="demo|camille", roles=["admin"], now=clock.now())
    header = {"alg": "RS256", "typ": "at+jwt", "kid": key_id(id_token_key)}
    forged = jwt.encode(header, claims, id_token_key, algorithms=["RS256"])

    with pytest.raises(Unauthenticated, match="unknown key"):
        await issuer.verifier(clock).verify(forged)


async def test_without_the_openid_scope_there_is_no_id_token(provider: DevOpenIDProvider) -> None:
    tokens = body(await provider.token(exchange(await code_for(provider, scope="email"))))

    assert "id_token" not in tokens
    assert tokens["scope"] == "email"


def test_the_jwks_publishes_both_public_keys_only(provider: DevOpenIDProvider, issuer: DevIssuer) -> None:
    keys = provider.public_jwks()["keys"]

    assert [(key["kty"], key["alg"]) for key in keys] == [("EC", "ES256"), ("RSA", "RS256")]
    assert keys[0]["kid"] == issuer.kid
    assert all(not {"d", "p", "q", "dp", "dq", "qi"} & key.keys() for key in keys)


def test_the_id_token_key_is_kept_in_the_data_directory(tmp_path: Path) -> None:
    first, again = load_id_token_key(tmp_path), load_id_token_key(tmp_path)

    assert first.thumbprint() == again.thumbprint()
    assert stat.S_IMODE((tmp_path / "dev-id-token-key.json").stat().st_mode) == 0o600


def test_silent_sign_in_is_answered_login_required_since_no_session_is_kept(provider: DevOpenIDProvider) -> None:
    checked = provider.check_authorization(authorization(prompt="none"))

    assert isinstance(checked, OAuthResponse)
    assert checked.status == 302
    error = parse_qs(urlsplit(dict(checked.headers)["Location"]).query)
    assert error["error"] == ["login_required"]
    assert error["state"] == ["s1"]
