"""Access-token verification: what is accepted, what is refused and why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from joserfc.jwk import ECKey, Key, KeySet, OKPKey, RSAKey

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.auth.keys import StaticKeySource
from app.adapters.auth.verifier import JoserfcTokenVerifier
from app.domain.errors import Unauthenticated
from app.domain.roster.identity import Principal, Role
from tests.support.tokens import (
    AUDIENCE,
    HOSTILE_TOKENS,
    ISSUER,
    SUBJECT,
    TENANT_ID,
    claims_for,
    header_for,
    sign_compact,
    valid_token,
)

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


class FrozenClock:
    def __init__(self, now: datetime = NOW) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


@pytest.fixture
def issuer() -> DevIssuer:
    return DevIssuer.ephemeral(ISSUER, AUDIENCE)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def verifier(issuer: DevIssuer, clock: FrozenClock) -> JoserfcTokenVerifier:
    return issuer.verifier(clock)


async def rejection(verifier: JoserfcTokenVerifier, token: str) -> str:
    with pytest.raises(Unauthenticated) as caught:
        await verifier.verify(token)
    return caught.value.detail


# Each hostile token must be refused for its own reason, not incidentally (say, for being expired).
EXPECTED_REASONS = {
    "expired": "has expired",
    "not_yet_valid": "not valid yet",
    "issued_in_the_future": "issued in the future",
    "wrong_issuer": "issuer this service does not trust",
    "wrong_audience": "another audience",
    "missing_expiry": "lacks required claims: exp",
    "missing_subject": "lacks required claims: sub",
    "missing_tenant_for_non_operator": "names no tenant",
    "malformed_tenant": "tenant_id claim is not a valid id",
    "alg_none": "algorithm this service does not accept",
    "hs256_with_public_key_pem": "algorithm this service does not accept",
    "hs256_with_public_jwks_json": "algorithm this service does not accept",
    "signed_by_unknown_key": "signed by an unknown key",
    "forged_with_known_kid": "signature is invalid",
    "tampered_payload": "signature is invalid",
    "jku_header": "header parameters this service does not accept: jku",
    "x5u_header": "header parameters this service does not accept: x5u",
    "embedded_jwk_header": "header parameters this service does not accept: jwk",
    "crit_header": "header parameters this service does not accept: crit",
    "wrong_type": "not an access token",
    "not_a_jwt": "malformed",
}


def test_every_hostile_token_has_an_expected_reason() -> None:
    assert EXPECTED_REASONS.keys() == HOSTILE_TOKENS.keys()


@pytest.mark.parametrize("name", sorted(HOSTILE_TOKENS))
async def test_hostile_token_is_rejected(name: str, issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    detail = await rejection(verifier, HOSTILE_TOKENS[name](issuer, now=NOW))
    assert EXPECTED_REASONS[name] in detail


async def test_valid_token_gives_the_principal(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.mint(
        tenant_id=TENANT_ID,
        subject=SUBJECT,
        roles=["manager", "ambassador"],
        email="ada@example.com",
        scopes=["content:write", "metrics:read"],
        now=NOW,
    )
    assert await verifier.verify(token) == Principal(
        tenant_id=TENANT_ID,
        subject=SUBJECT,
        email="ada@example.com",
        email_verified=True,
        roles=frozenset({Role.MANAGER, Role.AMBASSADOR}),
        scopes=frozenset({"content:write", "metrics:read"}),
    )


async def test_operator_token_without_tenant_is_accepted(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.mint(tenant_id=None, subject="ops-1", roles=["operator"], now=NOW)
    principal = await verifier.verify(token)
    assert principal.tenant_id is None
    assert principal.roles == {Role.OPERATOR}


async def test_unknown_role_names_are_ignored(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    claims = {**claims_for(issuer, now=NOW), "roles": ["analyst", "superuser", 7, "ADMIN"]}
    principal = await verifier.verify(issuer.sign(claims))
    assert principal.roles == {Role.ANALYST}


async def test_token_without_roles_has_none(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    claims = claims_for(issuer, now=NOW)
    del claims["roles"]
    assert (await verifier.verify(issuer.sign(claims))).roles == frozenset()


async def test_roles_claim_that_is_not_a_list_is_rejected(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.sign({**claims_for(issuer, now=NOW), "roles": "admin"})
    assert "roles claim is not a list" in await rejection(verifier, token)


async def test_scope_is_split_on_whitespace(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.sign({**claims_for(issuer, now=NOW), "scope": " openid  roster:write\tconversions:write "})
    assert (await verifier.verify(token)).scopes == {"openid", "roster:write", "conversions:write"}


async def test_scope_that_is_not_a_string_is_rejected(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.sign({**claims_for(issuer, now=NOW), "scope": ["openid"]})
    assert "scope claim is not a string" in await rejection(verifier, token)


@pytest.mark.parametrize("flag", ["true", 1, None])
async def test_email_is_verified_only_by_a_json_true(
    flag: Any, issuer: DevIssuer, verifier: JoserfcTokenVerifier
) -> None:
    claims = {**claims_for(issuer, now=NOW, email="ada@example.com"), "email_verified": flag}
    principal = await verifier.verify(issuer.sign(claims))
    assert principal.email == "ada@example.com"
    assert principal.email_verified is False


async def test_audience_list_containing_ours_is_accepted(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.sign({**claims_for(issuer, now=NOW), "aud": ["crm", AUDIENCE]})
    assert (await verifier.verify(token)).subject == SUBJECT


async def test_issuer_must_match_exactly(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = issuer.sign({**claims_for(issuer, now=NOW), "iss": ISSUER + "/"})
    assert "issuer this service does not trust" in await rejection(verifier, token)


async def test_token_expired_within_the_leeway_is_accepted(
    issuer: DevIssuer, verifier: JoserfcTokenVerifier, clock: FrozenClock
) -> None:
    token = valid_token(issuer, now=NOW)
    clock.advance(3600 + 20)
    assert (await verifier.verify(token)).subject == SUBJECT


async def test_token_expired_beyond_the_leeway_is_rejected(
    issuer: DevIssuer, verifier: JoserfcTokenVerifier, clock: FrozenClock
) -> None:
    token = valid_token(issuer, now=NOW)
    clock.advance(3600 + 31)
    assert await rejection(verifier, token) == "The access token has expired."


async def test_token_from_a_slightly_fast_issuer_clock_is_accepted(
    issuer: DevIssuer, verifier: JoserfcTokenVerifier
) -> None:
    token = valid_token(issuer, now=NOW + timedelta(seconds=20))
    assert (await verifier.verify(token)).subject == SUBJECT


@pytest.mark.parametrize("typ", ["at+jwt", "application/at+jwt", "JWT", None])
async def test_access_token_types_are_accepted(
    typ: str | None, issuer: DevIssuer, verifier: JoserfcTokenVerifier
) -> None:
    header = header_for(issuer, typ=typ)
    if typ is None:
        del header["typ"]
    token = sign_compact(header, claims_for(issuer, now=NOW), issuer.signing_key)
    assert (await verifier.verify(token)).subject == SUBJECT


def _signing_key(algorithm: str) -> Key:
    if algorithm in {"RS256", "PS256"}:
        return RSAKey.generate_key(2048, auto_kid=True)
    if algorithm in {"EdDSA", "Ed25519"}:
        return OKPKey.generate_key("Ed25519", auto_kid=True)
    return ECKey.generate_key("P-256", auto_kid=True)


@pytest.mark.parametrize("algorithm", ["RS256", "PS256", "ES256", "EdDSA", "Ed25519"])
async def test_allowed_asymmetric_algorithms_are_accepted(
    algorithm: str, issuer: DevIssuer, clock: FrozenClock
) -> None:
    key = _signing_key(algorithm)
    verifier = JoserfcTokenVerifier(ISSUER, AUDIENCE, StaticKeySource(KeySet([key])), clock)
    token = sign_compact(header_for(issuer, alg=algorithm, kid=key.kid), claims_for(issuer, now=NOW), key)
    assert (await verifier.verify(token)).subject == SUBJECT


@pytest.mark.parametrize("algorithm", ["RS384", "ES384", "PS512"])
async def test_algorithms_outside_the_allow_list_are_rejected(
    algorithm: str, issuer: DevIssuer, clock: FrozenClock
) -> None:
    key = ECKey.generate_key("P-384", auto_kid=True) if algorithm == "ES384" else RSAKey.generate_key(2048)
    verifier = JoserfcTokenVerifier(ISSUER, AUDIENCE, StaticKeySource(KeySet([key])), clock)
    token = sign_compact(header_for(issuer, alg=algorithm, kid=key.kid), claims_for(issuer, now=NOW), key)
    assert "algorithm this service does not accept" in await rejection(verifier, token)


async def test_algorithm_that_does_not_fit_the_key_is_rejected(issuer: DevIssuer, clock: FrozenClock) -> None:
    rsa_key = RSAKey.generate_key(2048, auto_kid=True)
    ec_public = ECKey.import_key(issuer.signing_key.as_dict(private=False, kid=rsa_key.kid))
    verifier = JoserfcTokenVerifier(ISSUER, AUDIENCE, StaticKeySource(KeySet([ec_public])), clock)
    token = sign_compact(header_for(issuer, alg="RS256", kid=rsa_key.kid), claims_for(issuer, now=NOW), rsa_key)
    assert await rejection(verifier, token) == "The access token's signature is invalid."


@pytest.mark.parametrize(
    "token",
    ["", "a.b", "a.b.c.d", "!!!.e30.sig", "e30.e30.", "WyJFUzI1NiJd.e30.sig", "x" * 20_000],
    ids=["empty", "two-parts", "four-parts", "bad-base64", "no-alg", "header-not-object", "oversized"],
)
async def test_malformed_token_is_rejected(token: str, verifier: JoserfcTokenVerifier) -> None:
    detail = await rejection(verifier, token)
    assert "malformed" in detail or "algorithm" in detail


async def test_algorithm_that_is_not_a_string_is_rejected(issuer: DevIssuer, verifier: JoserfcTokenVerifier) -> None:
    token = sign_compact(header_for(issuer), claims_for(issuer, now=NOW), issuer.signing_key)
    forged_header = "eyJhbGciOlsiRVMyNTYiXX0"  # {"alg":["ES256"]}
    assert "algorithm" in await rejection(verifier, forged_header + token[token.index(".") :])
