"""The embedded development issuer: signs access tokens when no external identity provider is configured.

Its ES256 key lives in the data directory so that tokens survive restarts and every local process
(API replicas, CLI) signs and verifies with the same key.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from joserfc import jwt
from joserfc.jwk import ECKey, KeySet

from app.adapters.auth.key_files import DevIssuerKeyError as DevIssuerKeyError
from app.adapters.auth.key_files import load_or_create
from app.adapters.auth.keys import StaticKeySource
from app.adapters.auth.verifier import JoserfcTokenVerifier
from app.domain.roster.identity import Role
from app.ports.system import Clock

KEY_FILE_NAME = "dev-signing-key.json"
ALGORITHM = "ES256"
DEFAULT_TTL = timedelta(hours=12)
DEV_CLIENT_ID = "relais-dev"


class DevIssuer:
    """Mints access tokens shaped like an external issuer's, so the API behaves the same in both modes."""

    def __init__(self, signing_key: ECKey, issuer: str, audience: str) -> None:
        if not signing_key.is_private or signing_key.curve_name != "P-256":
            raise DevIssuerKeyError("The development issuer needs a P-256 private key.")
        self._key = signing_key
        self._kid = signing_key.thumbprint()
        self._public = ECKey.import_key(signing_key.as_dict(private=False, kid=self._kid, use="sig", alg=ALGORITHM))
        self.issuer = issuer
        self.audience = audience

    @classmethod
    def load_or_create(cls, data_dir: Path, issuer: str, audience: str = "relais") -> DevIssuer:
        """Reuse ``data_dir/dev-signing-key.json``, creating it (mode 0600) on first start."""
        return cls(load_or_create(data_dir / KEY_FILE_NAME, ECKey, _generate_key, _is_p256), issuer, audience)

    @classmethod
    def ephemeral(cls, issuer: str, audience: str = "relais") -> DevIssuer:
        """An issuer whose key lives only in memory, for tests."""
        return cls(_generate_key(), issuer, audience)

    @property
    def kid(self) -> str:
        """The RFC 7638 thumbprint of the signing key, published as its ``kid``."""
        return self._kid

    @property
    def signing_key(self) -> ECKey:
        """The private key; exposed for crafting test tokens, never to be served or logged."""
        return self._key

    def claims(
        self,
        *,
        tenant_id: UUID | None,
        subject: str,
        roles: Sequence[str],
        email: str | None = None,
        scopes: Sequence[str] = (),
        ttl: timedelta = DEFAULT_TTL,
        now: datetime,
    ) -> dict[str, Any]:
        """The RFC 9068 claim set ``mint`` signs; raises ``ValueError`` on an unknown role or a bad lifetime."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware.")
        if ttl <= timedelta(0):
            raise ValueError("The token lifetime must be positive.")
        issued_at = int(now.timestamp())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "client_id": DEV_CLIENT_ID,
            "iat": issued_at,
            "nbf": issued_at,
            "exp": issued_at + int(ttl.total_seconds()),
            "jti": str(uuid4()),
            "roles": [_known_role(name) for name in roles],
        }
        if tenant_id is not None:
            claims["tenant_id"] = str(tenant_id)
        if email is not None:
            claims["email"] = email
            claims["email_verified"] = True
        if scopes:
            claims["scope"] = " ".join(scopes)
        return claims

    def mint(
        self,
        *,
        tenant_id: UUID | None,
        subject: str,
        roles: Sequence[str],
        email: str | None = None,
        scopes: Sequence[str] = (),
        ttl: timedelta = DEFAULT_TTL,
        now: datetime,
    ) -> str:
        """A signed access token; the email is marked verified because the developer vouches for it."""
        claims = self.claims(
            tenant_id=tenant_id, subject=subject, roles=roles, email=email, scopes=scopes, ttl=ttl, now=now
        )
        return self.sign(claims)

    def sign(self, claims: dict[str, Any]) -> str:
        """Sign a claim set as an ``at+jwt`` with this issuer's key."""
        header = {"alg": ALGORITHM, "typ": "at+jwt", "kid": self.kid}
        return jwt.encode(header, claims, self._key, algorithms=[ALGORITHM])

    def public_jwks(self) -> dict[str, Any]:
        """The JWKS served at ``/.well-known/jwks.json``."""
        keys = [dict(key) for key in KeySet([self._public]).as_dict(private=False)["keys"]]
        # Defence in depth: the published key is built from public members only, but a leak would be fatal.
        if any("d" in key for key in keys):
            raise RuntimeError("A private key member was about to be published.")
        return {"keys": keys}

    def key_source(self) -> StaticKeySource:
        return StaticKeySource(KeySet([self._public]))

    def verifier(self, clock: Clock, leeway_seconds: int = 30) -> JoserfcTokenVerifier:
        """A verifier that accepts exactly this issuer's tokens."""
        return JoserfcTokenVerifier(self.issuer, self.audience, self.key_source(), clock, leeway_seconds)


def _known_role(name: str) -> str:
    try:
        return Role(name).value
    except ValueError:
        known = ", ".join(role.value for role in Role)
        raise ValueError(f"Unknown role {name!r}; expected one of: {known}.") from None


def _generate_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"use": "sig", "alg": ALGORITHM}, auto_kid=True)


def _is_p256(key: ECKey) -> bool:
    return key.curve_name == "P-256"
