"""Valid and hostile access tokens for tests; every entry of ``HOSTILE_TOKENS`` must be answered with 401.

Hostile tokens are signed with the development issuer's real key unless forging the signature is the
point, so that each one is rejected for its own reason and not merely for a bad signature.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from uuid import UUID

from joserfc.jwk import ECKey, Key
from joserfc.jws import JWSRegistry
from joserfc.util import urlsafe_b64encode

from app.adapters.auth.dev_issuer import DevIssuer

ISSUER = "https://relais.test"
AUDIENCE = "relais"
TENANT_ID = UUID("01960000-0000-7000-8000-000000000001")
SUBJECT = "employee-1"
ATTACKER_URL = "https://attacker.example/jwks.json"


class TokenFactory(Protocol):
    def __call__(self, issuer: DevIssuer, *, now: datetime | None = None) -> str: ...


def _segment(value: dict[str, Any]) -> str:
    return urlsafe_b64encode(json.dumps(value, separators=(",", ":")).encode()).decode()


def sign_compact(header: dict[str, Any], claims: dict[str, Any], key: Key) -> str:
    """Sign a compact JWS by hand, so that tests can send headers a JWT library would refuse to write."""
    signing_input = f"{_segment(header)}.{_segment(claims)}"
    signature = JWSRegistry.algorithms[header["alg"]].sign(signing_input.encode(), key)
    return f"{signing_input}.{urlsafe_b64encode(signature).decode()}"


def hmac_compact(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    """An HS256 token, as an attacker would make it with a secret they know (such as our public key)."""
    signing_input = f"{_segment(header)}.{_segment(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{urlsafe_b64encode(signature).decode()}"


def claims_for(
    issuer: DevIssuer,
    *,
    now: datetime | None = None,
    tenant_id: UUID | None = TENANT_ID,
    subject: str = SUBJECT,
    roles: Sequence[str] = ("admin",),
    email: str | None = None,
    scopes: Sequence[str] = (),
    ttl: timedelta = timedelta(hours=1),
) -> dict[str, Any]:
    """The claim set of a valid token, to be altered before signing."""
    return issuer.claims(
        tenant_id=tenant_id,
        subject=subject,
        roles=roles,
        email=email,
        scopes=scopes,
        ttl=ttl,
        now=now or datetime.now(UTC),
    )


def header_for(issuer: DevIssuer, **extra: Any) -> dict[str, Any]:
    return {"alg": "ES256", "typ": "at+jwt", "kid": issuer.kid, **extra}


def valid_token(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    """An admin token of ``TENANT_ID``, valid for an hour from ``now``."""
    return issuer.sign(claims_for(issuer, now=now))


def _resigned(issuer: DevIssuer, claims: dict[str, Any], **header: Any) -> str:
    return sign_compact(header_for(issuer, **header), claims, issuer.signing_key)


def expired(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    issued = (now or datetime.now(UTC)) - timedelta(hours=2)
    return issuer.sign(claims_for(issuer, now=issued, ttl=timedelta(hours=1)))


def not_yet_valid(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    claims = claims_for(issuer, now=now)
    claims["nbf"] = claims["iat"] + 3600
    claims["exp"] = claims["iat"] + 7200
    return issuer.sign(claims)


def issued_in_the_future(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    claims = claims_for(issuer, now=now)
    claims["iat"] += 3600
    return issuer.sign(claims)


def wrong_issuer(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return issuer.sign({**claims_for(issuer, now=now), "iss": "https://attacker.example"})


def wrong_audience(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return issuer.sign({**claims_for(issuer, now=now), "aud": ["another-service"]})


def missing_expiry(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    claims = claims_for(issuer, now=now)
    del claims["exp"]
    return issuer.sign(claims)


def missing_subject(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    claims = claims_for(issuer, now=now)
    del claims["sub"]
    return issuer.sign(claims)


def missing_tenant_for_non_operator(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return issuer.sign(claims_for(issuer, now=now, tenant_id=None, roles=("admin",)))


def malformed_tenant(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return issuer.sign({**claims_for(issuer, now=now, roles=("operator",)), "tenant_id": "not-a-uuid"})


def alg_none(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    header = {"alg": "none", "typ": "at+jwt", "kid": issuer.kid}
    return f"{_segment(header)}.{_segment(claims_for(issuer, now=now))}."


def hs256_with_public_key_pem(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    secret = issuer.signing_key.as_pem(private=False)
    return hmac_compact(header_for(issuer, alg="HS256"), claims_for(issuer, now=now), secret)


def hs256_with_public_jwks_json(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    secret = json.dumps(issuer.public_jwks()["keys"][0]).encode()
    return hmac_compact(header_for(issuer, alg="HS256"), claims_for(issuer, now=now), secret)


def _attacker_key() -> ECKey:
    return ECKey.generate_key("P-256", auto_kid=True)


def signed_by_unknown_key(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    key = _attacker_key()
    return sign_compact(header_for(issuer, kid=key.kid), claims_for(issuer, now=now), key)


def forged_with_known_kid(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return sign_compact(header_for(issuer), claims_for(issuer, now=now), _attacker_key())


def tampered_payload(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    header, _, signature = valid_token(issuer, now=now).split(".")
    escalated = {**claims_for(issuer, now=now), "roles": ["operator", "admin"]}
    return f"{header}.{_segment(escalated)}.{signature}"


def jku_header(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return _resigned(issuer, claims_for(issuer, now=now), jku=ATTACKER_URL)


def x5u_header(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return _resigned(issuer, claims_for(issuer, now=now), x5u=ATTACKER_URL)


def embedded_jwk_header(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    key = _attacker_key()
    header = header_for(issuer, kid=key.kid, jwk=key.as_dict(private=False))
    return sign_compact(header, claims_for(issuer, now=now), key)


def crit_header(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    extension = "urn:relais:test:unknown-extension"
    return _resigned(issuer, claims_for(issuer, now=now), crit=[extension], **{extension: True})


def wrong_type(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return _resigned(issuer, claims_for(issuer, now=now), typ="dpop+jwt")


def not_a_jwt(issuer: DevIssuer, *, now: datetime | None = None) -> str:
    return "not-a-token"


HOSTILE_TOKENS: dict[str, TokenFactory] = {
    "expired": expired,
    "not_yet_valid": not_yet_valid,
    "issued_in_the_future": issued_in_the_future,
    "wrong_issuer": wrong_issuer,
    "wrong_audience": wrong_audience,
    "missing_expiry": missing_expiry,
    "missing_subject": missing_subject,
    "missing_tenant_for_non_operator": missing_tenant_for_non_operator,
    "malformed_tenant": malformed_tenant,
    "alg_none": alg_none,
    "hs256_with_public_key_pem": hs256_with_public_key_pem,
    "hs256_with_public_jwks_json": hs256_with_public_jwks_json,
    "signed_by_unknown_key": signed_by_unknown_key,
    "forged_with_known_kid": forged_with_known_kid,
    "tampered_payload": tampered_payload,
    "jku_header": jku_header,
    "x5u_header": x5u_header,
    "embedded_jwk_header": embedded_jwk_header,
    "crit_header": crit_header,
    "wrong_type": wrong_type,
    "not_a_jwt": not_a_jwt,
}
