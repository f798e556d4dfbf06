"""An external issuer's keys: fetched, cached, refetched within bounds, and imported with care."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from joserfc.jwk import ECKey, Key, KeySet

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.auth.keys import HttpJwksSource, import_signing_keys
from app.adapters.auth.verifier import JoserfcTokenVerifier
from tests.support.tokens import (
    AUDIENCE,
    ISSUER,
    SUBJECT,
    claims_for,
    header_for,
    sign_compact,
)
from tests.unit.test_token_verifier import NOW, FrozenClock, rejection

JWKS_URL = "https://idp.example/.well-known/jwks.json"


@pytest.fixture
def issuer() -> DevIssuer:
    return DevIssuer.ephemeral(ISSUER, AUDIENCE)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


class FakeIdp:
    """Serves a JWKS through httpx.MockTransport and counts the fetches."""

    def __init__(self, *keys: Key) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.failing = False
        self.latency = 0.0

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.fetches += 1
        await asyncio.sleep(self.latency)
        if self.failing:
            return httpx.Response(503)
        return httpx.Response(200, json=KeySet(self.keys).as_dict(private=False))


def jwks_verifier(
    idp: FakeIdp, clock: FrozenClock, *, cache_seconds: int = 600, cooldown_seconds: int = 30
) -> JoserfcTokenVerifier:
    http = httpx.AsyncClient(transport=httpx.MockTransport(idp.handle))
    source = HttpJwksSource(JWKS_URL, http, cache_seconds, cooldown_seconds, clock)
    return JoserfcTokenVerifier(ISSUER, AUDIENCE, source, clock)


def token_signed_by(issuer: DevIssuer, key: Key, *, kid: str | None = None) -> str:
    return sign_compact(header_for(issuer, kid=kid or key.kid), claims_for(issuer, now=NOW), key)


def new_key() -> ECKey:
    return ECKey.generate_key("P-256", auto_kid=True)


async def test_jwks_is_fetched_once_and_then_cached(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    verifier = jwks_verifier(idp, clock)
    for _ in range(5):
        await verifier.verify(token_signed_by(issuer, key))
    assert idp.fetches == 1


async def test_jwks_is_refetched_when_the_cache_expires(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    verifier = jwks_verifier(idp, clock, cache_seconds=600)
    await verifier.verify(token_signed_by(issuer, key))
    clock.advance(601)
    await verifier.verify(token_signed_by(issuer, key))
    assert idp.fetches == 2


async def test_unknown_kids_refetch_at_most_once_per_cooldown(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    verifier = jwks_verifier(idp, clock, cooldown_seconds=30)
    await verifier.verify(token_signed_by(issuer, key))
    clock.advance(31)
    for index in range(20):
        detail = await rejection(verifier, token_signed_by(issuer, key, kid=f"random-{index}"))
        assert detail == "The access token was signed by an unknown key."
    assert idp.fetches == 2
    clock.advance(31)
    await rejection(verifier, token_signed_by(issuer, key, kid="random-after-cooldown"))
    assert idp.fetches == 3


async def test_rotated_key_is_picked_up_after_the_cooldown(issuer: DevIssuer, clock: FrozenClock) -> None:
    old_key, rotated_key = new_key(), new_key()
    idp = FakeIdp(old_key)
    verifier = jwks_verifier(idp, clock, cooldown_seconds=30)
    await verifier.verify(token_signed_by(issuer, old_key))
    idp.keys = [rotated_key]
    clock.advance(5)
    await rejection(verifier, token_signed_by(issuer, rotated_key))
    clock.advance(30)
    principal = await verifier.verify(token_signed_by(issuer, rotated_key))
    assert principal.subject == SUBJECT
    assert idp.fetches == 2


async def test_concurrent_callers_share_one_fetch(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    idp.latency = 0.01
    verifier = jwks_verifier(idp, clock, cooldown_seconds=0)
    principals = await asyncio.gather(*(verifier.verify(token_signed_by(issuer, key)) for _ in range(25)))
    assert len(principals) == 25
    assert idp.fetches == 1


async def test_failed_refetch_keeps_the_cached_keys(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    verifier = jwks_verifier(idp, clock, cache_seconds=60)
    await verifier.verify(token_signed_by(issuer, key))
    idp.failing = True
    clock.advance(61)
    assert (await verifier.verify(token_signed_by(issuer, key))).subject == SUBJECT
    assert idp.fetches == 2


async def test_unreachable_issuer_without_cached_keys_is_rejected(issuer: DevIssuer, clock: FrozenClock) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    source = HttpJwksSource(JWKS_URL, http, 600, 30, clock)
    verifier = JoserfcTokenVerifier(ISSUER, AUDIENCE, source, clock)
    detail = await rejection(verifier, token_signed_by(issuer, new_key()))
    assert detail == "The token issuer's keys could not be fetched."


async def test_failed_fetch_is_not_retried_within_the_cooldown(issuer: DevIssuer, clock: FrozenClock) -> None:
    key = new_key()
    idp = FakeIdp(key)
    idp.failing = True
    verifier = jwks_verifier(idp, clock, cooldown_seconds=30)
    for _ in range(10):
        await rejection(verifier, token_signed_by(issuer, key))
    assert idp.fetches == 1
    idp.failing = False
    clock.advance(31)
    assert (await verifier.verify(token_signed_by(issuer, key))).subject == SUBJECT


def test_jwks_import_keeps_only_public_signing_keys() -> None:
    signing, encryption = new_key(), new_key()
    document: dict[str, Any] = {
        "keys": [
            signing.as_dict(private=False),
            {**encryption.as_dict(private=False), "use": "enc"},
            {"kty": "oct", "k": "c2VjcmV0", "kid": "shared-secret"},
            {"kty": "EC", "crv": "P-256", "x": "broken"},
            {"kty": "ML-DSA-44", "pub": "post-quantum"},
            "not-a-key",
        ]
    }
    keys = import_signing_keys(document)
    assert keys is not None
    assert [key.kid for key in keys] == [signing.kid]


@pytest.mark.parametrize("document", [[], {"keys": "x"}, {"keys": []}, {"other": 1}])
def test_jwks_without_usable_keys_is_refused(document: Any) -> None:
    assert import_signing_keys(document) is None
