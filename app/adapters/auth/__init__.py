"""Access-token verification (joserfc), JWKS key sources and the embedded development issuer."""

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.auth.key_files import DevIssuerKeyError
from app.adapters.auth.keys import HttpJwksSource, KeySource, StaticKeySource
from app.adapters.auth.verifier import JoserfcTokenVerifier

__all__ = [
    "DevIssuer",
    "DevIssuerKeyError",
    "HttpJwksSource",
    "JoserfcTokenVerifier",
    "KeySource",
    "StaticKeySource",
]
