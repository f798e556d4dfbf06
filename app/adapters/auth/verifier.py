"""Verify OAuth 2.0 bearer JWTs (RFC 9068 profile) with joserfc and turn them into principals.

The header is screened before any key is looked up, so a hostile token costs no key fetch and
never gets to choose its own key (``jku``, ``jwk``, ``x5u``, ``x5c``) or algorithm.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ClaimError,
    ExpiredTokenError,
    InvalidKeyCurveError,
    InvalidKeyTypeError,
    JoseError,
    KeyParameterError,
    MissingClaimError,
    SecurityWarning,
)
from joserfc.jwk import Key
from joserfc.jws import JWSRegistry
from joserfc.util import urlsafe_b64decode

from app.adapters.auth.claims import principal_from_claims
from app.adapters.auth.keys import KeySource
from app.domain.errors import Unauthenticated
from app.domain.roster.identity import Principal
from app.ports.system import Clock

# Asymmetric only: an HMAC algorithm would let anyone holding the public key forge tokens.
# Ed25519 is the fully-specified name RFC 9864 gives to EdDSA over Ed25519.
ACCEPTED_ALGORITHMS = frozenset({"RS256", "PS256", "ES256", "EdDSA", "Ed25519"})
# Headers that let a token name its own key, and "crit", since no critical extension is supported.
# "b64" (RFC 7797) changes what is signed and needs "crit" anyway.
REJECTED_HEADERS = frozenset({"jku", "jwk", "x5u", "x5c", "crit", "b64"})
ACCEPTED_TYPES = frozenset({"at+jwt", "application/at+jwt", "jwt"})
MAX_TOKEN_LENGTH = 16 * 1024

_MALFORMED = "The access token is malformed."
_BAD_SIGNATURE = "The access token's signature is invalid."
_CLAIM_DETAILS = {
    "iss": "The access token was issued by an issuer this service does not trust.",
    "aud": "The access token is meant for another audience.",
    "nbf": "The access token is not valid yet.",
    "iat": "The access token was issued in the future.",
    "exp": "The access token's expiry is invalid.",
    "sub": "The access token names no subject.",
}


class JoserfcTokenVerifier:
    """The ``TokenVerifier`` for tokens from one issuer and for one audience.

    Every failure is an ``Unauthenticated`` with a short detail a client developer can act on; the
    underlying library error is never exposed.
    """

    def __init__(
        self,
        issuer: str,
        audience: str,
        keys: KeySource,
        clock: Clock,
        leeway_seconds: int = 30,
    ) -> None:
        self._issuer = issuer
        self._audience = audience
        self._keys = keys
        self._clock = clock
        self._leeway = leeway_seconds
        # Non-strict: issuers may add informational headers; the dangerous ones are screened beforehand.
        self._registry = JWSRegistry(algorithms=sorted(ACCEPTED_ALGORITHMS), strict_check_header=False)

    async def verify(self, token: str) -> Principal:
        return principal_from_claims(await self.verified_claims(token))

    async def verified_claims(self, token: str) -> dict[str, Any]:
        """The claims of a token whose signature, issuer, audience and lifetime hold."""
        header = read_header(token)
        key = await self._keys.get(header.get("kid"))
        if key is None:
            raise Unauthenticated("The access token was signed by an unknown key.")
        claims = self._verified_claims(token, key, header["alg"])
        self._check_claims(claims)
        return claims

    def _verified_claims(self, token: str, key: Key, algorithm: str) -> dict[str, Any]:
        try:
            with _quiet_eddsa_deprecation(algorithm):
                decoded = jwt.decode(token, key, registry=self._registry)
        except (BadSignatureError, KeyParameterError, InvalidKeyTypeError, InvalidKeyCurveError):
            raise Unauthenticated(_BAD_SIGNATURE) from None
        except (JoseError, ValueError, TypeError):
            raise Unauthenticated(_MALFORMED) from None
        return decoded.claims

    def _check_claims(self, claims: dict[str, Any]) -> None:
        registry = jwt.JWTClaimsRegistry(
            now=int(self._clock.now().timestamp()),
            leeway=self._leeway,
            iss={"essential": True, "value": self._issuer},
            aud={"essential": True, "value": self._audience},
            exp={"essential": True},
            sub={"essential": True},
        )
        try:
            registry.validate(claims)
        except ExpiredTokenError:
            raise Unauthenticated("The access token has expired.") from None
        except MissingClaimError as error:
            missing = error.claim.replace(",", ", ")
            raise Unauthenticated(f"The access token lacks required claims: {missing}.") from None
        except ClaimError as error:
            raise Unauthenticated(_CLAIM_DETAILS.get(error.claim, _MALFORMED)) from None


def read_header(token: str) -> dict[str, Any]:
    """Decode and screen the protected header of a compact JWS without trusting anything in it yet."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 2:
        raise Unauthenticated(_MALFORMED)
    try:
        header = json.loads(urlsafe_b64decode(token.split(".", 1)[0].encode("ascii")))
    except (ValueError, RecursionError):
        raise Unauthenticated(_MALFORMED) from None
    if not isinstance(header, dict):
        raise Unauthenticated(_MALFORMED)
    algorithm = header.get("alg")
    if not isinstance(algorithm, str) or algorithm not in ACCEPTED_ALGORITHMS:
        raise Unauthenticated("The access token is signed with an algorithm this service does not accept.")
    if REJECTED_HEADERS & header.keys():
        rejected = ", ".join(sorted(REJECTED_HEADERS & header.keys()))
        raise Unauthenticated(f"The access token carries header parameters this service does not accept: {rejected}.")
    typ = header.get("typ")
    if typ is not None and (not isinstance(typ, str) or typ.lower() not in ACCEPTED_TYPES):
        raise Unauthenticated("The token is not an access token.")
    if not isinstance(header.get("kid", ""), str):
        raise Unauthenticated(_MALFORMED)
    return header


@contextmanager
def _quiet_eddsa_deprecation(algorithm: str) -> Iterator[None]:
    """joserfc warns on every EdDSA use (RFC 9864 deprecates the name); issuers still send it."""
    if algorithm != "EdDSA":
        yield
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SecurityWarning)
        yield
